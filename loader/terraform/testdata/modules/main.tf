module "chained" {
  source = "./modules/chained"
  domain = "chained-service.example.com"
  origin = "aws-elb-2.example.com"
}

resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name          = "chained"
    address       = module.chained.domain
    override_host = module.chained.domain
  }
}
