use fastly::{Error, Request, Response};

#[fastly::main]
fn main(mut req: Request) -> Result<Response, Error> {
    // The VCL service owns caching.
    req.set_pass(true);
    Ok(req.send("vcl")?)
}
