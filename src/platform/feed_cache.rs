//! One fetch per feed URL per page, shared by every widget that reads it.
//!
//! A long JSON Feed is read in steps ([`feed::parse_first`]): the widgets get its first items at
//! once, the browser paints them, the rest is read in slices of a few milliseconds, and the
//! widgets get the whole feed then. The first slide of a 10,000-item feed does not wait for
//! 10,000 items to be built, and the page answers input while they are.

use std::cell::Cell;
use std::rc::Rc;

use super::{console, fetch, frame, page, task, url::BrowserUrl};
use crate::feed::{self, Feed, FeedError, FirstReading, RestOfItems};

/// A feed, or why it could not be had. The reason is shared, as the feed is, by every widget
/// that hears of it: a copy of it for each would be its own clone code.
pub type FeedResult = Result<Rc<Feed>, Rc<FeedError>>;

/// Items built before the widgets first hear of a feed: more than a carousel shows by default
/// (20), so that most carousels show all their slides from the first step.
const FIRST_ITEMS: usize = 24;

/// Time spent reading the rest of a long feed before the browser gets a turn, in milliseconds.
const SLICE_MS: f64 = 8.0;
/// Items read between two looks at the clock.
const SLICE_ITEMS: usize = 50;

type Listener = Rc<dyn Fn(FeedResult)>;

enum Entry {
    /// Being fetched; these widgets wait for it.
    Loading(Vec<Listener>),
    /// Its first items are read and with these widgets, which hear again once it is whole.
    Reading(Rc<Feed>, Vec<Listener>),
    /// Fetched and read whole.
    Ready(Rc<Feed>),
}

thread_local! {
    /// Taken out while one function looks at it and put back before it calls a listener: a
    /// `Cell` costs no borrow flag and no panic path, as a `RefCell`'s `with` at each use would.
    static ENTRIES: Cell<Vec<(String, Entry)>> = const { Cell::new(Vec::new()) };
}

/// The entry of `url` among `entries`.
fn entry<'a>(entries: &'a mut [(String, Entry)], url: &str) -> Option<&'a mut Entry> {
    entries
        .iter_mut()
        .find(|(key, _)| key == url)
        .map(|(_, entry)| entry)
}

/// Calls `on_feed` with the feed at the absolute `url`: fetched on the first request, shared by
/// later ones (at once when it is already there). A long feed comes twice: first with its first
/// items ([`Feed::unread_items`] counts the others), then whole. A failed load is forgotten
/// once every waiting widget has heard of it, so a widget mounted later tries again.
pub fn load(url: &str, timeout_ms: u32, on_feed: impl Fn(FeedResult) + 'static) {
    let listener: Listener = Rc::new(on_feed);
    let mut must_start = false;
    let mut entries = ENTRIES.take();
    let known = match entry(&mut entries, url) {
        Some(Entry::Ready(feed)) => Some(feed.clone()),
        Some(Entry::Reading(feed, listeners)) => {
            listeners.push(listener.clone());
            Some(feed.clone())
        }
        Some(Entry::Loading(listeners)) => {
            listeners.push(listener.clone());
            None
        }
        None => {
            entries.push((url.to_string(), Entry::Loading(vec![listener.clone()])));
            must_start = true;
            None
        }
    };
    ENTRIES.set(entries);
    // Called with the entries put back: a listener may well ask for another feed.
    if let Some(feed) = known {
        listener(Ok(feed));
    }
    if must_start {
        start(url.to_string(), Job::Fetch { timeout_ms }, None);
    }
}

/// What is left to do for a feed's first load.
enum Job {
    /// Fetch it and read it.
    Fetch { timeout_ms: u32 },
    /// Read the rest of a long feed whose first items were read at once ([`at_once`]).
    /// Boxed, since it carries a copy of those items' feed.
    ReadRest {
        body: fetch::Body,
        rest: Box<RestOfItems>,
    },
}

/// What a refresh is told of its feed; a first load has none and settles its entry instead.
type Done = Option<Box<dyn FnOnce(FeedResult)>>;

/// Does `job` for the feed at `url`, then settles its entry (a first load) or hands `done`
/// the feed (a refresh); the rest of a first load's feed is read after the first paint. One
/// task for all of them: each more costs its own state machine.
fn start(url: String, job: Job, done: Done) {
    task::spawn(Box::pin(read_whole(url, job, done)));
}

