locals {
  region = "us-east-1" # an argument inside a block: fine
}
