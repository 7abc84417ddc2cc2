# Fastly's next Terraform provider (fastly/terraform-provider-fastly-beta,
# docs/resources): both families are read, and the explicit family's
# objects, actions and terraform_data join their service.
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

resource "terraform_data" "package" {
  input = {
    filename = "${path.module}/pkg/explicit.tar.gz"
  }
}

action "fastly_service_compute_package_upload" "explicit" {
  config {
    service_id = fastly_service_compute.explicit.id
    version    = 3
    filename   = terraform_data.package.output.filename
  }
}

action "fastly_service_version_stage" "api" {
  count = 1
  config {
    service_id = fastly_service_cdn.api.id
    version    = 1
  }
}

# A custom VCL file of the explicit family: the current provider's
# service type name, with service_id and version.
resource "fastly_service_vcl" "main" {
  service_id = fastly_service_cdn.api.id
  version    = 1
  name       = "main"
  main       = true
  content    = "sub vcl_recv { set req.http.host = \"api.example.com\"; }"
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
