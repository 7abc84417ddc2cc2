data "external" "package" {
  program     = ["sh", "build.sh"]
  working_dir = "./app/bin"
}

resource "fastly_configstore" "config" {
  name = "app_config"
}

resource "fastly_service_compute" "app" {
  name = "app.example.com"
  domain {
    name = "app.example.com"
  }
  resource_link {
    name        = "app_config"
    resource_id = fastly_configstore.config.id
  }
  package {
    filename = data.external.package.result.path
  }
}
