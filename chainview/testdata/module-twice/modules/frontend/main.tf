variable "env" {
  type = string
}

variable "api_host" {
  type = string
}

variable "override_host" {
  type    = string
  default = null
}

resource "fastly_service_vcl" "frontend" {
  name = "Frontend"
  domain {
    name = "${var.env}.example.com"
  }
  backend {
    name          = "api"
    address       = var.api_host
    override_host = var.override_host
  }
}
