//! Browser glue for the outbox: one POST per submission at a time, failures kept in storage,
//! automatic retries on a timer, on the `online` event and when a feedback widget mounts.
//!
//! The outbox belongs to the page, not to one widget: a rating queued by a widget that is gone
//! (or by the previous page) is still sent.

use std::cell::{Cell, RefCell};
use std::thread::LocalKey;

use wasm_bindgen::prelude::*;

use super::outbox::{outcome, Outbox, Outcome};
use super::payload::submission_key;
use crate::platform::{console, fetch::post_json, random, storage, task};

/// Time a submission may take to reach the collector, in milliseconds.
const SEND_TIMEOUT_MS: u32 = 15_000;
/// Where the outbox is stored (namespaced by `platform::storage`).
const KEY: &str = "feedback:outbox";
/// The event on `window` after a delivery from this page (not bubbling, not for hosts).
pub const DELIVERED: &str = "feedwidgets:delivered";

thread_local! {
    /// Submission ids on their way now: the same one is never sent twice at once.
    static IN_FLIGHT: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// Submission ids of the widgets on the page. Back online, each widget sends its own
    /// submission again and learns how it went, so the page's flush leaves those alone.
    static OWNED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// The pending retry timer's handle (0: none; clearing a timer that fired is harmless).
    static TIMER: Cell<i32> = const { Cell::new(0) };
}

/// Adds `id` to (`Some(true)`) or takes it out of (`Some(false)`) one of the lists above, or
/// only looks (`None`); whether it was in it before. One function, so the thread-local access
/// is compiled once.
fn mark(list: &'static LocalKey<RefCell<Vec<String>>>, id: &str, on: Option<bool>) -> bool {
    list.with(|ids| {
        let mut ids = ids.borrow_mut();
        let found = ids.iter().position(|known| known == id);
        match (found, on) {
            (None, Some(true)) => ids.push(id.into()),
            (Some(index), Some(false)) => {
                ids.swap_remove(index);
            }
            _ => {}
        }
        found.is_some()
    })
}

/// Marks `id` as on its way (`on`) or arrived; whether it was on its way before.
fn in_flight(id: &str, on: bool) -> bool {
    mark(&IN_FLIGHT, id, Some(on))
}

/// Marks `id` as the submission of a widget on the page (`on`), or of none any more.
pub fn own(id: &str, on: bool) {
    mark(&OWNED, id, Some(on));
}

/// Whether submission `id` (any, for `None`) waits in the stored outbox.
pub fn waiting(id: Option<&str>) -> bool {
    load()
        .0
        .iter()
        .any(|entry| id.is_none_or(|id| entry.id == id))
}

fn owned(id: &str) -> bool {
    mark(&OWNED, id, None)
}

fn now() -> u64 {
    js_sys::Date::now() as u64
}

/// The stored outbox; entries stored before submission keys get theirs now, stored at once so
/// that every later attempt (from this tab or another) carries the same key.
fn load() -> Outbox {
    let (outbox, keyed) =
        Outbox::parse(storage::get(KEY).as_deref(), || submission_key(random_16()));
    if keyed {
        save(&outbox);
    }
    outbox
}

/// 16 random bytes from Web Crypto. Every browser that runs Wasm has it; should it still be
/// missing, `Math.random` keeps the widget working (ids stay unique enough, and a key is
/// still unknown to anyone who did not send the rating) rather than losing the rating.
pub(super) fn random_16() -> [u8; 16] {
    random::random_bytes().unwrap_or_else(|| {
        let mut bytes = [0u8; 16];
        for (i, byte) in bytes.iter_mut().enumerate() {
            *byte = ((js_sys::Math::random() * 256.0) as u8) ^ (i as u8);
        }
        bytes
    })
}

fn save(outbox: &Outbox) {
    if outbox.0.is_empty() {
        storage::remove(KEY);
    } else {
        storage::set(KEY, &outbox.to_json());
    }
}

