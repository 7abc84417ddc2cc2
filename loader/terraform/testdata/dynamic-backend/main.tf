variable "backends" {
  default = {
    api    = "api.example.com"
    images = "images.example.com"
  }
}

resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name    = "static"
    address = "static.example.net"
  }
  dynamic "backend" {
    for_each = var.backends
    content {
      name          = backend.key
      address       = backend.value
      override_host = backend.value
    }
  }
}

resource "fastly_service_vcl" "api" {
  name = "api"
  domain {
    name = "api.example.com"
  }
}

resource "fastly_service_vcl" "images" {
  name = "images"
  domain {
    name = "images.example.com"
  }
}
