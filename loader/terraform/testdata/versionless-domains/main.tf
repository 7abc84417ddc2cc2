resource "fastly_service_vcl" "www" {
  name = "www"
}

resource "fastly_domain" "apex" {
  fqdn       = "example.com"
  service_id = fastly_service_vcl.www.id
}

resource "fastly_domain" "www" {
  fqdn = "www.example.com"
}

resource "fastly_domain_service_link" "www" {
  domain_id  = fastly_domain.www.id
  service_id = fastly_service_vcl.www.id
}
