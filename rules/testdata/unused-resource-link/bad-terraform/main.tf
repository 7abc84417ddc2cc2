# The service links "flags", but no code of its Compute project (app/)
# opens it.
resource "fastly_configstore" "settings" {
  name = "settings"
}

resource "fastly_configstore" "flags" {
  name = "flags"
}

resource "fastly_service_compute" "app" {
  name = "app"
  domain {
    name = "app.example.com"
  }
  package {
    filename = "app/pkg/app.tar.gz"
  }
  resource_link {
    name        = "settings"
    resource_id = fastly_configstore.settings.id
  }
  resource_link {
    name        = "flags"
    resource_id = fastly_configstore.flags.id
  }
}
