terraform {
  required_providers {
    fastly = {
      source  = "fastly/fastly"
    }
  }
}

