# One module, instantiated for two environments: both instances declare a
# service named "Frontend". Only production's backend sends the client's
# Host to the API service (missing-host-override): only production's node
# is marked, though staging's comes after it.
module "production" {
  source   = "./modules/frontend"
  env      = "www"
  api_host = "api-a.example.com"
}

module "staging" {
  source        = "./modules/frontend"
  env           = "staging"
  api_host      = "api-b.example.com"
  override_host = "api-b.example.com"
}

resource "fastly_service_vcl" "api" {
  name = "API"
  domain {
    name = "api-a.example.com"
  }
  domain {
    name = "api-b.example.com"
  }
  backend {
    name    = "origin"
    address = "origin.example.net"
  }
}
