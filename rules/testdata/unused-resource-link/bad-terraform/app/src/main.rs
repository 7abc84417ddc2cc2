fn main() {
    let settings = fastly::ConfigStore::open("settings");
}
