# A module the refused module calls: it validates on its own, and its
# services are not scoped to a file of the caller.
resource "fastly_service_vcl" "child" {
  name = "child"

  domain {
    name = "child.example.com"
  }
}
