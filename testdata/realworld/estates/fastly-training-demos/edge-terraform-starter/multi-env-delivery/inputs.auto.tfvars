#### Service VCL variables
## Free TLS with "*.global.ssl.fastly.net"
SERVICE_VCL_FRONTEND_DOMAIN_NAME = "dev-tf-demo.global.ssl.fastly.net"
SERVICE_VCL_BACKEND_HOSTNAME     = "http-me.edgecompute.app"

NGWAF_SITE = "dev_tf_ngwaf_site"
