# VCL -> Compute -> VCL: the one three-service shape Fastly encourages.
resource "fastly_service_vcl" "edge" {
  name = "edge"
  domain {
    name = "www.example.com"
  }
  backend {
    name          = "app"
    address       = "app.example.com"
    override_host = "app.example.com"
  }
}

resource "fastly_service_compute" "app" {
  name = "app"
  domain {
    name = "app.example.com"
  }
  backend {
    name          = "cache"
    address       = fastly_service_vcl.cache.domain[0].name
    override_host = fastly_service_vcl.cache.domain[0].name
  }
  resource_link {
    name        = "sessions"
    resource_id = fastly_kvstore.sessions.id
  }
}

resource "fastly_kvstore" "sessions" {
  name = "sessions"
}

resource "fastly_service_vcl" "cache" {
  name = "cache"
  domain {
    name = "cache.example.com"
  }
  backend {
    name   = "origin"
    address = "origin.example.com"
    shield = "iad-va-us"
  }
}
