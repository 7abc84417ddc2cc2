resource "fastly_service_vcl" "demo" {
  name = "demo two"
}

resource "fastly_service_compute" "api" {
  name = "api"
  domain {
    name = "api.example.org"
  }
}

module "child" {
  source = "./child"
}
