use fastly::{Error, Request, Response};

#[fastly::main]
fn main(req: Request) -> Result<Response, Error> {
    // Cached here and again in the VCL service.
    Ok(req.send("vcl")?)
}

fn other(req: Request) -> Result<Response, Error> {
    // A pass in another function does not cover main's send; this one passes.
    let mut r = req.clone_without_body();
    r.set_pass(true);
    Ok(r.send("vcl")?)
}
