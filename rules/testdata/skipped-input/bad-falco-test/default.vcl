backend F_origin {
  .host = "origin.example.com";
  .port = "443";
}

sub vcl_recv {
#FASTLY recv
  set req.backend = F_origin;
  return(lookup);
}
