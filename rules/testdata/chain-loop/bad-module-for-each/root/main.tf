# One module instance per environment (for_each): a ⇄ b, each the other's backend.
module "svc" {
  source   = "../modules/svc"
  for_each = { a = "b", b = "a" }
  env      = each.key
  peer     = each.value
}
output "domains" { value = [for k, m in module.svc : m.domain] }
