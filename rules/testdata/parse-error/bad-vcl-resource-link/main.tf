# The provider's fastly_service_vcl has no resource_link block: terraform
# validate fails with "Unsupported block type". The config store link is
# read anyway (it is valid for the API), and is not a store-platform error.
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
