//! What the fuzz targets run, kept apart from `fuzz_target!` so the replay tests of the root
//! crate and of the collector (`tests/fuzz_regressions.rs` in each) include the very same
//! checks with `#[path]`: they cannot depend on this crate, which depends on theirs.

pub mod collector;
pub mod feed;
pub mod replay;
