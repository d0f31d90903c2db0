# Plain Terraform (HCL) example, checked without a descriptor:
#   tuanthu check examples/terraform-hcl
# Compute and storage sit in the AWS Hanoi Local Zone; one volume is left unencrypted (AWS-EBS-01).
provider "aws" {
  region = var.region
}

resource "aws_vpc" "main" {
  cidr_block = "10.30.0.0/16"
}

resource "aws_flow_log" "main" {
  vpc_id               = aws_vpc.main.id
  traffic_type         = "ALL"
  log_destination_type = "cloud-watch-logs"
}

resource "aws_subnet" "hanoi" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.30.1.0/24"
  availability_zone = "ap-southeast-1-han-1a"
}

resource "aws_security_group" "web" {
  vpc_id = aws_vpc.main.id

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "app" {
  ami                    = "ami-0abcdef1234567890"
  instance_type          = "t3.medium"
  subnet_id              = aws_subnet.hanoi.id
  vpc_security_group_ids = [aws_security_group.web.id]
}

resource "aws_ebs_volume" "scans" {
  availability_zone = "ap-southeast-1-han-1a"
  size              = 200
}

resource "aws_kms_key" "data" {
  description         = "archive data"
  enable_key_rotation = true
}

resource "aws_cloudtrail" "account" {
  name                       = "account"
  s3_bucket_name             = "tax-archive-trail"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}

resource "aws_guardduty_detector" "main" {
  enable = true
}
