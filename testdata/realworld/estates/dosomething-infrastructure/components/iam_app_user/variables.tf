variable "name" {
  description = "The application name."
}