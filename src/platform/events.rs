//! `fw:<widget>:<what>` events for the host page's analytics.

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

/// Dispatches `fw:<widget>:<what>` on the widget's host element. The event bubbles and crosses
/// shadow roots (`composed`), so one listener on `document` hears every widget.
pub fn dispatch(host: &Element, widget: &str, what: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    let name = format!("fw:{widget}:{what}");
    if let Ok(event) = CustomEvent::new_with_event_init_dict(&name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// An event detail object from string pairs.
pub fn detail(fields: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}
