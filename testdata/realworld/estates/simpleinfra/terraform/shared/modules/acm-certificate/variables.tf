variable "domains" {
  description = "List of domain names included in the certificate"
  type        = list(string)
}
