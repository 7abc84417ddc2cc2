use fastly::{ConfigStore, Error, Request, Response};
#[fastly::main]
fn main(_req: Request) -> Result<Response, Error> {
    let cfg = ConfigStore::open("cfg");
    let _ = cfg.get("k");
    Ok(Response::new())
}
