variable "domain" {
  default = "www.example.com"
}
variable "origin" {
  default = "default-origin.example.com"
}
variable "shield" {
  type = string
}
variable "port" {
  default = 80
}

resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = var.domain
  }
  backend {
    name    = "origin"
    address = var.origin
    port    = var.port
    shield  = var.shield
  }
}
