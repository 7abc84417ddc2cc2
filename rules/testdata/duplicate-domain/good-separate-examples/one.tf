# Two separate examples in one directory: both declare
# fastly_service_vcl.example (Terraform refuses the directory as one
# module), and both use the domain example.com. Read as the separate
# estates they are, neither declares it twice.
resource "fastly_service_vcl" "example" {
  name = "first example"

  domain {
    name = "one.example.com"
  }
}

resource "fastly_service_vcl" "one" {
  name = "one"

  domain {
    name = "example.com"
  }
}
