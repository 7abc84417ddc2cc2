variable "host" {}

output "host" {
  value = var.host
}
