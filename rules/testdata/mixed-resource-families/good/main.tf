# One family per service: the automatic one nests its backend; product
# enablement is versionless and may name any service.
resource "fastly_service_cdn_auto" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name          = "origin"
    address       = "origin.example.com"
    override_host = "origin.example.com"
  }
}

resource "fastly_service_product_ngwaf" "www" {
  service_id   = fastly_service_cdn_auto.www.id
  workspace_id = "abc"
}
