use fastly::{ConfigStore, Dictionary, Error, KVStore, Request, Response, SecretStore};

#[fastly::main]
fn main(_req: Request) -> Result<Response, Error> {
    // Every link is opened, each in another of the SDK's forms.
    let settings = ConfigStore::try_open("settings")?;
    let legacy = Dictionary::open("legacy");
    let keys = SecretStore::open("keys")?;
    let users = KVStore::open("users")?;
    let _ = (settings, legacy, keys, users);
    Ok(Response::new())
}
