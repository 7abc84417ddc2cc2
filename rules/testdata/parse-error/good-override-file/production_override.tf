resource "fastly_service_vcl" "app" {
  name = "www"
  domain {
    name = "www.example.com"
  }
}
