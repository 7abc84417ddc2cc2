# Two root modules declare the same address: fastly_service_vcl.service.
variable "name" {}

resource "fastly_service_vcl" "service" {
  name = var.name
  domain {
    name = "a.example.com"
  }
  backend {
    name          = "origin"
    address       = "origin-a.example.com"
    override_host = "origin-a.example.com"
  }
}
