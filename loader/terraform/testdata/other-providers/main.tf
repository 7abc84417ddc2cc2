# References into resources of other providers, directly and through the
# outputs of a local module chainlint evaluates, and of a registry module
# it does not fetch: each unknown value says why it is unknown.

module "cache" {
  source      = "./bucket"
  bucket_name = "nix-cache"
}

module "counted" {
  source      = "./bucket"
  count       = 2
  bucket_name = "cache-${count.index}"
}

module "registry" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.1.0"
}

variable "unset_bucket" {
  type = string
}

# instances whose outputs differ: the reference names the one it means
module "per" {
  source   = "./bucket"
  for_each = { known = "known-bucket", unset = var.unset_bucket }

  bucket_name = each.value
}

resource "aws_s3_bucket" "direct" {
  bucket = "direct-bucket"
}

resource "fastly_service_vcl" "cdn" {
  name = "cdn"

  domain {
    name = "cdn.example.com"
  }

  # an apply-time attribute, through the module's output
  backend {
    name          = "regional"
    address       = module.cache.regional_domain
    override_host = module.cache.regional_domain
  }

  # a configured argument of another provider's resource, through the
  # module's output, and directly
  backend {
    name          = "configured"
    address       = module.cache.bucket
    override_host = aws_s3_bucket.direct.bucket
  }

  # an output the module knows: no note
  backend {
    name          = "known"
    address       = "${module.cache.name}.s3.amazonaws.com"
    override_host = "${module.cache.name}.s3.amazonaws.com"
  }

  # an instance of a counted module, and a module chainlint does not fetch
  backend {
    name          = "elsewhere"
    address       = module.counted[1].regional_domain
    override_host = module.registry.s3_bucket_bucket_regional_domain_name
  }

  backend {
    name          = "per"
    address       = module.per["unset"].name
    override_host = "${module.per["known"].name}.s3.amazonaws.com"
  }
}

# for_each needs its keys known, not its values (hashicorp/terraform#30838):
# one service per key, the unknown value explained where it is used
resource "fastly_service_vcl" "each" {
  for_each = { a = "origin-a.example.net", b = var.unset_bucket }
  name     = "each-${each.key}"

  domain {
    name = "${each.key}.example.org"
  }

  backend {
    name          = "origin"
    address       = each.value
    override_host = each.value
  }
}
