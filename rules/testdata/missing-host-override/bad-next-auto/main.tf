# Fastly's next provider, automatic family: nested blocks, as the current
# provider's fastly_service_vcl. www chains to api with the client's Host.
terraform {
  required_providers {
    fastly = {
      source = "fastly/fastly-beta"
    }
  }
}

resource "fastly_service_cdn_auto" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name    = "api"
    address = "api.example.com"
    port    = 443
    use_ssl = true
    ssl_client_secrets {
      ssl_client_cert = "-----BEGIN CERTIFICATE-----"
    }
  }
}

resource "fastly_service_compute_auto" "api" {
  name = "api"
  domain {
    name = "api.example.com"
  }
  backend {
    name          = "origin"
    address       = "origin.example.com"
    override_host = "origin.example.com"
  }
  package {
    filename = "pkg/api.tar.gz"
  }
}

resource "fastly_service_product_ngwaf" "www" {
  service_id   = fastly_service_cdn_auto.www.id
  workspace_id = "abc"
}
