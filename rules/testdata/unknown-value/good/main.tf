variable "chained_domain" {
  default = "chained-service.example.com"
}

resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name          = "chained"
    address       = var.chained_domain
    override_host = var.chained_domain
  }
}
