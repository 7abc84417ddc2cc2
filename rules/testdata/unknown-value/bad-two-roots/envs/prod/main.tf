module "edge" {
  source = "../../modules/edge"
  env    = "prod"
  origin = "origin.example.net"
}
