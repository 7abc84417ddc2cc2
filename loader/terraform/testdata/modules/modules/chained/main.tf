variable "domain" {}
variable "origin" {}

resource "fastly_service_vcl" "this" {
  name = "chained-service"
  domain {
    name = var.domain
  }
  backend {
    name          = "origin"
    address       = var.origin
    override_host = var.origin
  }
}

output "domain" {
  value = var.domain
}
