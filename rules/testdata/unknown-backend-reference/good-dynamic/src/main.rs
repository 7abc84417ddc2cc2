use fastly::backend::Backend;
use fastly::{Error, Request, Response};

const DOCS: &str = "docs_dyn";

#[fastly::main]
fn main(req: Request) -> Result<Response, Error> {
    // Dynamic backends: registered by name at run time, then sent to.
    Backend::builder("origin_dyn", "origin.example.com").enable_ssl().finish()?;
    Backend::builder(DOCS, "docs.example.com").finish()?;
    if req.get_path().starts_with("/docs") {
        return Ok(req.send(DOCS)?);
    }
    if req.get_path().starts_with("/api") {
        return Ok(req.send("api")?);
    }
    Ok(req.send("origin_dyn")?)
}