/// Takes the answer to the POST of `body` (submission `id`) to `endpoint`: a retryable
/// failure puts it in the outbox and schedules a retry; a success or a final refusal takes it
/// out. A plain function that [`spawn`]'s task calls after its one wait: an `async fn` of its
/// own would be one more state machine, with its own drop code (size).
fn settle(endpoint: &str, id: &str, body: &str, result: Result<u16, String>) -> Outcome {
    in_flight(id, false);
    let outcome = outcome(&result);
    if outcome != Outcome::Delivered {
        let reason = match result {
            Ok(status) => format!("the collector answered HTTP {status}"),
            Err(reason) => reason,
        };
        let what = if outcome == Outcome::Retry {
            "kept to send again"
        } else {
            "dropped"
        };
        console::error(&format!(
            "fw-feedback widget: {endpoint}: {reason}; submission {id} {what}"
        ));
    }
    // Read again: other widgets may have changed the outbox while this one waited.
    let mut outbox = load();
    if outcome == Outcome::Retry {
        if let Some(dropped) = outbox.failed(endpoint, id, body, now(), js_sys::Math::random()) {
            console::warn(&format!(
                "fw-feedback widget: outbox full, dropped the oldest submission {}",
                dropped.id
            ));
        }
    } else {
        outbox.remove(id);
    }
    save(&outbox);
    if outcome == Outcome::Retry {
        schedule(outbox.next_due());
    } else if outcome == Outcome::Delivered {
        // Tells the widgets of this page, as a `storage` event tells those of other tabs.
        if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(DELIVERED)) {
            let _ = window.dispatch_event(&event);
        }
    }
    outcome
}

/// Sends what waits in the outbox: everything when `all` (the page loaded or came back
/// online, so the backoff starts over), else only what is due.
pub fn flush(all: bool) {
    flush_some(all, false);
}

/// Sends everything that waits in the outbox now that the browser is back online, except the
/// submissions of widgets on the page: each of those sends its own again, after its next
/// render, and a send started here first would leave it without the answer.
pub fn flush_online() {
    flush_some(true, true);
}

fn flush_some(all: bool, skip_owned: bool) {
    let now = now();
    // One loop and no lists: what is due is sent (each send starts after this task), the
    // rest only sets the timer.
    let mut next = None;
    // By reference, what is sent copied: a consuming loop would bring the vector's by-value
    // iterator and its drop code for this one use.
    for entry in load().0.iter() {
        if skip_owned && owned(&entry.id) {
            continue;
        }
        if all || entry.due <= now {
            spawn(
                entry.endpoint.clone(),
                entry.id.clone(),
                entry.body.clone(),
                None,
            );
        } else {
            next = Some(next.map_or(entry.due, |next: u64| next.min(entry.due)));
        }
    }
    // What is sent now reschedules itself if it fails again; the rest keeps its time.
    schedule(next);
}

/// What a widget does with the outcome of its own delivery.
pub type Then = Box<dyn FnOnce(Option<Outcome>)>;

/// POSTs `body` (submission `id`) to `endpoint` once in a task of its own, takes the answer
/// (see [`settle`]), then hands the outcome to `then`: `None` when the same submission is
/// already on its way (it is then in good hands). One function for the widget's sends and
/// the outbox's, so the task's code is compiled once.
pub fn spawn(endpoint: String, id: String, body: String, then: Option<Then>) {
    task::spawn(Box::pin(async move {
        let outcome = if in_flight(&id, true) {
            None
        } else {
            let result = post_json(&endpoint, &body, SEND_TIMEOUT_MS).await;
            Some(settle(&endpoint, &id, &body, result))
        };
        if let Some(then) = then {
            then(outcome);
        }
    }));
}

/// Sets the retry timer to `due`, when the next entry falls due, if any waits.
fn schedule(due: Option<u64>) {
    let (Some(due), Some(window)) = (due, web_sys::window()) else {
        return;
    };
    // At least a second, so entries already in flight cannot make the timer spin.
    let delay = due.saturating_sub(now()).clamp(1_000, i32::MAX as u64) as i32;
    let callback = task::once_js(Box::new(|| flush(false)));
    let handle = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), delay)
        .unwrap_or(0);
    window.clear_timeout_with_handle(TIMER.replace(handle));
}
