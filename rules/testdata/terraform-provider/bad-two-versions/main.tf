# The next provider's explicit family: two backends of one service write
# to different versions. Version 3 is the one being configured and is
# linted; the object for version 2 is named as left out.
resource "fastly_service_cdn" "www" {
  name = "www"
}

resource "fastly_service_domain" "www" {
  service_id = fastly_service_cdn.www.id
  version    = 3
  name       = "www.example.com"
}

resource "fastly_service_backend" "old" {
  service_id    = fastly_service_cdn.www.id
  version       = 2
  name          = "origin"
  address       = "old-origin.example.com"
  override_host = "old-origin.example.com"
}

resource "fastly_service_backend" "new" {
  service_id    = fastly_service_cdn.www.id
  version       = 3
  name          = "origin"
  address       = "origin.example.com"
  override_host = "origin.example.com"
}

# A service declared elsewhere (imported, or in another state), named by
# its ID: its objects make a service of their own.
resource "fastly_service_backend" "imported" {
  service_id    = "SU1Z0isxPaozGVKXdv0eY"
  version       = 7
  name          = "origin"
  address       = "origin.example.com"
  override_host = "origin.example.com"
}
