# Two services declare www.example.com: Fastly routes the Host to one only
# (and refuses the second domain when the version is activated).
resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
}

resource "fastly_service_vcl" "www_next" {
  name = "www-next"
  domain {
    name = "www.example.com"
  }
}
