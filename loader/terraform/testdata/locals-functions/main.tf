locals {
  env     = "Prod"
  zone    = "example.com"
  base    = "${lower(local.env)}.${local.zone}"
  origins = { api = "api-origin", web = "web-origin" }
  tags    = merge({ team = "edge" }, { env = lower(local.env) })
  hosts   = join(",", [for k in sort(keys(local.origins)) : format("%s.%s", k, local.zone)])
}

resource "fastly_service_vcl" "www" {
  name = "www-${local.tags.env}"
  domain {
    name = local.base
  }
  domain {
    name = replace("old.${local.zone}", "old", "new")
  }
  backend {
    name          = "api"
    address       = "${lookup(local.origins, "api", "none")}.${local.zone}"
    override_host = split(",", local.hosts)[0]
  }
}
