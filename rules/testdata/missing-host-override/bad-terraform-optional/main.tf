# optional() attributes in a variable type: an absent override_host is null,
# as Terraform fills it, and the rule can speak.
variable "backends" {
  type = map(object({
    address       = string
    override_host = optional(string)
    port          = optional(number, 443)
  }))
  default = {
    chained = { address = "chained.example.com" }
  }
}
resource "fastly_service_vcl" "www" {
  name = "www"
  domain { name = "www.example.com" }
  dynamic "backend" {
    for_each = var.backends
    content {
      name          = backend.key
      address       = backend.value.address
      override_host = backend.value.override_host
      port          = backend.value.port
    }
  }
}
resource "fastly_service_vcl" "chained" {
  name = "chained"
  domain { name = "chained.example.com" }
}
