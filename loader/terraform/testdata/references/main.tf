resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name    = "chained"
    address = fastly_service_vcl.chained.domain[0].name
  }
}

resource "fastly_service_vcl" "chained" {
  name = "chained-service"
  domain {
    name = "chained-service.example.com"
  }
}

resource "fastly_configstore" "settings" {
  name = "settings"
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
}
