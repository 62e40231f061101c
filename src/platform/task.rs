//! Running a future on the page's event loop.

use std::future::Future;
use std::pin::Pin;

/// Runs `future` to its end in later tasks. Every future of the bundle goes through this one
/// function, which is not generic: `spawn_local` is, and each future type given to it would be
/// another copy of its executor's code (and of its path for JS promise integration).
pub fn spawn(future: Pin<Box<dyn Future<Output = ()>>>) {
    wasm_bindgen_futures::spawn_local(future);
}
