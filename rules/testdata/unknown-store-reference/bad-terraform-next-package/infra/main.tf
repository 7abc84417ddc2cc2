# The next provider's explicit family: the package is uploaded by an
# action that a terraform_data resource triggers (its design document's
# pattern); the action's filename joins the project to the service,
# whose only link is "session-store": the code's open of "sessions"
# fails at run time.
terraform {
  required_providers {
    fastly = { source = "fastly/fastly-beta" }
  }
}

variable "service_version" {
  type    = number
  default = 2
}

resource "fastly_kvstore" "sessions" {
  name = "sessions"
}

resource "fastly_service_compute" "app" {
  name = "production-app"
}

resource "fastly_service_domain" "app" {
  service_id = fastly_service_compute.app.id
  version    = var.service_version
  name       = "app.example.com"
}

resource "fastly_service_resource_link" "sessions" {
  service_id  = fastly_service_compute.app.id
  version     = var.service_version
  name        = "session-store"
  resource_id = fastly_kvstore.sessions.id
}

resource "terraform_data" "compute_package" {
  input = {
    service_id       = fastly_service_compute.app.id
    version          = var.service_version
    filename         = "${path.module}/../app/pkg/edge-app.tar.gz"
    source_code_hash = filebase64sha256("${path.module}/../app/pkg/edge-app.tar.gz")
  }

  lifecycle {
    action_trigger {
      events  = [before_create, before_update]
      actions = [action.fastly_service_compute_package_upload.this]
    }
  }
}

action "fastly_service_compute_package_upload" "this" {
  config {
    service_id = fastly_service_compute.app.id
    version    = var.service_version
    filename   = terraform_data.compute_package.output.filename
  }
}
