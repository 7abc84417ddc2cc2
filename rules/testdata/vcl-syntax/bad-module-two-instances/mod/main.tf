# One module, two environments: the syntax error in its VCL file is one
# finding, not one per instance.
variable "env" {}
resource "fastly_service_vcl" "s" {
  name = "s-${var.env}"
  domain { name = "${var.env}.example.com" }
  backend {
    name = "o"
    address = "o.example.net"
    override_host = "o.example.net"
  }
  vcl {
    name = "main"
    main = true
    content = file("${path.module}/main.vcl")
  }
}
