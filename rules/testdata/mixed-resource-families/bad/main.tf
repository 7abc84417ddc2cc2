# An automatic-family service, and an explicit backend resource that
# writes to it: the provider's design forbids the mix.
resource "fastly_service_cdn_auto" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
}

resource "fastly_service_backend" "origin" {
  service_id    = fastly_service_cdn_auto.www.id
  version       = 1
  name          = "origin"
  address       = "origin.example.com"
  override_host = "origin.example.com"
}
