//! Runs every file of a regression folder through a fuzz target's checks, naming the files that
//! fail; the replay tests include it with `#[path]`.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

/// Calls `check` on the bytes of every file in `dir`; panics naming each file whose check
/// panicked, or when the folder holds no input (a replay test that runs nothing proves nothing).
pub fn replay(dir: &Path, check: fn(&[u8])) {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.is_file())
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no inputs in {}", dir.display());
    let failed: Vec<String> = paths
        .iter()
        .filter(|path| {
            let data = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            catch_unwind(AssertUnwindSafe(|| check(&data))).is_err()
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(failed.is_empty(), "fuzz regressions fail: {failed:?}");
}
