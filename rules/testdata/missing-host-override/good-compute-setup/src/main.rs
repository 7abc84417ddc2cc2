use fastly::{Error, Request, Response};

#[fastly::main]
fn main(req: Request) -> Result<Response, Error> {
    // Passing lets the VCL service own caching (compute-to-vcl-without-pass).
    Ok(req.with_pass(true).send("chained")?)
}
