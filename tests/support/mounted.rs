//! A guard for what a test adds to the shared page: the element goes when the guard is dropped.
//!
//! On wasm32 a panic unwinds nothing, so the guards of a failed test are never dropped; the
//! elements they hold are kept in a list, and [`sweep`] (called by `setup` at the start of every
//! test) removes them, so one failure cannot leave its widgets to disturb the tests after it.

use std::cell::RefCell;
use std::ops::Deref;

use web_sys::Element;

thread_local! {
    /// The elements of the guards not dropped yet.
    static HELD: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

/// An element in the page for the length of a test; derefs to the element.
#[must_use = "the element is removed when the guard is dropped"]
pub struct Mounted(Element);

impl Mounted {
    /// A new element with `attributes`, appended to `<body>` (custom elements mount at once).
    pub fn add(tag: &str, attributes: &[(&str, &str)]) -> Self {
        Self::hold(super::add(tag, attributes))
    }

    /// Takes `element` (already in the page, or to be put there) into a guard.
    pub fn hold(element: Element) -> Self {
        HELD.with(|held| held.borrow_mut().push(element.clone()));
        Self(element)
    }

    /// The element as a `JsValue`, for event logs.
    pub fn js(&self) -> wasm_bindgen::JsValue {
        self.0.clone().into()
    }
}

impl Deref for Mounted {
    type Target = Element;

    fn deref(&self) -> &Element {
        &self.0
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.0.remove();
        HELD.with(|held| held.borrow_mut().retain(|element| *element != self.0));
    }
}

/// Removes what the guards of an earlier, failed test still hold.
pub fn sweep() {
    for element in HELD.with(|held| held.take()) {
        element.remove();
    }
}
