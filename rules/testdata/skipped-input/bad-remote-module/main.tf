# A registry module: chainlint fetches no module, and says so.
module "cdn" {
  source  = "example-org/fastly-cdn/fastly"
  version = "2.1.0"
  domain  = "www.example.com"
}
