#### NGWAF variables - Start

variable "NGWAF_ACCESSKEYID" {
  type          = string
  description   = "ACCESSKEYID name for NGWAF"
}

variable "NGWAF_ACCESSKEYSECRET" {
  type          = string
  description   = "SECRETACCESSKEY for NGWAF"
}

#### NGWAF variables - End


