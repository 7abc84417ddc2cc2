# The module's directory is not in the repository: terraform init fails,
# and the service it declares must not vanish in silence.
module "www" {
  source = "./modules/fastly-www"
  domain = "www.example.com"
}
