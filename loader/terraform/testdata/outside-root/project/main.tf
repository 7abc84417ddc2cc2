resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  vcl {
    name    = "main"
    content = file("${path.module}/../secret.vcl")
  }
}
