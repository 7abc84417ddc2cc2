# The current provider's stage = true on the service a chain reaches.
resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name          = "api"
    address       = "api.example.com"
    override_host = "api.example.com"
  }
}

resource "fastly_service_vcl" "api" {
  name  = "api"
  stage = true
  domain {
    name = "api.example.com"
  }
  backend {
    name          = "origin"
    address       = "origin.example.com"
    override_host = "origin.example.com"
  }
}
