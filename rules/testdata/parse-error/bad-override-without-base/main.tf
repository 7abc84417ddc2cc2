resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
}
