//! One fetch per feed URL per page, shared by every widget that reads it.

use std::cell::RefCell;
use std::rc::Rc;

use super::{console, fetch, url::BrowserUrl};
use crate::feed::{self, Feed, FeedError};

/// A feed, or why it could not be had.
pub type FeedResult = Result<Rc<Feed>, FeedError>;

type Waiter = Box<dyn FnOnce(FeedResult)>;

enum Entry {
    /// Being fetched; these widgets wait for it.
    Loading(Vec<Waiter>),
    /// Fetched and parsed.
    Ready(Rc<Feed>),
}

thread_local! {
    static ENTRIES: RefCell<Vec<(String, Entry)>> = const { RefCell::new(Vec::new()) };
}

/// Calls `done` with the feed at the absolute `url`: fetched on the first request, shared by
/// later ones (at once when it is already there). A failed load is forgotten once every waiting
/// widget has heard of it, so a widget mounted later tries again.
pub fn load(url: &str, timeout_ms: u32, done: impl FnOnce(FeedResult) + 'static) {
    let mut done: Option<Waiter> = Some(Box::new(done));
    let mut must_start = false;
    let ready = ENTRIES.with(|entries| {
        let mut entries = entries.borrow_mut();
        match entries.iter_mut().find(|(key, _)| key == url) {
            Some((_, Entry::Ready(feed))) => Some(feed.clone()),
            Some((_, Entry::Loading(waiters))) => {
                waiters.extend(done.take());
                None
            }
            None => {
                entries.push((
                    url.to_string(),
                    Entry::Loading(done.take().into_iter().collect()),
                ));
                must_start = true;
                None
            }
        }
    });
    // Called outside the borrow: a callback may well ask for another feed.
    if let (Some(feed), Some(done)) = (ready, done) {
        done(Ok(feed));
    }
    if must_start {
        start(url.to_string(), timeout_ms);
    }
}

fn start(url: String, timeout_ms: u32) {
    wasm_bindgen_futures::spawn_local(async move {
        let result = fetch_and_parse(&url, timeout_ms).await;
        let waiters = ENTRIES.with(|entries| {
            let mut entries = entries.borrow_mut();
            let index = entries.iter().position(|(key, _)| *key == url)?;
            let waiters = match &result {
                Ok(feed) => std::mem::replace(&mut entries[index].1, Entry::Ready(feed.clone())),
                Err(_) => entries.swap_remove(index).1,
            };
            match waiters {
                Entry::Loading(waiters) => Some(waiters),
                Entry::Ready(_) => None,
            }
        });
        for waiter in waiters.unwrap_or_default() {
            waiter(result.clone());
        }
    });
}

/// Fetches the feed at `url` again, whatever the cache holds (a widget's `refresh`), and calls
/// `done` with it. A fresh feed replaces the cached one; a failure leaves the cache as it was.
pub fn reload(url: &str, timeout_ms: u32, done: impl FnOnce(FeedResult) + 'static) {
    let url = url.to_string();
    wasm_bindgen_futures::spawn_local(async move {
        let result = fetch_and_parse(&url, timeout_ms).await;
        if let Ok(feed) = &result {
            ENTRIES.with(|entries| {
                let mut entries = entries.borrow_mut();
                match entries.iter_mut().find(|(key, _)| *key == url) {
                    // Widgets still waiting on a first load keep waiting on it.
                    Some((_, entry @ Entry::Ready(_))) => *entry = Entry::Ready(feed.clone()),
                    Some(_) => {}
                    None => entries.push((url.clone(), Entry::Ready(feed.clone()))),
                }
            });
        }
        done(result);
    });
}

async fn fetch_and_parse(url: &str, timeout_ms: u32) -> FeedResult {
    let text = fetch::get_text(url, timeout_ms).await?;
    let parsed = feed::parse(&text, &BrowserUrl::new(url))?;
    for warning in &parsed.warnings {
        console::warn(&format!("{url}: {warning}"));
    }
    Ok(Rc::new(parsed.feed))
}
