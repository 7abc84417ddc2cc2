# fastly_service_v1, the provider's name for VCL services before 1.0, with its
# old ssl_hostname: read as fastly_service_vcl.
resource "fastly_service_v1" "a" {
  name = "a"
  domain { name = "a.example.com" }
  backend {
    name         = "b"
    address      = "b.example.com"
    port         = 443
    ssl_hostname = "wrong.example.com"
    override_host = "b.example.com"
  }
}
resource "fastly_service_v1" "b" {
  name = "b"
  domain { name = "b.example.com" }
  backend {
    name    = "back"
    address = fastly_service_v1.a.domain[0].name
  }
}
