# A ministry's document-management system on its own OpenStack private cloud: web instances, a
# Trove database, a Cinder data volume and a Swift container for scanned documents. Cinder volumes
# carry no encryption setting (encryption belongs to the volume type the cloud operator defines),
# and the descriptor has not declared encryption at rest: CLD-ENC-01 cannot show it (unknown) and
# CRY-02 fails. The container is readable by the application's project only (CLD-PUB-01 passes).
terraform {
  required_providers {
    openstack = {
      source = "terraform-provider-openstack/openstack"
    }
  }
}

provider "openstack" {
  auth_url = "https://keystone.cloud.example.gov.vn:5000/v3"
  region   = "RegionOne"
}

resource "openstack_networking_secgroup_v2" "web" {
  name        = "qlvb-web"
  description = "HTTPS from the ministry network"
}

resource "openstack_networking_secgroup_rule_v2" "https" {
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 443
  port_range_max    = 443
  remote_ip_prefix  = "10.0.0.0/8"
  security_group_id = openstack_networking_secgroup_v2.web.id
}

resource "openstack_compute_instance_v2" "web" {
  name            = "qlvb-web"
  image_name      = "ubuntu-24.04"
  flavor_name     = "m1.large"
  security_groups = [openstack_networking_secgroup_v2.web.name]

  network {
    name = "qlvb-internal"
  }
}

resource "openstack_blockstorage_volume_v3" "documents" {
  name        = "qlvb-documents"
  size        = 500
  volume_type = "ceph-ssd"
}

resource "openstack_db_instance_v1" "main" {
  name      = "qlvb-db"
  flavor_id = "31792d21-c355-4587-9290-56c1ed0ca376"
  size      = 100

  datastore {
    type    = "postgresql"
    version = "15"
  }

  network {
    uuid = "c0612505-caf2-4fb0-b7cb-56a0240a2b12"
  }
}

resource "openstack_objectstorage_container_v1" "scans" {
  name           = "qlvb-scans"
  container_read = "4f5d2a3b9c8e4d7f8a1b2c3d4e5f6a7b:qlvb-app"
  versioning     = true
}
