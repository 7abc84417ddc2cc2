variable "chained_host" {}

resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name          = "chained"
    address       = var.chained_host
    override_host = var.chained_host
  }
}
