variable "origin" {
  type = string
}

module "site" {
  source = "../service"
  origin = var.origin
}
