# Separate examples side by side: one.tf and two.tf both declare
# fastly_service_vcl.demo, so Terraform refuses the directory as one
# module. Each file's services are scoped to the file; the module two.tf
# calls is scoped to two.tf.
resource "fastly_service_vcl" "demo" {
  name = "demo one"
  domain {
    name = "demo.example.org"
  }
  backend {
    name    = "app"
    address = "app.example.org"
  }
}
