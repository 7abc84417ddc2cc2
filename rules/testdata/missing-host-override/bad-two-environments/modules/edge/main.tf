# One module, instantiated by two environments: each instance is its own
# service, and a finding in this file belongs to the instance it is about.
variable "env" {}

resource "fastly_service_vcl" "edge" {
  name = "edge-${var.env}"
  domain {
    name = "${var.env}.example.com"
  }
  # The app service's domain, without override_host: the request arrives
  # with the client's Host (this service's own domain) and loops back.
  backend {
    name    = "app"
    address = "app-${var.env}.example.com"
  }
}

resource "fastly_service_vcl" "app" {
  name = "app-${var.env}"
  domain {
    name = "app-${var.env}.example.com"
  }
  backend {
    name          = "origin"
    address       = "origin.example.net"
    override_host = "origin.example.net"
  }
}
