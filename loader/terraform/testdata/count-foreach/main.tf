variable "regions" {
  default = ["eu", "us"]
}

resource "fastly_service_vcl" "regional" {
  count = length(var.regions)
  name  = "www-${var.regions[count.index]}"
  domain {
    name = "${var.regions[count.index]}.example.com"
  }
  backend {
    name    = "origin"
    address = "origin-${var.regions[count.index]}.example.net"
  }
}

resource "fastly_kvstore" "stores" {
  for_each = toset(["sessions", "carts"])
  name     = each.key
}

resource "fastly_service_compute" "app" {
  name = "app"
  domain {
    name = "app.example.com"
  }
  dynamic "resource_link" {
    for_each = fastly_kvstore.stores
    content {
      name        = resource_link.key
      resource_id = resource_link.value.id
    }
  }
}
