sub vcl_recv { }
