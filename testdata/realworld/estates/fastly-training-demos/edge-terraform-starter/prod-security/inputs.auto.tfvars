#### NGWAF Variable input values

NGWAF_SITE = "prod_tf_ngwaf_site"
