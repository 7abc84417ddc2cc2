# As in terraform-provider-fastly's tests/interface: the main custom VCL
# defines no vcl_recv at all, so the recv snippet has nowhere to render.
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
    name     = "recv_test"
    type     = "recv"
    priority = 110
    content  = "if (req.url) { set req.http.different-header = \"true\"; }"
  }
  vcl {
    name    = "main"
    main    = true
    content = "# some vcl here"
  }
}
