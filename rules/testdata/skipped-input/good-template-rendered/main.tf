# A .vcl template that Terraform renders is linted as rendered, where it is
# used, and not again on its own: no note.
resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name          = "origin"
    address       = "origin.example.net"
    override_host = "origin.example.net"
  }
  snippet {
    name    = "origin-header"
    type    = "recv"
    content = templatefile("${path.module}/vcl/recv.vcl", { origin = "origin.example.net" })
  }
}
