module "edge" {
  source = "../../modules/edge"
  env    = "staging"
}
