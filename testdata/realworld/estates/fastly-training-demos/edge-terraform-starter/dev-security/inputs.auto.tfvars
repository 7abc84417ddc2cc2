#### NGWAF Variable input values

NGWAF_SITE = "dev_tf_ngwaf_site"
