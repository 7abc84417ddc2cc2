# The provider's fastly_service_vcl has no resource_link block: terraform
# validate fails with "Unsupported block type". The link is read anyway, so
# store-platform reports it too: config stores are Compute-only.
resource "fastly_configstore" "settings" {
  name = "settings"
}

resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name          = "origin"
    address       = "origin.example.net"
    override_host = "origin.example.net"
  }
  resource_link {
    name        = "settings"
    resource_id = fastly_configstore.settings.id
  }
}
