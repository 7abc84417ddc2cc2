# The backend's address is the api service's domain, but override_host
# names another domain: Fastly routes by the Host, to the wrong service.
resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name          = "api"
    address       = "api.example.com"
    override_host = "images.example.com"
  }
}

resource "fastly_service_vcl" "api" {
  name = "api"
  domain {
    name = "api.example.com"
  }
  backend {
    name          = "origin"
    address       = "api-origin.example.net"
    override_host = "api-origin.example.net"
  }
}

resource "fastly_service_vcl" "images" {
  name = "images"
  domain {
    name = "images.example.com"
  }
  backend {
    name          = "origin"
    address       = "images-origin.example.net"
    override_host = "images-origin.example.net"
  }
}
