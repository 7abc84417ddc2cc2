# A backend whose address the provider computes at apply time (an S3
# bucket's domain name), as dosomething-infrastructure's static sites
# write it: trace says so instead of printing nothing.
resource "aws_s3_bucket" "assets" {
  bucket = "assets.example.com"
}

resource "fastly_service_vcl" "cdn" {
  name = "assets"

  domain {
    name = "assets.example.com"
  }

  backend {
    name    = "s3"
    address = aws_s3_bucket.assets.bucket_regional_domain_name
    port    = 443
  }
}
