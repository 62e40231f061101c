//! Replays every input kept under `fuzz/regressions/feed_parse/` through the feed reader with the
//! fuzz target's own checks (`fuzz/src/feed.rs`), so a crash the fuzzer once found stays fixed.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

#[path = "../fuzz/src/feed.rs"]
mod fuzz_feed;

#[path = "../fuzz/src/replay.rs"]
mod replay;

#[test]
fn every_feed_parse_regression_input_passes_the_fuzz_checks() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/feed_parse");
    replay::replay(&dir, fuzz_feed::check);
}
