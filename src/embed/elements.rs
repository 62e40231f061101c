//! The `fw-*` custom elements. Their classes must be JavaScript (`extends HTMLElement`), so a
//! tiny snippet defines them and forwards the lifecycle callbacks to Rust.

use wasm_bindgen::prelude::*;
use web_sys::Element;

use super::{attributes, mount, schedule_unmount_if_detached, WidgetKind};
use crate::platform::console;

#[wasm_bindgen(inline_js = r#"
export function define_widget_element(name, connected, disconnected) {
  if (!window.customElements || customElements.get(name)) return false;
  customElements.define(name, class extends HTMLElement {
    connectedCallback() { connected(this); }
    disconnectedCallback() { disconnected(this); }
  });
  return true;
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    fn define_widget_element(
        name: &str,
        connected: &JsValue,
        disconnected: &JsValue,
    ) -> Result<bool, JsValue>;
}

/// Defines `fw-news-carousel`, `fw-feedback` and `fw-disclaimer`. Elements already in the page
/// are upgraded (and so mounted) at once. A name another script already defined is left alone.
pub fn define_all() {
    for kind in WidgetKind::ALL {
        let connected = Closure::<dyn Fn(Element)>::new(move |element: Element| {
            if super::registry::is_mounted(&element) {
                return;
            }
            let options = attributes::from_element_attributes(&element);
            if let Err(reason) = mount(&element, kind, options) {
                console::error(&reason);
            }
        });
        let disconnected = Closure::<dyn Fn(Element)>::new(|element: Element| {
            schedule_unmount_if_detached(element);
        });
        match define_widget_element(
            kind.element_name(),
            connected.as_ref(),
            disconnected.as_ref(),
        ) {
            // The element classes live as long as the page, and so must their callbacks.
            Ok(true) => {
                connected.forget();
                disconnected.forget();
            }
            Ok(false) => {}
            Err(_) => console::error(&format!("cannot define <{}>", kind.element_name())),
        }
    }
}
