# The backend is a Fastly service this estate does not hold (a partner's):
# chainlint cannot follow the chain past it.
resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name          = "partner"
    address       = "partner.global.ssl.fastly.net"
    override_host = "api.partner.example"
  }
}
