variable "region" {
  type    = string
  default = "ap-southeast-1"
}
