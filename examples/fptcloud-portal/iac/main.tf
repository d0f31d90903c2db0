# A ministry's public-service portal on FPT Cloud (Hanoi, VN/HAN): two web servers behind a load
# balancer, a managed PostgreSQL database, a data disk and two object-storage buckets (uploaded
# files, nightly exports). The database and both buckets are private (is_public = "no", acl and
# canned_acl = "private", CLD-PUB-01) and everything is in Vietnam (IAC-LOC-01), but the rule meant
# for the administrators' SSH was written with sources = ["ALL"]: port 22 is open to every address
# (CLD-NET-01). Both buckets keep object versions (versioning = "Enabled", CLD-BAK-01; the database
# has no backup argument, so the descriptor declares incident_response.recovery.backups) and the
# load balancer's listener terminates TLS (CLD-TLS-01: the protocol from the code; no TLS version
# argument, so the descriptor declares the minimum). FPT Cloud disks have no encryption argument and
# its load balancers and databases no log setting: the descriptor declares crypto.at_rest.encrypted
# (CLD-ENC-01) and monitoring.logs.collected (CLD-LOG-01).
terraform {
  required_providers {
    fptcloud = {
      source = "fpt-corp/fptcloud"
    }
  }
}

provider "fptcloud" {
  region      = "VN/HAN"
  token       = var.token
  tenant_name = "bo-tai-chinh"
}

variable "token" {
  type      = string
  sensitive = true
  default   = "set-in-tfvars"
}

data "fptcloud_vpc" "portal" {
  name = "portal-vpc"
}

resource "fptcloud_subnet" "app" {
  vpc_id         = data.fptcloud_vpc.portal.id
  name           = "portal-app"
  type           = "NAT_ROUTED"
  cidr           = "10.30.1.0/24"
  gateway_ip     = "10.30.1.1"
  static_ip_pool = "10.30.1.10-10.30.1.100"
}

resource "fptcloud_security_group" "web" {
  vpc_id    = data.fptcloud_vpc.portal.id
  name      = "portal-web"
  subnet_id = fptcloud_subnet.app.id
  type      = "ACL"
}

resource "fptcloud_security_group_rule" "https" {
  vpc_id            = data.fptcloud_vpc.portal.id
  security_group_id = fptcloud_security_group.web.id
  direction         = "INGRESS"
  action            = "ALLOW"
  protocol          = "TCP"
  port_range        = "443"
  sources           = ["ALL"]
  description       = "HTTPS from the Internet"
}

# Meant for the administrators' VPN range; written with ALL.
resource "fptcloud_security_group_rule" "ssh" {
  vpc_id            = data.fptcloud_vpc.portal.id
  security_group_id = fptcloud_security_group.web.id
  direction         = "INGRESS"
  action            = "ALLOW"
  protocol          = "TCP"
  port_range        = "22"
  sources           = ["ALL"]
  description       = "SSH for administrators"
}

resource "fptcloud_security_group_rule" "rdp_blocked" {
  vpc_id            = data.fptcloud_vpc.portal.id
  security_group_id = fptcloud_security_group.web.id
  direction         = "INGRESS"
  action            = "DROP"
  protocol          = "TCP"
  port_range        = "3389"
  sources           = ["ALL"]
  description       = "No RDP"
}

resource "fptcloud_instance" "web" {
  count              = 2
  name               = "portal-web-${count.index}"
  vpc_id             = data.fptcloud_vpc.portal.id
  ssh_key            = "portal-admin"
  image_name         = "UBUNTU-22.04-01082024"
  flavor_name        = "4C8G"
  subnet_id          = fptcloud_subnet.app.id
  storage_size_gb    = 60
  storage_policy_id  = "premium-ssd"
  security_group_ids = [fptcloud_security_group.web.id]
  status             = "POWERED_ON"
}

resource "fptcloud_storage" "uploads" {
  vpc_id            = data.fptcloud_vpc.portal.id
  name              = "portal-uploads"
  type              = "EXTERNAL"
  size_gb           = 500
  storage_policy_id = "premium-ssd"
  instance_id       = fptcloud_instance.web[0].id
}

resource "fptcloud_database" "main" {
  vpc_id          = data.fptcloud_vpc.portal.id
  network_id      = fptcloud_subnet.app.id
  vm_network      = "portal-app"
  type_config     = "short-config"
  type_db         = "PostgreSQL"
  version         = "15"
  vdc_name        = "bo-tai-chinh-vdc"
  is_cluster      = "yes"
  master_count    = 1
  worker_count    = 2
  node_cpu        = 4
  node_core       = 0
  node_ram        = 8
  data_disk_size  = 200
  cluster_name    = "portal-db"
  database_name   = "portal"
  admin_password  = var.db_password
  storage_profile = "premium-ssd"
  edge_id         = "edge-portal"
  edition         = "community"
  is_ops          = "yes"
  flavor          = "4C8G"
  flavor_id       = "db-4c8g"
  number_of_node  = 3
  number_of_shard = 0
  domain_name     = ""
  is_public       = "no"
  vhost_name      = ""
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "change-me-in-tfvars"
}

resource "fptcloud_object_storage_bucket" "uploads" {
  vpc_id      = data.fptcloud_vpc.portal.id
  region_name = "HN-01"
  name        = "portal-uploads"
  acl         = "private"
  versioning  = "Enabled"
  object_lock = false
}

resource "fptcloud_object_storage_bucket" "exports" {
  vpc_id      = data.fptcloud_vpc.portal.id
  region_name = "HN-01"
  name        = "portal-exports"
  versioning  = "Enabled"
}

resource "fptcloud_object_storage_bucket_acl" "exports" {
  vpc_id      = data.fptcloud_vpc.portal.id
  region_name = "HN-01"
  bucket_name = fptcloud_object_storage_bucket.exports.name
  canned_acl  = "private"
}

resource "fptcloud_load_balancer_v2_lb" "portal" {
  vpc_id      = data.fptcloud_vpc.portal.id
  name        = "portal-lb"
  description = "Cong dich vu cong"
  size        = "Basic-1"
  network_id  = fptcloud_subnet.app.id
  egw_id      = "edge-portal"
  listener {
    name           = "portal-https"
    protocol       = "TERMINATED_HTTPS"
    protocol_port  = "443"
    certificate_id = "cert-portal-2026"
  }
  pool {
    name      = "portal-web"
    protocol  = "HTTP"
    algorithm = "ROUND_ROBIN"
  }
}