/// The feed at `url` read whole, fetched first if `job` says so, a long one in slices of a
/// few milliseconds, each its own task, so that the reader's keys, clicks and swipes are
/// answered meanwhile; the warnings logged; then the load or refresh ended ([`finish`]). On a
/// first load, the widgets waiting hear of its first items at once, and the browser paints
/// them before the rest is read. The task's future itself, for a first load, the rest of a
/// feed read at once, and a refresh: an async function awaited inside the task would be a
/// state machine inside its state machine (size).
async fn read_whole(url: String, job: Job, done: Done) {
    let share_first = done.is_none();
    let (body, mut rest) = match job {
        Job::Fetch { timeout_ms } => {
            // The request's two waits here, in the task's one state machine.
            let fetched = match fetch::get(&url, timeout_ms) {
                Ok((get, answer)) => match get.answered(answer.await) {
                    Ok(body) => get.body(body.await),
                    Err(error) => Err(error),
                },
                Err(error) => Err(error),
            };
            match first_step(&url, fetched, share_first) {
                Ok(step) => step,
                Err(result) => return finish(&url, result, done),
            }
        }
        Job::ReadRest { body, rest } => (body, *rest),
    };
    let source = Source::of(body);
    let base = &BrowserUrl::new(&url);
    // The rest's own copy of the first items: the widgets keep theirs meanwhile.
    let mut feed = std::mem::take(&mut rest.start);
    let mut warnings = Vec::new();
    // The first paint's wait and the turns between slices awaited at one place: each await
    // point is more of the state machine (size).
    let mut pause = if share_first {
        frame::after_paint()
    } else {
        None
    };
    loop {
        if let Some(pause) = pause {
            let _ = pause.await;
        }
        let started = js_sys::Date::now();
        let mut all_read = false;
        while !all_read && js_sys::Date::now() - started < SLICE_MS {
            all_read = source.read_some(&mut rest, base, &mut feed, &mut warnings);
        }
        if all_read {
            break;
        }
        // A hidden page gets timers once a second at best, and nobody to answer: no turns.
        pause = if page::is_hidden() {
            None
        } else {
            frame::next_task()
        };
    }
    log_warnings(&url, &warnings);
    finish(&url, Ok(Rc::new(feed)), done);
}

/// A fetched body's first reading: the body and the rest to read, or the load's result when
/// that is all (the whole feed, or why there is none). With `share_first`, the widgets waiting
/// on a first load hear of its first items.
fn first_step(
    url: &str,
    fetched: Result<fetch::Body, FeedError>,
    share_first: bool,
) -> Result<(fetch::Body, RestOfItems), FeedResult> {
    let read = fetched.and_then(|body| read_first(url, &body).map(|reading| (body, reading)));
    match read {
        Ok((body, (first, Some(rest)))) => {
            if share_first {
                share(url, &first);
            }
            Ok((body, rest))
        }
        Ok((_, (first, None))) => Err(Ok(first)),
        Err(error) => Err(Err(Rc::new(error))),
    }
}

/// Ends a first load ([`settle`]) or, given `done`, a refresh ([`refreshed`]).
fn finish(url: &str, result: FeedResult, done: Done) {
    match done {
        None => settle(url, result),
        Some(done) => refreshed(url, result, done),
    }
}

/// The first reading of `body`, the feed at `url`, its warnings logged: the feed whole, or its
/// first items and the rest to read.
fn read_first(url: &str, body: &fetch::Body) -> Result<(Rc<Feed>, Option<RestOfItems>), FeedError> {
    let FirstReading { parsed, rest } =
        feed::parse_first(&body.text, &BrowserUrl::new(url), FIRST_ITEMS)?;
    log_warnings(url, &parsed.warnings);
    Ok((Rc::new(parsed.feed), rest))
}

/// The feed at `url` if it can be had without waiting: in the cache already, or its body in
/// before the bundle started (the loader waits a little for it), read here. A widget's first
/// render then shows the feed rather than a loading state. A long feed's rest is read after
/// the first paint, as [`load`] reads it.
pub fn at_once(url: &str) -> Option<Rc<Feed>> {
    let mut entries = ENTRIES.take();
    let cached = entry(&mut entries, url).map(|entry| match entry {
        Entry::Ready(feed) | Entry::Reading(feed, _) => Some(feed.clone()),
        Entry::Loading(_) => None,
    });
    ENTRIES.set(entries);
    if let Some(cached) = cached {
        return cached;
    }
    // A body that fails a check is left to `load`, which finds the same failure and reports it.
    let body = fetch::arrived_text(url)?;
    let (first, rest) = read_first(url, &body).ok()?;
    fetch::forget_prefetched(url);
    let entry = match rest {
        None => Entry::Ready(first.clone()),
        Some(rest) => {
            let job = Job::ReadRest {
                body,
                rest: Box::new(rest),
            };
            start(url.to_string(), job, None);
            Entry::Reading(first.clone(), Vec::new())
        }
    };
    let mut entries = ENTRIES.take();
    entries.push((url.to_string(), entry));
    ENTRIES.set(entries);
    Some(first)
}

