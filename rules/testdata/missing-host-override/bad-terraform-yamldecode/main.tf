locals {
  services = yamldecode(file("${path.module}/services.yaml"))
}

resource "fastly_service_vcl" "s" {
  for_each = local.services
  name     = each.key
  domain {
    name = each.value.domain
  }
  backend {
    name    = "next"
    address = each.value.backend
  }
}
