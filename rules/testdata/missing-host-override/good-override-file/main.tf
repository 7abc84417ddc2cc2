# The primary file sets the chained service's Host in a snippet; the
# override file (as an environment's deploy keeps one) replaces the
# backend blocks only. Terraform merges the two: the snippet stays.
resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name    = "chained"
    address = "chained-staging.example.com"
  }
  snippet {
    name    = "host"
    type    = "recv"
    content = "set req.http.host = \"chained.example.com\";"
  }
}

resource "fastly_service_vcl" "chained" {
  name = "chained"
  domain {
    name = "chained.example.com"
  }
  backend {
    name          = "origin"
    address       = "origin.example.net"
    override_host = "origin.example.net"
  }
}
