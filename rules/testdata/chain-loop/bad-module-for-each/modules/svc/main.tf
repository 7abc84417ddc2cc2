variable "env" {}
variable "peer" {}
resource "fastly_service_vcl" "svc" {
  name = "svc-${var.env}"
  domain {
    name = "${var.env}.example.com"
  }
  backend {
    name          = "peer"
    address       = "${var.peer}.example.com"
    override_host = "${var.peer}.example.com"
  }
}
output "domain" { value = "${var.env}.example.com" }
