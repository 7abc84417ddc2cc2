# Each value here is known only if it is evaluated after what it refers
# to: a local that reads a resource declared below it, a module whose
# input reads a resource and whose output a resource reads, and outputs.
locals {
  # read before the resource is declared
  edge_host = fastly_service_vcl.edge.domain[0].name
  # a cycle: Terraform refuses it; both stay unknown
  ping = local.pong
  pong = local.ping
}

resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name          = "edge"
    address       = local.edge_host
    override_host = module.edge.host
  }
  backend {
    name    = "looped"
    address = local.ping
  }
}

module "edge" {
  source = "./modules/edge"
  host   = fastly_service_vcl.edge.domain[0].name
}

resource "fastly_service_vcl" "edge" {
  name = "edge"
  domain {
    name = "edge.example.com"
  }
}

# Two services that name each other: a cycle Terraform refuses. chainlint
# evaluates each twice, so each sees the other's domain.
resource "fastly_service_vcl" "a" {
  name = "a"
  domain {
    name = "a.example.com"
  }
  backend {
    name    = "b"
    address = fastly_service_vcl.b.domain[0].name
  }
}

resource "fastly_service_vcl" "b" {
  name = "b"
  domain {
    name = "b.example.com"
  }
  backend {
    name    = "a"
    address = fastly_service_vcl.a.domain[0].name
  }
}
