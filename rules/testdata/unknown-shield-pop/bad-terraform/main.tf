# "amsterdam-nk" is no shield location code (a typo of amsterdam-nl).
resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name          = "origin"
    address       = "origin.example.net"
    override_host = "origin.example.net"
    shield        = "amsterdam-nk"
  }
}
