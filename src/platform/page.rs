//! Facts about the host page that the widgets need, read once and safely.

use std::cell::RefCell;

use web_sys::{Document, Element};

thread_local! {
    /// `<html lang>` as it was when the bundle started, before a translator could rewrite it.
    static ORIGINAL_LANGUAGE: RefCell<Option<Option<String>>> = const { RefCell::new(None) };
}

/// Records the page's language as the loader saw it before any translation; the first record
/// wins, so a later call (a second loader, a remount) cannot replace it with a translated one.
pub fn record_original_language(tag: Option<String>) {
    ORIGINAL_LANGUAGE.with(|original| {
        let mut original = original.borrow_mut();
        if original.is_none() {
            *original = Some(non_blank(tag));
        }
    });
}

/// The page's language before translation: the recorded one, else `<html lang>` now.
pub fn original_language() -> Option<String> {
    ORIGINAL_LANGUAGE
        .with(|original| original.borrow().clone())
        .unwrap_or_else(|| non_blank(html_element().and_then(|html| html.get_attribute("lang"))))
}

/// `tag` unless it is blank: one function for both sources of the original language (size).
fn non_blank(tag: Option<String>) -> Option<String> {
    tag.filter(|t| !t.trim().is_empty())
}

/// The reader's preferred languages (`navigator.languages`, else `navigator.language`).
pub fn browser_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    // A loop, not a `filter_map` and `collect` chain: generic code of its own (size).
    let mut languages = Vec::new();
    for tag in navigator.languages().iter() {
        if let Some(tag) = tag.as_string() {
            languages.push(tag);
        }
    }
    if languages.is_empty() {
        if let Some(tag) = navigator.language() {
            languages.push(tag);
        }
    }
    languages
}

/// The page's document: one function for every caller, not the window's and the document's
/// lookups again at each (size).
pub fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// The page's `<html>` element.
pub fn html_element() -> Option<Element> {
    document()?.document_element()
}

/// The page's path, without query or fragment.
pub fn path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".into())
}

/// Whether the page is hidden (a background tab, a minimised window).
pub fn is_hidden() -> bool {
    document().is_some_and(|d| d.hidden())
}
