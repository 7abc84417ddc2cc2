pub mod compression;
