# A KV store linked to a VCL service, written in Terraform: the link is
# read (and the block itself is a parse-error, as the provider refuses it).
resource "fastly_kvstore" "sessions" {
  name = "sessions"
}

resource "fastly_service_v1" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name          = "origin"
    address       = "origin.example.net"
    override_host = "origin.example.net"
  }
  resource_link {
    name        = "sessions"
    resource_id = fastly_kvstore.sessions.id
  }
}
