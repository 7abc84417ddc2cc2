resource "fastly_service_vcl" "www" {
  name = "www"
  domain {
    name = "www.example.com"
  }
  backend {
    name    = "origin"
    address = "origin.example.com"
  }
  snippet {
    name    = "heredoc"
    type    = "recv"
    content = <<-EOT
      if (req.url ~ "^/api/") {
        set req.http.X-API = "1"
      }
    EOT
  }
  vcl {
    name    = "main"
    main    = true
    content = file("${path.module}/vcl/main.vcl")
  }
}
