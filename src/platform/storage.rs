//! Remembering small facts across visits, and surviving when the browser refuses storage.
//!
//! `localStorage` first; when it is blocked (privacy settings, sandboxed frames, a full quota)
//! `sessionStorage`, which keeps the fact for the tab; when that is blocked too, memory, which
//! keeps it for the page. Every access is caught: a refused storage is never an error.

use std::cell::Cell;

use web_sys::Storage;

/// All keys are namespaced so the host page's own storage is never touched.
const PREFIX: &str = "feedwidgets:";

thread_local! {
    /// In a `Cell`, taken and put back by the one `with`: no `RefCell` borrow checks (size).
    static MEMORY: Cell<Vec<(String, String)>> = const { Cell::new(Vec::new()) };
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
    reach(key, None).0
}

/// Stores `value` under `key` in the most durable storage that accepts it.
pub fn set(key: &str, value: &str) -> Durability {
    reach(key, Some(Some(value))).1
}

/// Forgets `key` everywhere.
pub fn remove(key: &str) {
    reach(key, Some(None));
}

/// Reads `key` (`change` is `None`), writes it (`Some(Some(value))`) or forgets it
/// (`Some(None)`): `localStorage`, then `sessionStorage`, then the page's memory, until one
/// has it or takes it (every one, to forget). What was read, and where it was read or written.
/// One function for the three, so the key is made and the storages reached by one piece of
/// code.
fn reach(key: &str, change: Option<Option<&str>>) -> (Option<String>, Durability) {
    let key = crate::strings::concat(&[PREFIX, key]);
    for (session, durability) in [(false, Durability::Persistent), (true, Durability::Tab)] {
        let Some(storage) = storage(session) else {
            continue;
        };
        match change {
            None => {
                if let Ok(Some(value)) = storage.get_item(&key) {
                    return (Some(value), durability);
                }
            }
            Some(Some(value)) => {
                if storage.set_item(&key, value).is_ok() {
                    return (None, durability);
                }
            }
            Some(None) => {
                let _ = storage.remove_item(&key);
            }
        }
    }
    (memory(&key, change), Durability::Page)
}

/// The page's memory: what it holds under `key` (the full key), then puts `change` there
/// (`Some(None)` forgets the key, `None` changes nothing). One function, so the thread-local
/// access is compiled once.
fn memory(key: &str, change: Option<Option<&str>>) -> Option<String> {
    MEMORY.with(|cell| {
        let mut memory = cell.take();
        let found = memory.iter().position(|(k, _)| k == key);
        let held = found
            .and_then(|index| memory.get(index))
            .map(|(_, v)| v.clone());
        match (found, change) {
            (Some(index), Some(None)) => {
                memory.swap_remove(index);
            }
            (Some(index), Some(Some(value))) => {
                if let Some((_, v)) = memory.get_mut(index) {
                    *v = value.to_string();
                }
            }
            (None, Some(Some(value))) => memory.push((key.to_string(), value.to_string())),
            _ => {}
        }
        cell.set(memory);
        held
    })
}

/// `localStorage`, or `sessionStorage` when `session`; `None` when the browser refuses it.
fn storage(session: bool) -> Option<Storage> {
    let window = web_sys::window()?;
    let storage = if session {
        window.session_storage()
    } else {
        window.local_storage()
    };
    storage.ok().flatten()
}
