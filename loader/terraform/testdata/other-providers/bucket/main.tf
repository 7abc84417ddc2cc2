variable "bucket_name" {
  type = string
}

resource "aws_s3_bucket" "cache" {
  bucket = var.bucket_name
}

output "bucket" {
  value = aws_s3_bucket.cache.bucket
}

output "regional_domain" {
  value = aws_s3_bucket.cache.bucket_regional_domain_name
}

output "name" {
  value = var.bucket_name
}
