//! The open shadow root each widget lives in, with its adopted stylesheet.

use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

use crate::style;

/// Opens (or reuses) `host`'s shadow root, adopts the base styles and the widget's `css`, and adds the element Yew
/// will render into, marked so that translators leave it alone.
///
/// When the host has children of its own (a server-rendered fallback), a `<slot>` shows them
/// and the widget's element stays hidden until [`settle`]: one or the other, never both.
pub fn prepare(host: &Element, css: &'static str) -> Result<(ShadowRoot, Element), String> {
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .map_err(|_| {
                crate::strings::concat(&[
                    "<",
                    &host.tag_name().to_ascii_lowercase(),
                    "> cannot hold a widget (it does not accept a shadow root); use a <div>",
                ])
            })?,
    };
    shadow.set_text_content(None);
    style::adopt(&shadow, css);
    let document = host.owner_document().ok_or("the element has no document")?;
    let container = document
        .create_element("div")
        .map_err(|_| "cannot create an element".to_string())?;
    // Translators rewrite text nodes under the virtual DOM's feet; widgets translate
    // themselves, so they opt out.
    let _ = container.set_attribute("translate", "no");
    let _ = container.set_attribute("class", "fw-root notranslate");
    if host.child_element_count() > 0 || host.text_content().is_some_and(|t| !t.trim().is_empty()) {
        let _ = container.set_attribute("hidden", "");
        if let Ok(slot) = document.create_element("slot") {
            let _ = shadow.append_child(&slot);
        }
    }
    shadow
        .append_child(&container)
        .map_err(|_| "cannot add to the shadow root".to_string())?;
    Ok((shadow, container.unchecked_into()))
}

/// The widget has rendered: its element shows and the host's own children, no longer slotted,
/// are hidden (a shadow root without a default slot renders none of them).
pub fn settle(shadow: &ShadowRoot, container: &Element) {
    if let Ok(Some(slot)) = shadow.query_selector("slot") {
        slot.remove();
    }
    let _ = container.remove_attribute("hidden");
}

/// Names the widget's colour theme (its `theme` option) on its root, where the stylesheet
/// selects on it: at mount, and again when the host's attributes change.
pub fn set_theme(container: &Element, options: &crate::widgets::WidgetOptions) {
    let theme = crate::widgets::Theme::from_options(options);
    let _ = container.set_attribute("data-theme", theme.as_str());
}

/// Empties a shadow root after its widget is gone.
pub fn clear(shadow: &ShadowRoot) {
    shadow.set_text_content(None);
    shadow.set_adopted_style_sheets(&js_sys::Array::new());
}
