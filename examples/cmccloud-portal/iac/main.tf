# A ministry's public-service and e-office portal on CMC Cloud (Hanoi, hn-1): two web servers behind
# a public load balancer, a managed MySQL database on the private subnet, a data volume for uploaded
# documents. The volume is encrypted with a key-management secret (secret_id, CLD-ENC-01), the
# database is not exposed (is_public = false, CLD-PUB-01), only HTTPS is open to the Internet and SSH
# comes from the VPN range (CLD-NET-01), the volume and the database are backed up every night by
# autobackup schedules (CLD-BAK-01), the load balancer terminates TLS and its plain HTTP listener
# only redirects to HTTPS (CLD-TLS-01), and everything is in Vietnam (IAC-LOC-01). Server root disks
# have no encryption argument, load-balancer listeners no TLS version and no resource a log
# setting: the descriptor declares crypto.at_rest.encrypted, crypto.in_transit.tls_min and
# monitoring.logs.collected.
terraform {
  required_providers {
    cmccloudv2 = {
      source = "cmc-cloud/cmccloudv2"
    }
  }
}

provider "cmccloudv2" {
  api_key    = var.api_key
  project_id = "7c5e0f3a9b2d4e6f8a1b3c5d7e9f0a2b"
  region_id  = "hn-1"
}

variable "api_key" {
  type      = string
  sensitive = true
  default   = "set-in-tfvars"
}

# The symmetric key the security team created in CMC Key Management for this system's volumes.
variable "volume_secret_id" {
  type    = string
  default = "3f6d2b8a-1c4e-4a7b-9d0e-5f8a2c6b1e3d"
}

variable "vpn_cidr" {
  type    = string
  default = "10.88.0.0/24"
}

resource "cmccloudv2_vpc" "portal" {
  name         = "portal-vpc"
  description  = "Cong dich vu cong"
  billing_mode = "monthly"
  cidr         = "10.20.0.0/16"
}

resource "cmccloudv2_subnet" "app" {
  name        = "portal-app"
  vpc_id      = cmccloudv2_vpc.portal.id
  enable_dhcp = true
  ip_version  = 4
  gateway_ip  = "10.20.1.1"
  cidr        = "10.20.1.0/24"
}

resource "cmccloudv2_security_group" "web" {
  name        = "portal-web"
  description = "HTTPS from the Internet, SSH from the VPN"
  stateful    = true
}

resource "cmccloudv2_security_group_rule" "https" {
  security_group_id = cmccloudv2_security_group.web.id
  direction         = "ingress"
  ether_type        = "IPv4"
  protocol          = "tcp"
  port_range_min    = 443
  port_range_max    = 443
  cidr              = "0.0.0.0/0"
}

resource "cmccloudv2_security_group_rule" "ssh_vpn" {
  security_group_id = cmccloudv2_security_group.web.id
  direction         = "ingress"
  ether_type        = "IPv4"
  protocol          = "tcp"
  port_range_min    = 22
  port_range_max    = 22
  cidr              = var.vpn_cidr
}

resource "cmccloudv2_security_group_rule" "mysql_app" {
  security_group_id = cmccloudv2_security_group.web.id
  direction         = "ingress"
  ether_type        = "IPv4"
  protocol          = "tcp"
  port_range_min    = 3306
  port_range_max    = 3306
  cidr              = "10.20.1.0/24"
}

resource "cmccloudv2_server" "web" {
  count                = 2
  name                 = "portal-web-${count.index}"
  billing_mode         = "monthly"
  zone                 = "AZ1"
  flavor_id            = "2b9dea6e-f628-446b-91f9-1122cff5a418"
  source_type          = "image"
  source_id            = "a9cb8f5e-b32a-4e89-b2d4-6dc2a25d0918"
  volume_name          = "portal-web-root-${count.index}"
  volume_size          = 40
  volume_type          = "highio"
  subnet_id            = cmccloudv2_subnet.app.id
  key_name             = "portal-admin"
  security_group_names = [cmccloudv2_security_group.web.name]
}

resource "cmccloudv2_volume" "documents" {
  name         = "portal-documents"
  description  = "Uploaded documents"
  size         = 500
  type         = "highio-encryption"
  billing_mode = "monthly"
  zone         = "AZ1"
  secret_id    = var.volume_secret_id
}

resource "cmccloudv2_volume_attachment" "documents" {
  volume_id             = cmccloudv2_volume.documents.id
  server_id             = cmccloudv2_server.web[0].id
  delete_on_termination = false
}

resource "cmccloudv2_volume_autobackup" "documents" {
  name          = "portal-documents-nightly"
  volume_id     = cmccloudv2_volume.documents.id
  schedule_time = "01:30"
  interval      = 1
  max_keep      = 7
}

resource "cmccloudv2_database_instance" "main" {
  name              = "portal-db"
  flavor_id         = "d92cc916-a4cb-4ebf-ae81-801e963465ea"
  zone              = "AZ1"
  source_type       = "new"
  datastore_type    = "mysql"
  datastore_version = "8.0.28"
  volume_type       = "highio"
  volume_size       = 100
  subnets {
    subnet_id = cmccloudv2_subnet.app.id
  }
  enable_public_ip = false
  is_public        = false
  admin_user       = "portal"
  admin_password   = var.db_password
  billing_mode     = "monthly"
}

resource "cmccloudv2_database_autobackup" "main" {
  name          = "portal-db-nightly"
  instance_id   = cmccloudv2_database_instance.main.id
  schedule_time = "02:00"
  interval      = 1
  max_keep      = 7
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "change-me-in-tfvars"
}

resource "cmccloudv2_elb" "portal" {
  name           = "portal-lb"
  billing_mode   = "monthly"
  zone           = "AZ1"
  flavor_id      = "5d0a4c7e-8b1f-4e2a-9c3d-6f7e8a9b0c1d"
  network_type   = "public"
  bandwidth_mbps = 500
}

resource "cmccloudv2_elb_pool" "web" {
  elb_id              = cmccloudv2_elb.portal.id
  name                = "portal-web"
  protocol            = "HTTP"
  algorithm           = "ROUND_ROBIN"
  session_persistence = "NONE"
}

resource "cmccloudv2_elb_listener" "https" {
  elb_id                    = cmccloudv2_elb.portal.id
  name                      = "portal-https"
  protocol                  = "TERMINATED_HTTPS"
  protocol_port             = 443
  default_pool_id           = cmccloudv2_elb_pool.web.id
  default_tls_container_ref = "8e2f4a6c-0b1d-4c3e-9f5a-7b8c9d0e1f2a"
}

resource "cmccloudv2_elb_listener" "http" {
  elb_id          = cmccloudv2_elb.portal.id
  name            = "portal-http"
  protocol        = "HTTP"
  protocol_port   = 80
  default_pool_id = cmccloudv2_elb_pool.web.id
}

resource "cmccloudv2_elb_l7policy" "to_https" {
  name            = "portal-to-https"
  listener_id     = cmccloudv2_elb_listener.http.id
  action          = "REDIRECT_PREFIX"
  position        = 1
  redirect_prefix = "https://dichvucong.mof.example.gov.vn"
}
