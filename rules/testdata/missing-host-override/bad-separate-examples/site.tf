# A directory of separate examples, as a provider's examples/ is: both
# files declare fastly_service_vcl.example, so Terraform refuses the
# directory as one module, and chainlint reads each file as its own
# estate.
resource "fastly_service_vcl" "site" {
  name = "Example Service"

  domain {
    name = "example.com"
  }

  backend {
    name          = "origin"
    address       = "origin.example.net"
    override_host = "origin.example.net"
  }
}

resource "fastly_service_vcl" "example" {
  name = "another example"

  domain {
    name = "another.example.com"
  }
}
