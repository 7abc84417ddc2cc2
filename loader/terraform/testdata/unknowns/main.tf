variable "origin_host" {}

data "fastly_datacenters" "all" {}

resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name    = "origin"
    address = var.origin_host
  }
  backend {
    name          = "computed"
    address       = "global.ssl.fastly.net"
    override_host = fastly_service_vcl.other.id
    shield        = data.fastly_datacenters.all.pops[0].shield
  }
}

resource "fastly_service_vcl" "other" {
  name = "other"
  domain {
    name = "other.example.com"
  }
}
