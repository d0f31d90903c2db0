provider "aws" {
  region = "ap-southeast-1"
}

resource "aws_s3_bucket" "records" {
  bucket = "records"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "records" {
  bucket = aws_s3_bucket.records.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}
