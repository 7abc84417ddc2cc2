use fastly::{Error, Request, Response, KVStore, ConfigStore};
#[fastly::main]
fn main(req: Request) -> Result<Response, Error> {
    let kv = KVStore::open("sessions")?;
    let cfg = ConfigStore::open("settings");
    Ok(req.send("origin")?)
}
