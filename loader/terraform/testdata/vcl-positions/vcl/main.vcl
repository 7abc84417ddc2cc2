sub vcl_recv {
#FASTLY recv
  set req.http.X-Main == "1";
}
