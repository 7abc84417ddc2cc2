resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name          = "next"
    address       = "old.example.com"
    override_host = "old.example.com"
  }
}

resource "fastly_service_vcl" "old" {
  name = "old"
  domain {
    name = "old.example.com"
  }
}
