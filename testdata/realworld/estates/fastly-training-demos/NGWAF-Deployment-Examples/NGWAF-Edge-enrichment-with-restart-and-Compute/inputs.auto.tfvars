# Service VCL variables
SERVICE_VCL_FRONTEND_DOMAIN_NAME = "YOURDOMAIN.global.ssl.fastly.net"
SERVICE_VCL_BACKEND_HOSTNAME = "http-me.edgecompute.app"

# Service Compute variables
SERVICE_COMPUTE_FRONTEND_DOMAIN_NAME = "YOURDOMAIN.edgecompute.app"

# NGWAF_CORP = ""
# NGWAF_EMAIL = ""
# NGWAF_TOKEN = ""
# FASTLY_API_KEY = ""
