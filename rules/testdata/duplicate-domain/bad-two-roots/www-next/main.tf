# The next version of the site, as its own root: it must not claim the
# domain the running one holds.
resource "fastly_service_vcl" "www_next" {
  name = "www-next"
  domain {
    name = "www.example.com"
  }
  backend {
    name    = "origin"
    address = "origin-next.example.net"
  }
}
