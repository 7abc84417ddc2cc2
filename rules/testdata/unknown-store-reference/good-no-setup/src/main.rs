fn main() {
    let state = fastly::KVStore::open("garden_state");
    let resp = req.send("twilio_api");
}
