# A ministry's public-service portal at Viettel IDC (Hanoi): two web servers behind a load balancer
# that terminates TLS, a data disk and a managed MySQL database in the customer's VPC. The firewall rules are
# written by rule type, as the Viettel IDC portal names them: HTTP and HTTPS from the Internet, SSH
# from the administrators' VPN range only (the rule type's port 22), but a "Custom TCP" rule opened
# for a data migration lets every address reach MySQL on 3306 (CLD-NET-01). The provider names no
# region: everything is at Viettel IDC, in Vietnam (IAC-LOC-01, IAC-X-01 against the declared data
# centre). Its volumes and server disks have no encryption argument, so the descriptor declares
# crypto.at_rest.encrypted (CLD-ENC-01), and its database has no public flag (CLD-PUB-01 has
# nothing to read on this provider). The database's own firewall admits MySQL from the application
# subnet only (source = "custom": left out, a VDBS rule's source is "anywhere"). A backup plan
# covers the data disk and a backup scheduler the database (CLD-BAK-01). The load balancer's one
# listener is TERMINATED_HTTPS with a certificate (CLD-TLS-01: the protocol from the code; the
# provider sets no TLS version, so the descriptor declares the minimum); its log collection is
# declared too (CLD-LOG-01: no log setting in the provider).
terraform {
  required_providers {
    viettelidc = {
      source = "viettelidc/viettelidc"
    }
  }
}

variable "viettelidc_password" {
  type      = string
  sensitive = true
  default   = "set-in-tfvars"
}

variable "admin_pass" {
  type      = string
  sensitive = true
  default   = "set-in-tfvars"
}

variable "db_admin_password" {
  type      = string
  sensitive = true
  default   = "set-in-tfvars"
}

provider "viettelidc" {
  domain_id = "3b3e6994-4b04-40ea-bedc-5befd874d73a"
  username  = "iac-bo-tai-chinh"
  password  = var.viettelidc_password
}

data "viettelidc_ovpc_vpc" "main" {
  name = "portal-vpc"
}

resource "viettelidc_ovpc_subnet" "app" {
  name            = "portal-app"
  network_address = "10.40.1.0/24"
  vpc_id          = data.viettelidc_ovpc_vpc.main.id
}

resource "viettelidc_ovpc_security_group" "web" {
  name        = "portal-web"
  description = "Web servers of the portal"
  vpc_id      = data.viettelidc_ovpc_vpc.main.id
}

resource "viettelidc_ovpc_security_group_rule" "http" {
  security_group_id = viettelidc_ovpc_security_group.web.id
  direction         = "in"
  rule_type         = "HTTP"
  source_ip         = "0.0.0.0/0"
  vpc_id            = data.viettelidc_ovpc_vpc.main.id
}

resource "viettelidc_ovpc_security_group_rule" "https" {
  security_group_id = viettelidc_ovpc_security_group.web.id
  direction         = "in"
  rule_type         = "HTTPS"
  source_ip         = "0.0.0.0/0"
  vpc_id            = data.viettelidc_ovpc_vpc.main.id
}

resource "viettelidc_ovpc_security_group_rule" "ssh_vpn" {
  security_group_id = viettelidc_ovpc_security_group.web.id
  direction         = "in"
  rule_type         = "SSH"
  source_ip         = "10.40.250.0/24"
  vpc_id            = data.viettelidc_ovpc_vpc.main.id
}

# Opened for the data migration and never closed.
resource "viettelidc_ovpc_security_group_rule" "mysql_migration" {
  security_group_id = viettelidc_ovpc_security_group.web.id
  direction         = "in"
  rule_type         = "Custom TCP"
  port              = "3306"
  source_ip         = "0.0.0.0/0"
  vpc_id            = data.viettelidc_ovpc_vpc.main.id
}

