variable "environment" {}

locals {
  origin_hostname = "mobile-${var.environment}.example.com"
}

resource "fastly_service_vcl" "app" {
  name = "app"
  domain {
    name = "app.example.com"
  }
  backend {
    name          = "Mobile backend config bucket - ${var.environment}"
    address       = local.origin_hostname
    override_host = local.origin_hostname
  }
}
