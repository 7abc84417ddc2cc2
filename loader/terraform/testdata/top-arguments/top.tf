# (Not main.tf: a file with an argument at its top is parsed whole, not
# streamed, so TestStreamedLoadStreams leaves this case out.)
# An argument at the top of a file: Terraform refuses it ("Unsupported
# argument"), whatever its version. The blocks around it still load.
region = "us-east-1"

resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name    = "origin"
    address = "origin.example.net"
  }
}

# Set twice: HCL says so too.
owner = "team-a"
owner = "team-b"

# A block type this chainlint does not know: newer Terraform versions add
# top-level blocks, so chainlint leaves it to Terraform.
future_block "x" {
  setting = true
}
