variable "index" {}
resource "fastly_service_vcl" "svc" {
  name = "svc-${var.index}"
  domain {
    name = "s${var.index}.example.com"
  }
  backend {
    name          = "origin"
    address       = "origin${var.index}.example.com"
    override_host = "origin${var.index}.example.com"
  }
}
