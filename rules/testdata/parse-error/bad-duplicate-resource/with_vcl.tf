resource "fastly_service_vcl" "demo" {
  name = "demofastly-vcl"
  domain {
    name = "demo.example.com"
  }
}
