# A provincial public-service portal on VNG Cloud (HCM region): web servers behind a load balancer,
# a managed MySQL database, data volumes. Volumes and server disks are encrypted (CLD-ENC-01), the
# database is reached from the private subnet only (CLD-PUB-01) and everything is in Vietnam
# (IAC-LOC-01).
terraform {
  required_providers {
    vngcloud = {
      source = "vngcloud/vngcloud"
    }
  }
}

provider "vngcloud" {
  token_url = "https://iamapis.vngcloud.vn/accounts-api/v2/auth/token"
}

variable "project_id" {
  type    = string
  default = "pro-462803f3-6858-466f-bf05-df2b33faa360"
}

resource "vngcloud_vserver_secgroup" "web" {
  project_id = var.project_id
  name       = "portal-web"
}

resource "vngcloud_vserver_secgrouprule" "https" {
  project_id        = var.project_id
  security_group_id = vngcloud_vserver_secgroup.web.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "TCP"
  port_range_min    = 443
  port_range_max    = 443
  remote_ip_prefix  = "0.0.0.0/0"
}

resource "vngcloud_vserver_server" "web" {
  count                     = 2
  project_id                = var.project_id
  name                      = "portal-web-${count.index}"
  flavor_id                 = "flav-ef6e2a5e-3a5c-4b0e-9bbd-3e1f6f6e1c11"
  image_id                  = "img-108b3a77-ab58-4000-9b3e-190d0b4b07fc"
  network_id                = "net-4f35f173-e0fe-4202-9223-f27ad4a0fc01"
  subnet_id                 = "sub-c6071119-1a44-42cf-bc03-bb43e584242a"
  root_disk_size            = 40
  root_disk_type_id         = "vtype-61c3fc5b-f4e9-45b4-8957-8aa7b6029018"
  encryption_volume         = true
  root_disk_encryption_type = "aes-xts-plain64_256"
  security_group            = [vngcloud_vserver_secgroup.web.id]
}

resource "vngcloud_vserver_volume" "uploads" {
  project_id      = var.project_id
  name            = "portal-uploads"
  size            = 200
  volume_type_id  = "vtype-61c3fc5b-f4e9-45b4-8957-8aa7b6029018"
  encryption_type = "aes-xts-plain64_256"
}

resource "vngcloud_vdb_relational_database" "main" {
  name              = "portal-db"
  action            = "start"
  engine_type       = "MySQL"
  engine_version    = "8.0"
  package_id        = "pkg-0b1f7e6b-5f5f-4a3c-9b0e-2c9f0d8a6a11"
  subnet_id         = "sub-c6071119-1a44-42cf-bc03-bb43e584242a"
  db_name           = "portal"
  username          = "portal"
  password          = var.db_password
  volume_size       = 100
  volume_type       = "vtype-db-ssd"
  public_access     = false
  allowed_ip_prefix = ["10.10.0.0/24"]
  backup_auto       = true
  backup_duration   = 7
  backup_time       = "01:00"
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "change-me-in-tfvars"
}

resource "vngcloud_vlb_load_balancer" "portal" {
  project_id = var.project_id
  name       = "portal-lb"
  package_id = "lbp-96b6b897-6f5f-4c8d-bb43-6e1a07d0b2b9"
  scheme     = "Internet"
  subnet_id  = "sub-c6071119-1a44-42cf-bc03-bb43e584242a"
  type       = "Layer 7"
}
