variable "origin" {
  type = string
}

module "site" {
  source = "../service"
  count  = 5
  origin = var.origin
}
