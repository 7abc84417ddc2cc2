# Fastly's next provider, explicit family: www chains to api, but its
# backend resource sends the client's Host, so Fastly routes it back.
terraform {
  required_providers {
    fastly = { source = "fastly/fastly-beta" }
  }
}

variable "service_version" {
  default = 4
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
  service_id = fastly_service_cdn.www.id
  version    = var.service_version
  name       = "api"
  address    = "api.example.com"
  port       = 443
  use_ssl    = true
}

resource "fastly_service_compute" "api" {
  name = "api"
}

resource "fastly_service_domain" "api" {
  service_id = fastly_service_compute.api.id
  version    = 2
  name       = "api.example.com"
}

resource "fastly_service_backend" "origin" {
  service_id    = fastly_service_compute.api.id
  version       = 2
  name          = "origin"
  address       = "origin.example.com"
  override_host = "origin.example.com"
}
