fn main() { req.send("origin_a"); } // a copy that kept the other backend name
