# Shield codes in the POP-city-country form that public Terraform uses:
# London's metro POP (LON) and Sao Paulo's CGH.
resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name          = "eu"
    address       = "eu.example.net"
    override_host = "eu.example.net"
    shield        = "lon-london-uk"
  }
  backend {
    name          = "br"
    address       = "br.example.net"
    override_host = "br.example.net"
    shield        = "cgh-saopaulo-br"
  }
}
