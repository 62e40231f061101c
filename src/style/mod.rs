//! The CSS each widget adopts into its shadow root. Host CSS cannot reach in, ours cannot leak
//! out; theming goes through `--fw-*` custom properties, which do cross the boundary.

use std::cell::RefCell;

use web_sys::{CssStyleSheet, ShadowRoot};

const BASE: &str = include_str!(concat!(env!("OUT_DIR"), "/base.css"));

thread_local! {
    /// One constructed sheet per widget stylesheet, shared by every instance of that widget;
    /// a widget's CSS is a `&'static str`, so its address tells the sheets apart.
    static SHEETS: RefCell<Vec<(&'static str, CssStyleSheet)>> = const { RefCell::new(Vec::new()) };
}

/// Gives `shadow` the base sheet and a widget's own `css`. Browsers without constructable
/// stylesheets get a `<style>` element instead.
pub fn adopt(shadow: &ShadowRoot, css: &'static str) {
    match sheet_for(css) {
        Some(sheet) => shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet)),
        None => {
            let style = shadow
                .owner_document()
                .and_then(|document| document.create_element("style").ok());
            if let Some(style) = style {
                style.set_text_content(Some(&text(css)));
                let _ = shadow.append_child(&style);
            }
        }
    }
}

/// The base sheet's text and then `css`'s: made by one function for both ways of adopting
/// them (size).
fn text(css: &str) -> String {
    crate::strings::concat(&[BASE, "\n", css])
}

fn sheet_for(css: &'static str) -> Option<CssStyleSheet> {
    SHEETS.with(|sheets| {
        // A loop, not a `find` and `map` chain (size).
        for (known, sheet) in sheets.borrow().iter() {
            if std::ptr::eq(*known, css) {
                return Some(sheet.clone());
            }
        }
        let sheet = CssStyleSheet::new().ok()?;
        sheet.replace_sync(&text(css)).ok()?;
        sheets.borrow_mut().push((css, sheet.clone()));
        Some(sheet)
    })
}
