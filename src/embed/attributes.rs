//! Reading widget options from the page: element attributes, `data-*` attributes, JS objects.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use super::WidgetOptions;

/// Attributes that belong to the host page, not to the widget.
const HOST_ATTRIBUTES: [&str; 5] = ["class", "style", "id", "hidden", "slot"];

/// Options of a custom element: its attributes, `data-` prefixes stripped.
pub fn from_element_attributes(element: &Element) -> WidgetOptions {
    let mut options = WidgetOptions::default();
    for name in attribute_names(element) {
        if HOST_ATTRIBUTES.contains(&name.as_str()) || name == "data-fw-widget" {
            continue;
        }
        if let Some(value) = element.get_attribute(&name) {
            options.insert(name.strip_prefix("data-").unwrap_or(&name), value);
        }
    }
    options
}

/// Options of a `data-fw-widget` container: only its `data-*` attributes, prefix stripped
/// (its other attributes are the CMS's).
pub fn from_data_attributes(element: &Element) -> WidgetOptions {
    let mut options = WidgetOptions::default();
    for name in attribute_names(element) {
        let Some(option) = name.strip_prefix("data-") else {
            continue;
        };
        // `data-fw-ready` is the bundle's own mark (see `embed::mount`), not an option.
        if option == "fw-widget" || option == "fw-ready" {
            continue;
        }
        if let Some(value) = element.get_attribute(&name) {
            options.insert(option, value);
        }
    }
    options
}

/// Options from a JS object's own string, number and boolean properties.
pub fn from_js_object(object: &JsValue) -> WidgetOptions {
    let mut options = WidgetOptions::default();
    let Some(object) = object.dyn_ref::<js_sys::Object>() else {
        return options;
    };
    for entry in js_sys::Object::entries(object).iter() {
        // `Object.entries` gives `[key, value]` arrays: no copy through `Array.from` needed.
        let pair = entry.unchecked_into::<js_sys::Array>();
        let (Some(name), value) = (pair.get(0).as_string(), pair.get(1)) else {
            continue;
        };
        let text = if let Some(text) = value.as_string() {
            text
        } else if value.as_f64().is_some() || value.as_bool().is_some() {
            // JavaScript's own `toString` of the number or boolean (one call for both); Rust's
            // float printing costs kilobytes.
            value.unchecked_ref::<js_sys::Object>().to_string().into()
        } else {
            continue;
        };
        options.insert(&name, text);
    }
    options
}

fn attribute_names(element: &Element) -> Vec<String> {
    // A loop, not a `filter_map`, `map` and `collect` chain: generic code of its own (size).
    let mut names = Vec::new();
    for name in element.get_attribute_names().iter() {
        if let Some(mut name) = name.as_string() {
            name.make_ascii_lowercase();
            names.push(name);
        }
    }
    names
}
