# VCL rendered by templatefile() is positioned in the template: literal
# lines exactly, what an interpolation produced at the interpolation.
resource "fastly_service_vcl" "www" {
  name = "www"

  domain {
    name = "www.example.com"
  }

  backend {
    name    = "origin"
    address = "origin.example.com"
  }

  vcl {
    name    = "main"
    main    = true
    content = templatefile("${path.module}/vcl/main.vcl.tftpl", { origin = "origin.example.com", debug = true, dir = path.module })
  }
}
