# shield on a Compute service's backend is not honoured: Compute code
# shields with the SDK's Shield API.
resource "fastly_service_compute" "app" {
  name = "app"
  domain {
    name = "app.example.com"
  }
  backend {
    name          = "origin"
    address       = "origin.example.net"
    override_host = "origin.example.net"
    shield        = "amsterdam-nl"
  }
}
