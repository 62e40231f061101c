//! The feed as a widget sees it: not asked for, loading, there, or failed.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use super::effect::use_effect_on;
use super::kept::{use_kept, Kept};

use crate::feed::{Feed, FeedError};
use crate::platform::{console, feed_cache, url::page_web_url};

/// Where the feed comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedSource {
    /// No `src`: the widget works from its attributes alone, if it can.
    None,
    /// An absolute http(s) URL.
    Url(String),
    /// A `src` that is not an http(s) URL.
    Invalid(String),
}

impl FeedSource {
    /// The source named by a `src` option, resolved against the page.
    pub fn from_option(src: Option<&str>) -> Self {
        match src {
            None => Self::None,
            Some(src) => page_web_url(src).map_or_else(|| Self::Invalid(src.into()), Self::Url),
        }
    }
}

/// The feed as far as it has come.
#[derive(Debug, Clone)]
pub enum FeedState {
    /// The widget has no feed.
    Absent,
    /// Being fetched.
    Loading,
    /// Ready.
    Ready(Rc<Feed>),
    /// Could not be had; the reason is logged once.
    Failed(Rc<FeedError>),
}

/// Feeds and failures compare by identity: the shared cache hands every widget the same
/// `Rc`, a deep comparison of thousands of items on every render would cost time and code,
/// and one of failures would bring every error's comparison into the bundle (size).
impl PartialEq for FeedState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Absent, Self::Absent) | (Self::Loading, Self::Loading) => true,
            (Self::Ready(a), Self::Ready(b)) => Rc::ptr_eq(a, b),
            (Self::Failed(a), Self::Failed(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl FeedState {
    /// The feed when it is ready.
    pub fn feed(&self) -> Option<&Feed> {
        match self {
            Self::Ready(feed) => Some(feed),
            _ => None,
        }
    }
}

/// Who reads a feed: the name its console messages start with, and whether it cannot work
/// without one (then a missing `src` is an error worth a message).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeedUse {
    /// The widget's element name, e.g. `fw-news-carousel`.
    pub widget: &'static str,
    /// Whether the widget needs a feed to show anything.
    pub required: bool,
}

/// What [`use_feed`] keeps across renders: the feed as far as it has come, and the source it
/// is for with a count of the sources it has had. The effect depends on that count, not on the
/// source: a `u32` dependency shares the other effects' comparison code, where a `FeedSource`
/// would be one more copy of it (size).
struct Fed {
    state: FeedState,
    source: FeedSource,
    sources: u32,
}

/// Loads the feed at `source` (shared with every widget of the page that reads it) and logs a
/// failure with `console.error`, naming the widget and the URL.
#[hook]
pub fn use_feed(source: FeedSource, timeout_ms: u32, reader: FeedUse) -> FeedState {
    let kept = use_kept(|| Fed {
        state: initial_state(&source),
        source: source.clone(),
        sources: 0,
    });
    let sources = {
        let mut fed = kept.now_mut();
        if fed.source != source {
            fed.source = source.clone();
            fed.sources = fed.sources.wrapping_add(1);
        }
        fed.sources
    };
    {
        let kept = kept.clone();
        use_effect_on(sources, move |&sources| {
            let cancelled = Rc::new(Cell::new(false));
            // Only a new source resets the state (the first run's is the one the first
            // render made): setting it anyway costs a second render.
            if sources != 0 {
                show(&kept, initial_state(&source));
            }
            // One message for both sources that cannot be fetched: a `format!` each would be
            // code of its own (size).
            let unusable = match &source {
                FeedSource::Url(url) => {
                    let (shown_url, cancelled) = (url.clone(), cancelled.clone());
                    feed_cache::load(url, timeout_ms, move |result| {
                        if cancelled.get() {
                            return;
                        }
                        match result {
                            // The feed the first render already had (`feed_cache::at_once`)
                            // costs no second render.
                            Ok(feed) => show(&kept, FeedState::Ready(feed)),
                            Err(error) => {
                                console::error(&format!(
                                    "{} widget: {shown_url}: {error}",
                                    reader.widget
                                ));
                                show(&kept, FeedState::Failed(error));
                            }
                        }
                    });
                    None
                }
                FeedSource::Invalid(src) => Some(FeedError::BadSource(src.clone())),
                // A widget that can fall back to its attributes and built-in texts says nothing.
                FeedSource::None if reader.required => Some(FeedError::NoSource),
                FeedSource::None => None,
            };
            if let Some(error) = unusable {
                console::error(&format!("{} widget: {error}", reader.widget));
            }
            move || cancelled.set(true)
        });
    }
    let state = kept.now().state.clone();
    state
}

/// Shows `state`, rendering again only when it is not the state shown already.
fn show(kept: &Kept<Fed>, state: FeedState) {
    kept.update(|fed| {
        let changed = fed.state != state;
        fed.state = state;
        changed
    });
}

fn initial_state(source: &FeedSource) -> FeedState {
    match source {
        FeedSource::None => FeedState::Absent,
        FeedSource::Url(url) => {
            feed_cache::at_once(url).map_or(FeedState::Loading, FeedState::Ready)
        }
        FeedSource::Invalid(src) => FeedState::Failed(Rc::new(FeedError::BadSource(src.clone()))),
    }
}
