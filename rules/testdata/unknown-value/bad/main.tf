variable "chained_domain" {}

data "fastly_services" "all" {}

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
  backend {
    name    = "legacy"
    address = data.fastly_services.all.details[0].name
  }
}
