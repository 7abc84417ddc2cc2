chained_host = "chained.example.com"
