# data "template_file" (the older template provider) renders the VCL that
# sets the chained Host: read like templatefile(), since its template and
# vars are static.
data "template_file" "vcl" {
  template = file("${path.module}/main.vcl")
  vars = {
    chained = "chained-service.example.com"
  }
}

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
  vcl {
    name    = "main"
    main    = true
    content = data.template_file.vcl.rendered
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
