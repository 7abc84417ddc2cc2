use fastly::{ConfigStore, KVStore, Request};

// KVStore::open("in-a-comment") is not a call.
/* nor is this: KVStore::open("in-a-block-comment") */
const KV_STORE_NAME: &str = "usernames";
static DECOY: &str = "KVStore::open(\"in-a-string\")";

fn main() -> Result<(), fastly::Error> {
    let names = KVStore::open(KV_STORE_NAME)?;
    let settings = ConfigStore::open("settings");
    let resp = req.send("api")?;
    let r#raw = r#"req.send("raw-decoy")"#;
    Ok(())
}
