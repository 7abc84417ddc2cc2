module "edge" {
  source = "../../modules/edge"
  env    = "prod"
}
