# A city's open-data and e-services portal on Bizfly Cloud (Hanoi): a web server behind a load
# balancer, a managed PostgreSQL database, a data volume and an object-storage bucket. The bucket of
# citizens' uploaded files was opened to the public (CLD-PUB-01). Bizfly volumes have no encryption
# setting, so the descriptor declares encryption at rest (crypto.at_rest.encrypted, CLD-ENC-01).
terraform {
  required_providers {
    bizflycloud = {
      source = "bizflycloud/bizflycloud"
    }
  }
}

provider "bizflycloud" {
  auth_method = "application_credential"
  region_name = "HaNoi"
}

resource "bizflycloud_server" "web" {
  name                  = "portal-web"
  flavor_name           = "4c_8g"
  category              = "premium"
  os_type               = "image"
  os_id                 = "5e6f7b3c-1a2b-4c5d-8e9f-0a1b2c3d4e5f"
  root_disk_volume_type = "PREMIUM-SSD1"
  root_disk_size        = 40
  availability_zone     = "HN1"
  network_plan          = "free_datatransfer"
  billing_plan          = "on_demand"
}

resource "bizflycloud_volume" "data" {
  name              = "portal-data"
  size              = 200
  type              = "PREMIUM-SSD1"
  category          = "premium"
  availability_zone = "HN1"
}

resource "bizflycloud_cloud_database_instance" "main" {
  name              = "portal-db"
  availability_zone = "HN1"
  flavor_name       = "2c_4g"
  instance_type     = "enterprise"
  public_access     = false
  volume_size       = 50
  datastore = {
    type       = "Postgres"
    name       = "patroni-13.11"
    version_id = "2c4d00d1-b4e1-4a29-a7a6-25c5bb78a70f"
  }
}

resource "bizflycloud_simple_storage_bucket" "uploads" {
  name                  = "portal-uploads"
  location              = "hn"
  default_storage_class = "STANDARD"
}

resource "bizflycloud_simple_storage_bucket_acl" "uploads" {
  bucket_name = bizflycloud_simple_storage_bucket.uploads.name
  acl         = "public-read"
}

resource "bizflycloud_loadbalancer" "portal" {
  name         = "portal-lb"
  description  = "public entry of the portal"
  type         = "small"
  network_type = "external"
}

resource "bizflycloud_firewall" "web" {
  name = "portal-web"

  ingress {
    cidr       = "0.0.0.0/0"
    port_range = "443"
    protocol   = "tcp"
  }

  ingress {
    cidr       = "10.20.0.0/24" # administration network
    port_range = "22"
    protocol   = "tcp"
  }
}

# Daily backups of the data volume and the database node, a week of each kept (CLD-BAK-01).
resource "bizflycloud_scheduled_volume_backup" "data" {
  volume_id      = bizflycloud_volume.data.id
  frequency      = "1440"
  size           = "7"
  scheduled_hour = 1
}

resource "bizflycloud_cloud_database_backup_schedule" "daily" {
  name            = "daily"
  node_id         = bizflycloud_cloud_database_instance.main.nodes[0].id
  limit_backup    = 7
  cron_expression = "0 1 * * *"
}
