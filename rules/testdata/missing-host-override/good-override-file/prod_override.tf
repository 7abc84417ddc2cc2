resource "fastly_service_vcl" "www" {
  backend {
    name    = "chained"
    address = "chained.example.com"
  }
}
