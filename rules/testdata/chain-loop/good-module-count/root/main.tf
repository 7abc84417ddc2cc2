# count on a module: three instances, three services, no phantom one.
module "svc" {
  source = "../modules/svc"
  count  = 3
  index  = count.index
}
