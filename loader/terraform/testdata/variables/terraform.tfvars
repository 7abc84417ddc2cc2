origin = "tfvars-origin.example.com"
shield = "iad-va-us"
