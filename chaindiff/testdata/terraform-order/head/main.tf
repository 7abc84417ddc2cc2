# www now sends to the new service by a literal address: nothing makes
# Terraform update new before www. The images service refers to new's
# domain, and stays a draft.
resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name          = "next"
    address       = "new.example.com"
    override_host = "new.example.com"
  }
}

resource "fastly_service_vcl" "images" {
  name     = "images"
  activate = false
  domain {
    name = "images.example.com"
  }
  backend {
    name          = "next"
    address       = fastly_service_vcl.new.domain[0].name
    override_host = fastly_service_vcl.new.domain[0].name
  }
}

resource "fastly_service_vcl" "old" {
  name = "old"
  domain {
    name = "old.example.com"
  }
}

resource "fastly_service_vcl" "new" {
  name = "new"
  domain {
    name = "new.example.com"
  }
}
