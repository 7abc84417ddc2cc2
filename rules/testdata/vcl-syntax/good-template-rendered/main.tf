# main.vcl is a Terraform template: linted as rendered, where
# templatefile() uses it, and not again on its own.
resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name          = "origin"
    address       = "origin.example.com"
    override_host = "origin.example.com"
  }
  vcl {
    name    = "main"
    main    = true
    content = templatefile("${path.module}/main.vcl", { extra_header = "X-Edge", cached = true })
  }
}
