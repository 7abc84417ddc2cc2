# An argument at the top of a file, meant for the provider block:
# Terraform refuses it ("Unsupported argument"). The service still loads.
api_key = var.fastly_api_key

resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name    = "origin"
    address = "origin.example.net"
  }
}
