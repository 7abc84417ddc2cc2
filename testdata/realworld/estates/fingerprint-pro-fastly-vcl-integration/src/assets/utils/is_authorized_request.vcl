sub is_authorized_request BOOL {
 if (req.method == "POST") {
    return true;
 }
 return false;
}
