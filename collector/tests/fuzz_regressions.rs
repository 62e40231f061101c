//! Replays every input kept under `fuzz/regressions/collector_payload/` through the payload
//! validation with the fuzz target's own checks (`fuzz/src/collector.rs`), so a crash the fuzzer
//! once found stays fixed.

use std::path::Path;

#[path = "../../fuzz/src/collector.rs"]
mod fuzz_collector;

#[path = "../../fuzz/src/replay.rs"]
mod replay;

#[test]
fn every_collector_payload_regression_input_passes_the_fuzz_checks() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions/collector_payload");
    replay::replay(&dir, fuzz_collector::check);
}
