# The Terraform form of a Host rewrite: a header block.
resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name    = "chained"
    address = "chained-service.example.com"
    port    = 443
  }
  header {
    name        = "chained host"
    type        = "request"
    action      = "set"
    destination = "http.Host"
    source      = "\"chained-service.example.com\""
  }
}

resource "fastly_service_vcl" "chained" {
  name = "chained-service"
  domain {
    name = "chained-service.example.com"
  }
  backend {
    name          = "origin"
    address       = "aws-elb-2.example.com"
    override_host = "aws-elb-2.example.com"
  }
}
