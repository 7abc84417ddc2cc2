# www shields at Amsterdam and the api service it chains to at London: a
# request can cross three POPs.
resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name          = "api"
    address       = "api.example.com"
    override_host = "api.example.com"
    shield        = "amsterdam-nl"
  }
}

resource "fastly_service_vcl" "api" {
  name = "api"
  domain {
    name = "api.example.com"
  }
  backend {
    name          = "origin"
    address       = "origin.example.net"
    override_host = "origin.example.net"
    shield        = "london-uk"
  }
}
