variable "name" {
  description = "The name for the archive bucket (e.g. dosomething-papertrail)."
}
