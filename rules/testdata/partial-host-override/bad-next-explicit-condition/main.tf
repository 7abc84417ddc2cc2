# The Host rewrite is a header resource under a request condition: for
# requests outside /api/ the chained backend gets the client's Host. The
# custom VCL file (fastly_service_vcl with service_id and version) sends
# every request to the chained backend.
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

resource "fastly_service_condition" "api" {
  service_id = fastly_service_cdn.www.id
  version    = 2
  name       = "api"
  type       = "REQUEST"
  statement  = "req.url ~ \"^/api/\""
}

resource "fastly_service_header" "host" {
  service_id        = fastly_service_cdn.www.id
  version           = 2
  name              = "chained host"
  type              = "request"
  action            = "set"
  destination       = "http.Host"
  source            = "\"chained-service.example.com\""
  request_condition = "api"
}

resource "fastly_service_vcl" "main" {
  service_id = fastly_service_cdn.www.id
  version    = 2
  name       = "main"
  main       = true
  content    = <<-VCL
    sub vcl_recv {
    #FASTLY recv
      set req.backend = F_chained;
      return(lookup);
    }
  VCL
}

resource "fastly_service_cdn" "chained" {
  name = "chained-service"
}

resource "fastly_service_domain" "chained" {
  service_id = fastly_service_cdn.chained.id
  version    = 1
  name       = "chained-service.example.com"
}
