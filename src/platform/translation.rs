//! Knowing when a machine translator is rewriting the page.

use wasm_bindgen::prelude::*;
use web_sys::{MutationObserver, MutationObserverInit};

use super::page::html_element;

/// Whether the page shows a translator's mark now: the `translated-ltr` / `translated-rtl`
/// class that Chrome's translator and Google's website translator put on `<html>`.
pub fn is_translated() -> bool {
    html_element().is_some_and(|html| {
        let classes = html.class_list();
        classes.contains("translated-ltr") || classes.contains("translated-rtl")
    })
}

/// Calls back with [`is_translated`] whenever `<html>`'s class or language changes; stops
/// watching when dropped.
pub struct TranslationWatcher {
    observer: MutationObserver,
    _callback: Closure<dyn FnMut()>,
}

impl TranslationWatcher {
    /// Starts watching; `None` when the page has no `<html>` or no `MutationObserver`.
    pub fn start(mut on_change: impl FnMut(bool) + 'static) -> Option<Self> {
        let html = html_element()?;
        let callback = Closure::<dyn FnMut()>::new(move || on_change(is_translated()));
        let observer = MutationObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        let options = MutationObserverInit::new();
        options.set_attributes(true);
        options.set_attribute_filter(&js_sys::Array::of2(&"class".into(), &"lang".into()));
        observer.observe_with_options(&html, &options).ok()?;
        Some(Self {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for TranslationWatcher {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
