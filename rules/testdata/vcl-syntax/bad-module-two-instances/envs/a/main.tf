module "m" {
  source = "../../mod"
  env = "a"
}
