# One module, instantiated by two roots and five times by count: a note
# about its backend is one note, naming every instance.
variable "origin" {
  type = string
}

resource "fastly_service_vcl" "www" {
  name = "www"

  domain {
    name = "www.example.com"
  }

  backend {
    name          = "origin"
    address       = var.origin
    override_host = var.origin
  }
}
