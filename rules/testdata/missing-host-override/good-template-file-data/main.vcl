sub vcl_recv {
#FASTLY recv
  set req.http.host = "${chained}";
  return(lookup);
}
