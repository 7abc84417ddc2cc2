fn main() {
    let rules = fastly::ConfigStore::open("security_rules");
    let resp = req.send("protected_origin");
}
