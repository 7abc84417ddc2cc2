# Config store link names may hold only ASCII letters, digits, underscores
# and spaces: the API refuses "app-config".
resource "fastly_configstore" "config" {
  name = "app_config"
}

resource "fastly_service_compute" "app" {
  name = "app"
  domain {
    name = "app.example.com"
  }
  resource_link {
    name        = "app-config"
    resource_id = fastly_configstore.config.id
  }
}