/// Gives the widgets waiting on the first load of `url` its first items, and keeps them as
/// the entry's until the feed is whole.
fn share(url: &str, first: &Rc<Feed>) {
    let mut entries = ENTRIES.take();
    let mut listeners = Vec::new();
    if let Some(entry) = entry(&mut entries, url) {
        if let Entry::Loading(waiting) = entry {
            listeners = std::mem::take(waiting);
            *entry = Entry::Reading(first.clone(), listeners.clone());
        }
    }
    ENTRIES.set(entries);
    for listener in listeners {
        listener(Ok(first.clone()));
    }
}

/// Where the rest of a long feed is read from.
enum Source {
    /// The text, in Wasm memory.
    Text(String),
    /// The body's bytes, in JavaScript's memory: each slice copies in only the piece it reads.
    /// A 6.8 MB feed's text is then gone from Wasm memory before its 10,000 items are built
    /// there, which lowers the peak (a Wasm memory never shrinks) by about that much.
    Bytes(js_sys::Uint8Array),
}

impl Source {
    /// The bytes when they are the text, else the text; the other is dropped.
    fn of(body: fetch::Body) -> Self {
        match body.bytes {
            Some(bytes) => Self::Bytes(bytes),
            None => Self::Text(body.text),
        }
    }

    /// Reads up to [`SLICE_ITEMS`] more items of `rest` into `feed`; says whether all are.
    fn read_some(
        &self,
        rest: &mut RestOfItems,
        base: &BrowserUrl,
        feed: &mut Feed,
        warnings: &mut Vec<String>,
    ) -> bool {
        match (self, rest.next_range(SLICE_ITEMS)) {
            (_, None) => true,
            (Self::Text(text), Some(_)) => rest.read_some(text, base, feed, warnings, SLICE_ITEMS),
            (Self::Bytes(bytes), Some(range)) => {
                let piece = fetch::text_of(bytes, range.clone());
                rest.read_some_in(&piece, range.start, base, feed, warnings, SLICE_ITEMS)
            }
        }
    }
}

/// Ends a load: the entry keeps the feed (or goes, on failure), and its listeners hear of it.
fn settle(url: &str, result: FeedResult) {
    let mut entries = ENTRIES.take();
    let previous = match (entries.iter().position(|(key, _)| key == url), &result) {
        (Some(index), Ok(feed)) => Some(std::mem::replace(
            &mut entries[index].1,
            Entry::Ready(feed.clone()),
        )),
        (Some(index), Err(_)) => Some(entries.swap_remove(index).1),
        (None, _) => None,
    };
    ENTRIES.set(entries);
    let listeners = match previous {
        Some(Entry::Loading(listeners) | Entry::Reading(_, listeners)) => listeners,
        _ => Vec::new(),
    };
    for listener in listeners {
        listener(result.clone());
    }
}

/// Fetches the feed at `url` again, whatever the cache holds (a widget's `refresh`), and calls
/// `done` with it. A fresh feed replaces the cached one; a failure leaves the cache as it was.
pub fn reload(url: &str, timeout_ms: u32, done: impl FnOnce(FeedResult) + 'static) {
    start(
        url.to_string(),
        Job::Fetch { timeout_ms },
        Some(Box::new(done)),
    );
}

/// Ends a refresh: a fresh feed replaces the cached one, and `done` hears of the result.
fn refreshed(url: &str, result: FeedResult, done: Box<dyn FnOnce(FeedResult)>) {
    if let Ok(feed) = &result {
        let mut entries = ENTRIES.take();
        match entry(&mut entries, url) {
            // Widgets still waiting on a first load keep waiting on it.
            Some(entry @ Entry::Ready(_)) => *entry = Entry::Ready(feed.clone()),
            Some(_) => {}
            None => entries.push((url.to_string(), Entry::Ready(feed.clone()))),
        }
        ENTRIES.set(entries);
    }
    done(result);
}

fn log_warnings(url: &str, warnings: &[String]) {
    for warning in warnings {
        console::warn(&crate::strings::concat(&[url, ": ", warning]));
    }
}
