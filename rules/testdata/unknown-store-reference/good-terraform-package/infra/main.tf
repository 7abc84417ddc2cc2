# Terraform runs in infra/: the package filename is relative to it, and
# points into the project at ../app, so the project's store opens are
# checked against this service's links (which hold "sessions").
resource "fastly_kvstore" "sessions" {
  name = "sessions"
}

resource "fastly_service_compute" "app" {
  name = "production-app"
  domain {
    name = "app.example.com"
  }
  package {
    filename         = "../app/pkg/edge-app.tar.gz"
    source_code_hash = filesha512("../app/pkg/edge-app.tar.gz")
  }
  resource_link {
    name        = "sessions"
    resource_id = fastly_kvstore.sessions.id
  }
}
