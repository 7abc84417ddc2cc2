# A staged service outside any chain: staging tests it as production runs
# it. (stage = false on the chained one.)
resource "fastly_service_vcl" "www" {
  name  = "www"
  stage = false
  domain {
    name = "www.example.com"
  }
  backend {
    name          = "api"
    address       = "api.example.com"
    override_host = "api.example.com"
  }
}

resource "fastly_service_vcl" "api" {
  name = "api"
  domain {
    name = "api.example.com"
  }
}

resource "fastly_service_vcl" "blog" {
  name  = "blog"
  stage = true
  domain {
    name = "blog.example.com"
  }
  backend {
    name          = "origin"
    address       = "origin.example.com"
    override_host = "origin.example.com"
  }
}
