# The filename comes from a variable without a value (unknown), but the
# package hash data source names the file: that joins the project.
variable "package" {}

data "fastly_package_hash" "app" {
  filename = "${path.module}/../app/pkg/edge-app.tar.gz"
}

resource "fastly_kvstore" "sessions" {
  name = "sessions"
}

resource "fastly_service_compute" "app" {
  name = "production-app"
  domain {
    name = "app.example.com"
  }
  package {
    filename         = var.package
    source_code_hash = data.fastly_package_hash.app.hash
  }
  resource_link {
    name        = "sessions"
    resource_id = fastly_kvstore.sessions.id
  }
}
