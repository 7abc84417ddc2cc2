# Two root modules declare the same address: fastly_service_vcl.service.
variable "name" {}

resource "fastly_service_vcl" "service" {
  name = var.name
  domain {
    name = "b.example.com"
  }
  backend {
    name          = "origin"
    address       = "origin-b.example.com"
    override_host = "origin-b.example.com"
  }
}
