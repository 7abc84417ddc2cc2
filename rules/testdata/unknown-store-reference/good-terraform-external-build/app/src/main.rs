use fastly::{ConfigStore, Request};

const CONFIG: &str = "app_config";

fn main() -> Result<(), fastly::Error> {
    let config = ConfigStore::open(CONFIG);
    Ok(())
}
