// Two copies of one demo, both named "demo": two projects, not one service.
fn main() { req.send("origin_a"); }
