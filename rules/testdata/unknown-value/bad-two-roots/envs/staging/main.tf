variable "origin" {
  description = "set in the CI pipeline"
}

module "edge" {
  source = "../../modules/edge"
  env    = "staging"
  origin = var.origin
}
