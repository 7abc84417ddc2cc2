# Two Terraform root modules (two states) that claim one domain: applied
# to one account, the second apply fails.
resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name    = "origin"
    address = "origin.example.net"
  }
}
