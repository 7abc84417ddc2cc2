# 51 config stores linked to one service, one per tenant: Fastly allows 50
# resource links per service.
resource "fastly_configstore" "tenant" {
  for_each = toset([for i in range(51) : format("tenant_%02d", i)])
  name     = each.key
}

resource "fastly_service_compute" "app" {
  name = "app"
  domain {
    name = "app.example.com"
  }
  dynamic "resource_link" {
    for_each = fastly_configstore.tenant
    content {
      name        = resource_link.key
      resource_id = resource_link.value.id
    }
  }
}
