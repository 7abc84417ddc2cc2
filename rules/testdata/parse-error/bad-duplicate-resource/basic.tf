# As the provider's examples/resources: each file is a separate example,
# but a directory is one module to Terraform, which refuses two resources
# of one type and name.
resource "fastly_service_vcl" "demo" {
  name = "demofastly"
  domain {
    name = "demo.example.com"
  }
}
