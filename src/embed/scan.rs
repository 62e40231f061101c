//! `data-fw-widget` containers, for CMS editors that strip unknown tags: found at start, and
//! picked up or let go as the page adds and removes them.

use wasm_bindgen::prelude::*;
use web_sys::{Element, MutationObserver, MutationObserverInit, MutationRecord};

use std::cell::OnceCell;

use super::{attributes, live, mount_with, registry, unmount_disconnected, WidgetKind};
use crate::platform::console;

const SELECTOR: &str = "[data-fw-widget]";

thread_local! {
    /// One observer of the mounted containers' attributes, for the page's life.
    static ATTRIBUTES: OnceCell<Option<MutationObserver>> = const { OnceCell::new() };
}

/// Mounts every container in `root` (and `root` itself) that is not mounted yet.
pub fn mount_containers_in(root: &Element) {
    if root.matches(SELECTOR).unwrap_or(false) {
        mount_container(root);
    }
    let Ok(found) = root.query_selector_all(SELECTOR) else {
        return;
    };
    for index in 0..found.length() {
        // A selector matches elements only: no type check needed.
        if let Some(node) = found.item(index) {
            mount_container(node.unchecked_ref());
        }
    }
}

fn mount_container(element: &Element) {
    if registry::is_mounted(element) {
        return;
    }
    let name = element.get_attribute("data-fw-widget").unwrap_or_default();
    let Some(kind) = WidgetKind::from_name(&name) else {
        console::error(&crate::strings::concat(&[
            "data-fw-widget=\"",
            &name,
            "\" is not a widget (news-carousel, feedback or disclaimer)",
        ]));
        return;
    };
    let read: registry::Reader = attributes::from_data_attributes;
    match mount_with(element, kind, read(element), Some(read)) {
        Ok(()) => watch_attributes(element),
        Err(reason) => console::error(&reason),
    }
}

/// Hands `container`'s attribute changes to its widget. Observing the element itself, not the
/// document, keeps the page's own attribute churn (classes, styles) out of the bundle.
fn watch_attributes(container: &Element) {
    ATTRIBUTES.with(|observer| {
        if let Some(observer) = observer.get_or_init(|| observer_of(true)) {
            let options = MutationObserverInit::new();
            options.set_attributes(true);
            let _ = observer.observe_with_options(container, &options);
        }
    });
}

/// Watches the whole document for added and removed widget containers, for the page's life.
pub fn watch_document() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.document_element() else {
        return;
    };
    let Some(observer) = observer_of(false) else {
        return;
    };
    let options = MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    let _ = observer.observe_with_options(&root, &options);
}

/// An observer for the page's life, of the containers' attributes (`attributes`) or of the
/// document's nodes: one callback type for both, not a copy of its glue each (size).
fn observer_of(attributes: bool) -> Option<MutationObserver> {
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |records: js_sys::Array| {
        if attributes {
            attributes_changed(&records);
        } else {
            nodes_changed(&records);
        }
    });
    let observer = MutationObserver::new(callback.as_ref().unchecked_ref()).ok();
    // The observer lives as long as the page.
    callback.forget();
    observer
}

/// The containers' attribute records: each container's widget reads its options again.
fn attributes_changed(records: &js_sys::Array) {
    // The browser calls an observer with its own records only (no type check, which would be
    // one more import and its glue). An attribute changes on an element only: its target
    // needs no type check either.
    for record in records.iter() {
        if let Some(target) = record.unchecked_into::<MutationRecord>().target() {
            live::changed(target.unchecked_ref());
        }
    }
}

/// The document's node records: containers added are mounted, those removed unmounted.
fn nodes_changed(records: &js_sys::Array) {
    let mut removed_any = false;
    for record in records.iter() {
        let record = record.unchecked_into::<MutationRecord>();
        removed_any |= record.removed_nodes().length() > 0;
        let added = record.added_nodes();
        for index in 0..added.length() {
            if let Some(element) = added.item(index).and_then(|n| n.dyn_into::<Element>().ok()) {
                if element.is_connected() {
                    mount_containers_in(&element);
                }
            }
        }
    }
    if removed_any {
        unmount_disconnected();
    }
}
