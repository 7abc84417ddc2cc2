output "addon" {
  description = "The Heroku webhook addon."
  value       = heroku_addon.webhook
}