# The same KV store linked to a Compute service, where the provider has
# the block and the platform can read the store.
resource "fastly_kvstore" "sessions" {
  name = "sessions"
}

resource "fastly_service_compute" "app" {
  name = "app"
  domain {
    name = "app.example.com"
  }
  resource_link {
    name        = "sessions"
    resource_id = fastly_kvstore.sessions.id
  }
}
