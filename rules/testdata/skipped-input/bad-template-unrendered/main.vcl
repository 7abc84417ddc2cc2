sub vcl_recv {
#FASTLY recv
  set req.http.${extra_header} = "1";
%{ if cached }
  return(lookup);
%{ else }
  return(pass);
%{ endif }
}
