use fastly::backend::Backend;
use fastly::{Error, Request, Response};

#[fastly::main]
fn main(req: Request) -> Result<Response, Error> {
    Backend::builder("origin_dyn", "origin.example.com").enable_ssl().finish()?;
    // A typo: no static or dynamic backend has this name.
    Ok(req.send("origin_dym")?)
}
