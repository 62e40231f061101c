//! The CSS each widget adopts into its shadow root. Host CSS cannot reach in, ours cannot leak
//! out; theming goes through `--fw-*` custom properties, which do cross the boundary.

use std::cell::RefCell;

use web_sys::{CssStyleSheet, ShadowRoot};

use crate::embed::WidgetKind;

const BASE: &str = include_str!(concat!(env!("OUT_DIR"), "/base.css"));
const CAROUSEL: &str = include_str!(concat!(env!("OUT_DIR"), "/carousel.css"));
const FEEDBACK: &str = include_str!(concat!(env!("OUT_DIR"), "/feedback.css"));
const DISCLAIMER: &str = include_str!(concat!(env!("OUT_DIR"), "/disclaimer.css"));

thread_local! {
    /// One constructed sheet per widget kind, shared by every instance of that kind.
    static SHEETS: RefCell<[Option<CssStyleSheet>; 3]> = const { RefCell::new([None, None, None]) };
}

/// The widget-specific CSS of `kind`.
pub fn css_of(kind: WidgetKind) -> &'static str {
    match kind {
        WidgetKind::Carousel => CAROUSEL,
        WidgetKind::Feedback => FEEDBACK,
        WidgetKind::Disclaimer => DISCLAIMER,
    }
}

/// Gives `shadow` the base sheet and the sheet of `kind`. Browsers without constructable
/// stylesheets get a `<style>` element instead.
pub fn adopt(shadow: &ShadowRoot, kind: WidgetKind) {
    match sheet_for(kind) {
        Some(sheet) => shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet)),
        None => {
            let style = shadow
                .owner_document()
                .and_then(|document| document.create_element("style").ok());
            if let Some(style) = style {
                style.set_text_content(Some(&format!("{BASE}\n{}", css_of(kind))));
                let _ = shadow.append_child(&style);
            }
        }
    }
}

fn sheet_for(kind: WidgetKind) -> Option<CssStyleSheet> {
    let slot = kind as usize;
    SHEETS.with(|sheets| {
        if let Some(sheet) = &sheets.borrow()[slot] {
            return Some(sheet.clone());
        }
        let sheet = CssStyleSheet::new().ok()?;
        sheet
            .replace_sync(&format!("{BASE}\n{}", css_of(kind)))
            .ok()?;
        sheets.borrow_mut()[slot] = Some(sheet.clone());
        Some(sheet)
    })
}
