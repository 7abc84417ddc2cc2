variable "zone" {}

resource "fastly_service_vcl" "inner" {
  name = "inner"

  domain {
    name = "inner.${var.zone}"
  }

  backend {
    name    = "origin"
    address = var.origin_host # the call passes no such input, and no block declares it
  }
}
