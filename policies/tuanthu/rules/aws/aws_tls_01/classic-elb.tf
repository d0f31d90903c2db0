provider "aws" {
  region = "ap-southeast-1"
}

resource "aws_elb" "web" {
  name               = "web"
  availability_zones = ["ap-southeast-1a"]

  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8080
    instance_protocol  = "http"
    ssl_certificate_id = aws_iam_server_certificate.web.arn
  }
}

resource "aws_iam_server_certificate" "web" {
  name             = "web"
  certificate_body = "-----BEGIN CERTIFICATE-----"
  private_key      = "-----BEGIN PRIVATE KEY-----"
}

resource "aws_load_balancer_policy" "tls" {
  load_balancer_name = aws_elb.web.name
  policy_name        = "tls-1-2"
  policy_type_name   = "SSLNegotiationPolicyType"

  policy_attribute {
    name  = "Reference-Security-Policy"
    value = "ELBSecurityPolicy-TLS-1-2-2017-01"
  }
}

resource "aws_load_balancer_listener_policy" "web_443" {
  load_balancer_name = aws_elb.web.name
  load_balancer_port = 443
  policy_names       = [aws_load_balancer_policy.tls.policy_name]
}
