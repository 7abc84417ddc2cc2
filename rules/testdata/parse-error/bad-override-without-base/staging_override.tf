# Overrides a resource no primary file declares: terraform validate fails.
resource "fastly_service_vcl" "api" {
  name = "api-staging"
}
