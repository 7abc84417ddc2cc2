# The seed chain: www.example.com -> chained-service.example.com -> origin.
variable "origin" {
  default = "aws-elb-2.example.com"
}

resource "fastly_service_vcl" "www" {
  name = "www"

  domain {
    name = "www.example.com"
  }

  backend {
    name              = "chained"
    address           = fastly_service_vcl.chained.domain[0].name
    port              = 443
    use_ssl           = true
    ssl_cert_hostname = "chained-service.example.com"
    ssl_sni_hostname  = "chained-service.example.com"
    override_host     = "chained-service.example.com"
  }
}

resource "fastly_service_vcl" "chained" {
  name = "chained-service"

  domain {
    name = "chained-service.example.com"
  }

  backend {
    name          = "aws_elb"
    address       = var.origin
    port          = 443
    use_ssl       = true
    override_host = var.origin
  }
}