resource "viettelidc_ovpc_instance" "web" {
  count              = 2
  template_id        = 101
  subnet_id          = viettelidc_ovpc_subnet.app.id
  admin_pass         = var.admin_pass
  cpu                = 4
  memory             = 8
  storage_type       = "SSD"
  storage            = 80
  security_group_ids = [viettelidc_ovpc_security_group.web.id]
  vpc_id             = data.viettelidc_ovpc_vpc.main.id
}

resource "viettelidc_ovpc_volume" "uploads" {
  name        = "portal-uploads"
  size        = 500
  volume_type = "SSD"
  vpc_id      = data.viettelidc_ovpc_vpc.main.id
}

resource "viettelidc_ovpc_volume_attachment" "uploads" {
  instance_id = viettelidc_ovpc_instance.web[0].id
  volume_id   = viettelidc_ovpc_volume.uploads.id
  vpc_id      = data.viettelidc_ovpc_vpc.main.id
}

resource "viettelidc_ovpc_backup_plan" "uploads" {
  name             = "portal-uploads-daily"
  description      = "Daily backup at 01:00"
  backup_cycle_id  = 1
  start_day_backup = "2026-03-01"
  time_backup      = "01:00:00"
  number_of_record = 7
  volume_ids       = [viettelidc_ovpc_volume.uploads.id]
  vpc_id           = data.viettelidc_ovpc_vpc.main.id
}

variable "portal_certificate" {
  type      = string
  sensitive = true
  default   = "set-in-tfvars"
}

variable "portal_private_key" {
  type      = string
  sensitive = true
  default   = "set-in-tfvars"
}

resource "viettelidc_ovpc_certificate" "portal" {
  name        = "dichvucong-portal"
  vpc_id      = data.viettelidc_ovpc_vpc.main.id
  certificate = var.portal_certificate
  private_key = var.portal_private_key
}

resource "viettelidc_ovpc_floating_ip" "web" {
  vpc_id = data.viettelidc_ovpc_vpc.main.id
}

resource "viettelidc_ovpc_load_balancer" "web" {
  name              = "portal-web"
  subnet_id         = viettelidc_ovpc_subnet.app.id
  floating_ip_id    = viettelidc_ovpc_floating_ip.web.id
  loadbalancer_type = "APPLICATION HTTP-HTTPS"
  package_type      = "LB Compact"
  vpc_id            = data.viettelidc_ovpc_vpc.main.id
  listener_protocol = "TERMINATED_HTTPS"
  listener_port     = 443
  certificate_id    = viettelidc_ovpc_certificate.portal.id
  pool_members = [
    { vm_id = viettelidc_ovpc_instance.web[0].id, port = 80, weight = 1 },
    { vm_id = viettelidc_ovpc_instance.web[1].id, port = 80, weight = 1 },
  ]
}

# Created in the console and imported (the provider cannot create it); managed from here after.
resource "viettelidc_vdbs_database_instance" "portal" {
  name                 = "portal-mysql"
  flavor_id            = "db.medium"
  volume_size          = 200
  db_subnet_group_name = "portal-db"
  vpc_id               = data.viettelidc_ovpc_vpc.main.id
  admin_password       = var.db_admin_password
}

resource "viettelidc_vdbs_backup_scheduler" "portal" {
  name           = "portal-mysql-daily"
  description    = "Daily backup of the portal database"
  scheduler_type = "daily"
  location       = "object"
  max_record     = 7
  instance_id    = viettelidc_vdbs_database_instance.portal.id
  time           = "2026-03-01 02:00:00"
}

data "viettelidc_vdbs_security_group" "portal" {
  name = "trove_sg-portal-mysql"
}

resource "viettelidc_vdbs_security_group_rule" "mysql_app" {
  security_group_id = data.viettelidc_vdbs_security_group.portal.id
  name              = "mysql-from-app"
  type              = "MySQL"
  protocol_name     = "TCP"
  port              = "3306"
  source            = "custom"
  source_ip         = "10.40.1.0/24"
}
