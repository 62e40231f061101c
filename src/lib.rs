//! FeedWidgets: a news carousel, a feedback rating widget and a translation-disclaimer banner
//! that drop into any web page, all driven by one JSON feed.
//!
//! The pure parts (`feed`, `i18n`, the widgets' `state` modules) are plain Rust tested natively;
//! `platform` and `embed` are the thin browser glue, tested in headless Chromium.

#![warn(missing_docs)]

pub mod embed;
pub mod feed;
pub mod i18n;
pub mod platform;
mod strings;
pub mod style;
pub mod widgets;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// Smaller and faster than the default dlmalloc; the bundle is single-threaded.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The bundle's version, as `window.FeedWidgets.version` reports it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Starts the bundle; the loader (`embed.js`) calls it once with `<html lang>` as it was before
/// any translation, the feed requests it started meanwhile (a `Map` from URL to promise) and
/// its `settle(element)`, which drops an element's `pending` state once its widget rendered.
#[wasm_bindgen(js_name = boot)]
pub fn js_boot(original_language: Option<String>, prefetched: JsValue, settle: JsValue) {
    platform::fetch::adopt_prefetched(prefetched);
    embed::set_loader(settle);
    embed::boot(original_language);
}

/// A widget element's `connectedCallback`, from the loader.
#[wasm_bindgen(js_name = connected)]
pub fn js_connected(element: web_sys::Element) {
    embed::connected(&element);
}

/// A widget element's `disconnectedCallback`, from the loader.
#[wasm_bindgen(js_name = disconnected)]
pub fn js_disconnected(element: web_sys::Element) {
    embed::disconnected(&element);
}

/// A widget element's `attributeChangedCallback`, from the loader.
#[wasm_bindgen(js_name = changed)]
pub fn js_changed(element: web_sys::Element) {
    embed::attribute_changed(&element);
}

/// A widget element's method number `code` (`next`, `previous`, `goTo`, `play`, `pause`,
/// `reset`, `show`, `dismiss`, from 0; any other number only reads) with its numeric argument,
/// from the loader; answers the carousel's current index (`currentIndex`), or `undefined` when
/// the element has no widget.
#[wasm_bindgen(js_name = call)]
pub fn js_call(element: web_sys::Element, code: u32, argument: Option<f64>) -> Option<u32> {
    embed::call(&element, code, argument)
}

/// `FeedWidgets.mount(element, kind, options)`: mounts a widget on an element. Throws a
/// `TypeError`-like error when the element or kind is wrong.
#[wasm_bindgen(js_name = mount)]
pub fn js_mount(element: JsValue, kind: &str, options: JsValue) -> Result<(), JsError> {
    let element = element
        .dyn_into::<web_sys::Element>()
        .map_err(|_| JsError::new("FeedWidgets.mount: the first argument must be an element"))?;
    let kind = embed::WidgetKind::from_name(kind).ok_or_else(|| {
        JsError::new(
            "FeedWidgets.mount: kind must be \"news-carousel\", \"feedback\" or \"disclaimer\"",
        )
    })?;
    embed::mount(&element, kind, embed::from_js_object(&options))
        .map_err(|reason| JsError::new(&strings::concat(&["FeedWidgets.mount: ", &reason])))
}

/// `FeedWidgets.unmount(element)`: removes the widget on an element; whether there was one.
#[wasm_bindgen(js_name = unmount)]
pub fn js_unmount(element: JsValue) -> bool {
    element
        .dyn_into::<web_sys::Element>()
        .is_ok_and(|element| embed::unmount(&element))
}

/// The bundle's version.
#[wasm_bindgen(js_name = version)]
pub fn js_version() -> String {
    VERSION.to_string()
}
