chained_domain = "chained-service.example.org"
