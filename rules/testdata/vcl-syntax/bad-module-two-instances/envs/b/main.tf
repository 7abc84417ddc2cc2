module "m" {
  source = "../../mod"
  env = "b"
}
