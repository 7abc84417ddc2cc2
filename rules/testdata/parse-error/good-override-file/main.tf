# An override file redeclares the base resource on purpose (Terraform
# merges it in): no duplicate.
resource "fastly_service_vcl" "app" {
  name = "placeholder"
  domain {
    name = "placeholder.example.com"
  }
}
