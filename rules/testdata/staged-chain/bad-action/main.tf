# The explicit family stages www, which chains to api: chaining is not
# supported in staging.
variable "service_version" {
  default = 5
}

resource "fastly_service_cdn" "www" {
  name = "www"
}

resource "fastly_service_domain" "www" {
  service_id = fastly_service_cdn.www.id
  version    = var.service_version
  name       = "www.example.com"
}

resource "fastly_service_backend" "api" {
  service_id    = fastly_service_cdn.www.id
  version       = var.service_version
  name          = "api"
  address       = "api.example.com"
  override_host = "api.example.com"
}

resource "fastly_service_cdn" "api" {
  name = "api"
}

resource "fastly_service_domain" "api" {
  service_id = fastly_service_cdn.api.id
  version    = 1
  name       = "api.example.com"
}

action "fastly_service_version_stage" "www" {
  config {
    service_id = fastly_service_cdn.www.id
    version    = var.service_version
  }
}

action "fastly_service_version_activate" "api" {
  config {
    service_id = fastly_service_cdn.api.id
    version    = 1
  }
}
