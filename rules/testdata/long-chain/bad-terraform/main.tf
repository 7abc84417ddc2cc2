# edge → router → app: three VCL services on one request path.
locals {
  chain = {
    edge   = "router.example.com"
    router = "app.example.com"
    app    = "origin.example.net"
  }
}

resource "fastly_service_vcl" "s" {
  for_each = local.chain
  name     = each.key
  domain {
    name = "${each.key}.example.com"
  }
  backend {
    name          = "next"
    address       = each.value
    override_host = each.value
  }
}
