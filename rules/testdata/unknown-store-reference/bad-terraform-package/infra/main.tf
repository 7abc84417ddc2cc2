# The package joins the project to this service, whose only link is
# "session-store": the code's open of "sessions" fails at run time.
resource "fastly_kvstore" "sessions" {
  name = "sessions"
}

resource "fastly_service_compute" "app" {
  name = "production-app"
  domain {
    name = "app.example.com"
  }
  package {
    filename = "../app/pkg/edge-app.tar.gz"
  }
  resource_link {
    name        = "session-store"
    resource_id = fastly_kvstore.sessions.id
  }
}
