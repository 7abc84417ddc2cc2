set req.http.X-Shared = "1";
set req.http.X-Shared-Broken == "2";
