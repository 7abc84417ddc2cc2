# A Fastly resource that declares a service (a domain, a backend) in a type
# chainlint does not read: said, not silently dropped.
resource "fastly_service_future" "a" {
  name = "a"
  domain {
    name = "a.example.com"
  }
  backend {
    name    = "o"
    address = "origin.example.com"
  }
}
