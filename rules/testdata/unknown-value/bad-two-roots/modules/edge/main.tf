# The origin's address comes from each root's variable; staging's has no
# value, so its instance gets the note, and the note says which root.
variable "env" {}
variable "origin" {}

resource "fastly_service_vcl" "edge" {
  name = "edge-${var.env}"
  domain {
    name = "${var.env}.example.com"
  }
  backend {
    name          = "origin"
    address       = var.origin
    override_host = var.origin
  }
}
