set req.http.X-Origin = "${origin}";
