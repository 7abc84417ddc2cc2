# Fastly's next Terraform provider (fastly/terraform-provider-fastly-beta,
# docs/resources): chainlint does not read it yet, and says so for every
# resource instead of reading the estate as "0 services".
terraform {
  required_providers {
    fastly = { source = "fastly/fastly-beta" }
  }
}

# Automatic family: nested blocks, as fastly_service_vcl.
resource "fastly_service_cdn_auto" "edge" {
  name = "edge"
  domain {
    name = "www.example.com"
  }
  backend {
    name    = "app"
    address = "app.example.com.global.prod.fastly.net"
  }
}

resource "fastly_service_compute_auto" "app" {
  name = "app"
  domain {
    name = "app.example.com"
  }
}

# Explicit family: the service alone, its objects point at it.
resource "fastly_service_cdn" "api" {
  name = "api"
}

resource "fastly_service_domain" "api" {
  service_id = fastly_service_cdn.api.id
  version    = 1
  name       = "api.example.com"
}

resource "fastly_service_backend" "api" {
  service_id = fastly_service_cdn.api.id
  version    = 1
  name       = "origin"
  address    = "origin.example.com"
}

# The explicit fastly_service_compute has the current provider's name.
resource "fastly_service_compute" "explicit" {
  name = "explicit"
}

# The current provider's objects that point at a service have no
# version: not the next provider's, and read (or ignored) as before.
resource "fastly_service_dictionary_items" "items" {
  service_id    = fastly_service_cdn.api.id
  dictionary_id = "abc"
  items         = {}
}

# The current provider's resource is read as before.
resource "fastly_service_vcl" "old" {
  name = "old"
  domain {
    name = "old.example.com"
  }
}
