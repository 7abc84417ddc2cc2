variable "arn" {
  description = "The ARN for the Quasar archive s3 bucket."
}
