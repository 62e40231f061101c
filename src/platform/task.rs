//! Work for later on the page's event loop: futures, and callbacks the browser calls once.

use std::future::Future;
use std::pin::Pin;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;

/// Runs `future` to its end in later tasks. Every future of the bundle goes through this one
/// function, which is not generic: `spawn_local` is, and each future type given to it would be
/// another copy of its executor's code (and of its path for JS promise integration).
pub fn spawn(future: Pin<Box<dyn Future<Output = ()>>>) {
    wasm_bindgen_futures::spawn_local(future);
}

/// `f` as a JS function that runs it on its first call. Every such function of the bundle is
/// made here from a boxed closure: `Closure::once_into_js` is generic, and each closure type
/// given to it would be another copy of its glue.
pub fn once_js(f: Box<dyn FnOnce()>) -> JsValue {
    Closure::once_into_js(f)
}
