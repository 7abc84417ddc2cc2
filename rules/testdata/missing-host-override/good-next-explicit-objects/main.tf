# The explicit family's objects as resources: a header resource rewrites
# the Host for the chained backend; a request condition with a request
# setting and a recv snippet are read too (they set nothing here that
# changes where a request goes). A custom VCL file is fastly_service_vcl
# with service_id and version.
resource "fastly_service_cdn" "www" {
  name = "www"
}

resource "fastly_service_domain" "www" {
  service_id = fastly_service_cdn.www.id
  version    = 2
  name       = "www.example.com"
}

resource "fastly_service_backend" "chained" {
  service_id = fastly_service_cdn.www.id
  version    = 2
  name       = "chained"
  address    = "chained-service.example.com"
  port       = 443
}

resource "fastly_service_header" "host" {
  service_id  = fastly_service_cdn.www.id
  version     = 2
  name        = "chained host"
  type        = "request"
  action      = "set"
  destination = "http.Host"
  source      = "\"chained-service.example.com\""
}

resource "fastly_service_condition" "api" {
  service_id = fastly_service_cdn.www.id
  version    = 2
  name       = "api"
  type       = "REQUEST"
  statement  = "req.url ~ \"^/api/\""
}

resource "fastly_service_request_setting" "api" {
  service_id        = fastly_service_cdn.www.id
  version           = 2
  name              = "api"
  request_condition = "api"
  action            = "pass"
}

resource "fastly_service_vcl_snippet" "trace" {
  service_id = fastly_service_cdn.www.id
  version    = 2
  name       = "trace"
  type       = "recv"
  content    = "set req.http.X-Trace = \"1\";"
}

resource "fastly_service_cdn" "chained" {
  name = "chained-service"
}

resource "fastly_service_domain" "chained" {
  service_id = fastly_service_cdn.chained.id
  version    = 1
  name       = "chained-service.example.com"
}

resource "fastly_service_backend" "origin" {
  service_id    = fastly_service_cdn.chained.id
  version       = 1
  name          = "origin"
  address       = "aws-elb-2.example.com"
  override_host = "aws-elb-2.example.com"
}
