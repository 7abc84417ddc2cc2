resource "fastly_service_vcl" "example" {
  name = "second example"

  domain {
    name = "two.example.com"
  }
}

resource "fastly_service_vcl" "two" {
  name = "two"

  domain {
    name = "example.com"
  }
}
