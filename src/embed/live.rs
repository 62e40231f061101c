//! Options after mount: a host's attribute changes are collected and applied once per task,
//! so a framework setting five attributes in a row costs one update, not five.

use std::cell::RefCell;

use web_sys::Element;

use super::registry;
use crate::platform::task;

thread_local! {
    /// Hosts whose attributes changed in this task; the flush is scheduled while non-empty.
    static CHANGED: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

/// Notes that `host`'s attributes changed; its widget reads them again after this task's
/// scripts, with every other change they make.
pub fn changed(host: &Element) {
    let first = CHANGED.with(|changed| {
        let mut changed = changed.borrow_mut();
        if changed.contains(host) {
            return false;
        }
        changed.push(host.clone());
        changed.len() == 1
    });
    if first {
        task::spawn(Box::pin(async {
            for host in CHANGED.with(|changed| changed.take()) {
                registry::reread(&host);
            }
        }));
    }
}
