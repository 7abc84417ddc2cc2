#### Service VCL variables
## Free TLS with "*.global.ssl.fastly.net"
SERVICE_VCL_FRONTEND_DOMAIN_NAME = "prod-tf-demo.global.ssl.fastly.net"
SERVICE_VCL_BACKEND_HOSTNAME     = "http-me.edgecompute.app"

NGWAF_SITE = "prod_tf_ngwaf_site"

#### Service Compute variables
# SERVICE_COMPUTE_FRONTEND_DOMAIN_NAME = ""
# SERVICE_COMPUTE_BACKEND_HOSTNAME = ""
