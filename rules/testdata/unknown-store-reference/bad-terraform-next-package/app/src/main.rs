use fastly::{KVStore, Request};

fn main() -> Result<(), fastly::Error> {
    let sessions = KVStore::open("sessions")?;
    Ok(())
}
