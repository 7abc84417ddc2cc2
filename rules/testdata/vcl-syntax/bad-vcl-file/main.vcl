sub vcl_recv {
  #FASTLY recv
  set req.http.X-Debug = "1"
  if (req.url ~ "^/api/" {
    return(pass);
  }
  set req.http.X-After = "still parsed";
}
