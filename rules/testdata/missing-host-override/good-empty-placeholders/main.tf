# Variables set to "" as placeholders: an empty address or domain is no name,
# so no self-loop is invented.
variable "origin" { default = "" }
variable "host" { default = "" }
resource "fastly_service_vcl" "a" {
  name = "a"
  domain { name = var.host }
  backend {
    name          = "o"
    address       = var.origin
    override_host = ""
  }
}
