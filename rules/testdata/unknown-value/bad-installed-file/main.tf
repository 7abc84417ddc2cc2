# As Financial-Times/polyfill-service: VCL read from node_modules, which
# npm fills before Terraform runs. Not an input error: its content is
# unknown here, and a note (not a parse error) says so.
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
  vcl {
    name    = "normalise.vcl"
    content = file("${path.module}/node_modules/@ft/normaliser/lib/normalise.vcl")
  }
}
