# The current provider's estate: nothing of the next provider, no note.
resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name          = "origin"
    address       = "origin.example.com"
    override_host = "origin.example.com"
  }
}

resource "fastly_service_dictionary_items" "items" {
  service_id    = fastly_service_vcl.www.id
  dictionary_id = "abc"
  items         = {}
}
