//! The `fw-*` custom elements. The loader (`embed.js`) defines their classes before the bundle
//! runs, so that their properties, methods and `pending` state exist at once; it hands their
//! callbacks here once the bundle has started.

use std::cell::Cell;

use wasm_bindgen::prelude::*;
use web_sys::Element;

use super::{attributes, live, mount_with, registry, schedule_unmount_if_detached, WidgetKind};
use crate::platform::console;
use crate::widgets::Command;

thread_local! {
    /// The loader's function that drops an element's `pending` state (none in tests of the
    /// bundle alone).
    /// In a `Cell`, taken and put back: no `RefCell` borrow checks (size).
    static SETTLE: Cell<Option<js_sys::Function>> = const { Cell::new(None) };
}

/// Keeps the loader's `settle(element)`, which drops the element's `pending` state.
pub fn set_loader(settle: JsValue) {
    SETTLE.with(|slot| slot.set(settle.dyn_into().ok()));
}

/// Tells the loader that the widget on `host` has first rendered (its loading state counts:
/// it has the reserve's height), so the element leaves its `pending` state.
pub fn first_rendered(host: &Element) {
    SETTLE.with(|slot| {
        let settle = slot.take();
        if let Some(settle) = &settle {
            let _ = settle.call1(&JsValue::NULL, host);
        }
        slot.set(settle);
    });
}

/// A widget element entered the document: mounts it, unless it is a widget moved within the
/// page (it keeps its state).
pub fn connected(element: &Element) {
    let Some(kind) = WidgetKind::from_element_name(&element.tag_name()) else {
        return;
    };
    if registry::is_mounted(element) {
        return;
    }
    let options = attributes::from_element_attributes(element);
    let read: registry::Reader = attributes::from_element_attributes;
    if let Err(reason) = mount_with(element, kind, options, Some(read)) {
        console::error(&reason);
    }
}

/// A widget element left the document: unmounted after this task unless it is back by then.
pub fn disconnected(element: &Element) {
    schedule_unmount_if_detached(element.clone());
}

/// One of the element's option attributes changed (or a container's `data-*`).
pub fn attribute_changed(element: &Element) {
    live::changed(element);
}

/// Calls method number `code` (see [`Command::from_code`]) of the widget on `element` with
/// `argument`: queued until the widget shows its content. Answers the carousel's position
/// (`currentIndex`), or `None` when the element has no widget.
pub fn call(element: &Element, code: u32, argument: Option<f64>) -> Option<u32> {
    let control = registry::control_of(element)?;
    if let Some(command) = Command::from_code(code, argument) {
        control.call(command);
    }
    Some(control.index.get() as u32)
}
