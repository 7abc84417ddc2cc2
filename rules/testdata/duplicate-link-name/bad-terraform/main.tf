# Two resource links of one service share the name "settings": code opens
# stores by link name, so one of them can never be opened.
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
  resource_link {
    name        = "settings"
    resource_id = fastly_configstore.settings.id
  }
  resource_link {
    name        = "settings"
    resource_id = fastly_configstore.flags.id
  }
}
