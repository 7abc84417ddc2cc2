# A Compute service with an edge dictionary of its own: its code opens it
# as a config store, with no resource link.
resource "fastly_service_compute" "app" {
  name = "app"
  domain {
    name = "app.example.com"
  }
  package {
    filename = "app/pkg/app.tar.gz"
  }
  dictionary {
    name = "cfg"
  }
}
