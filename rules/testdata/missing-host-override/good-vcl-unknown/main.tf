# Custom VCL read from a data source is known only at apply time: the Host
# it may set is unknown, so no loop is claimed; a note says why.
data "http" "vcl" { url = "https://example.com/main.vcl" }
resource "fastly_service_vcl" "www" {
  name = "www"
  domain { name = "www.example.com" }
  backend {
    name    = "chained"
    address = "chained-service.example.com"
  }
  vcl {
    name    = "main"
    main    = true
    content = data.http.vcl.response_body
  }
}
resource "fastly_service_vcl" "chained" {
  name = "chained-service"
  domain { name = "chained-service.example.com" }
}
