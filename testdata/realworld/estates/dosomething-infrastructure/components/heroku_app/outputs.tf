output "backend" {
  value = heroku_app.app.heroku_hostname
}