resource "fastly_service_vcl" "example" {
  name = "edge"

  domain {
    name = "www.example.com"
  }

  # example.com is another example's domain (site.tf): no chain.
  backend {
    name    = "placeholder"
    address = "example.com"
  }
}

resource "fastly_service_vcl" "front" {
  name = "front"

  domain {
    name = "front.example.com"
  }

  # www.example.com is this file's own example: a chain, and it loops.
  backend {
    name    = "edge"
    address = "www.example.com"
  }
}
