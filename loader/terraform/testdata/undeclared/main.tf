# Terraform refuses references to input variables and local values the
# module does not declare (terraform validate: "Reference to undeclared
# input variable", "... local value"). The values stay unknown, and the
# explanation says which declaration is missing.
variable "zone" {
  default = "example.com"
}

locals {
  origin = "origin.${var.zone}"
}

resource "fastly_service_vcl" "edge" {
  name = var.edge_name # not declared

  domain {
    name = "www.${var.zone}"
  }

  backend {
    name    = "origin"
    address = local.origin
  }

  backend {
    name    = "legacy"
    address = local.legacy_origin # not defined
  }
}

module "child" {
  source = "./child"
  zone   = var.zone
}
