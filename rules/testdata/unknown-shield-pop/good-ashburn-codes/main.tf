# Older Ashburn shield codes, still in public Terraform (polyfill-service,
# DoSomething) and in Adobe Commerce Cloud's Fastly guide.
resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name          = "us"
    address       = "us.example.net"
    override_host = "us.example.net"
    shield        = "dca-dc-us"
  }
  backend {
    name          = "us2"
    address       = "us2.example.net"
    override_host = "us2.example.net"
    shield        = "bwi-va-us"
  }
}
