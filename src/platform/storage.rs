//! Remembering small facts across visits, and surviving when the browser refuses storage.
//!
//! `localStorage` first; when it is blocked (privacy settings, sandboxed frames, a full quota)
//! `sessionStorage`, which keeps the fact for the tab; when that is blocked too, memory, which
//! keeps it for the page. Every access is caught: a refused storage is never an error.

use std::cell::RefCell;

use web_sys::Storage;

/// All keys are namespaced so the host page's own storage is never touched.
const PREFIX: &str = "feedwidgets:";

thread_local! {
    static MEMORY: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

/// How long what is written will last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// `localStorage`: across visits.
    Persistent,
    /// `sessionStorage`: for this tab.
    Tab,
    /// Memory: for this page.
    Page,
}

/// The value stored under `key`, from whichever storage holds it.
pub fn get(key: &str) -> Option<String> {
    let key = crate::strings::concat(&[PREFIX, key]);
    for storage in [local(), session()].into_iter().flatten() {
        if let Ok(Some(value)) = storage.get_item(&key) {
            return Some(value);
        }
    }
    MEMORY.with(|memory| {
        memory
            .borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
    })
}

/// Stores `value` under `key` in the most durable storage that accepts it.
pub fn set(key: &str, value: &str) -> Durability {
    let key = crate::strings::concat(&[PREFIX, key]);
    if local().is_some_and(|s| s.set_item(&key, value).is_ok()) {
        return Durability::Persistent;
    }
    if session().is_some_and(|s| s.set_item(&key, value).is_ok()) {
        return Durability::Tab;
    }
    MEMORY.with(|memory| {
        let mut memory = memory.borrow_mut();
        match memory.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = value.to_string(),
            None => memory.push((key, value.to_string())),
        }
    });
    Durability::Page
}

/// Forgets `key` everywhere.
pub fn remove(key: &str) {
    let key = crate::strings::concat(&[PREFIX, key]);
    for storage in [local(), session()].into_iter().flatten() {
        let _ = storage.remove_item(&key);
    }
    MEMORY.with(|memory| memory.borrow_mut().retain(|(k, _)| *k != key));
}

fn local() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn session() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}
