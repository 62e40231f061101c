//! The feed as a widget sees it: not asked for, loading, there, or failed.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::embed::WidgetKind;
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
    Failed(FeedError),
}

/// Feeds compare by identity: the shared cache hands every widget the same `Rc`, and a deep
/// comparison of thousands of items on every render would cost time and code.
impl PartialEq for FeedState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Absent, Self::Absent) | (Self::Loading, Self::Loading) => true,
            (Self::Ready(a), Self::Ready(b)) => Rc::ptr_eq(a, b),
            (Self::Failed(a), Self::Failed(b)) => a == b,
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

/// Loads the feed at `source` (shared with every widget of the page that reads it) and logs a
/// failure with `console.error`, naming the widget and the URL.
#[hook]
pub fn use_feed(source: FeedSource, timeout_ms: u32, kind: WidgetKind) -> FeedState {
    let state = use_state(|| initial_state(&source));
    {
        let state = state.clone();
        use_effect_with(source, move |source| {
            let cancelled = Rc::new(Cell::new(false));
            // Only a new source resets the state: setting it anyway costs a second render.
            let initial = initial_state(source);
            if *state != initial {
                state.set(initial);
            }
            match source {
                FeedSource::Url(url) => {
                    let (shown_url, cancelled) = (url.clone(), cancelled.clone());
                    feed_cache::load(url, timeout_ms, move |result| {
                        if cancelled.get() {
                            return;
                        }
                        match result {
                            Ok(feed) => state.set(FeedState::Ready(feed)),
                            Err(error) => {
                                console::error(&format!(
                                    "{} widget: {shown_url}: {error}",
                                    kind.element_name()
                                ));
                                state.set(FeedState::Failed(error));
                            }
                        }
                    });
                }
                FeedSource::Invalid(src) => {
                    let error = FeedError::BadSource(src.clone());
                    console::error(&format!("{} widget: {error}", kind.element_name()));
                }
                // Only the carousel cannot work without a feed; the others fall back to their
                // attributes and built-in texts.
                FeedSource::None if kind == WidgetKind::Carousel => {
                    console::error(&format!(
                        "{} widget: {}",
                        kind.element_name(),
                        FeedError::NoSource
                    ));
                }
                FeedSource::None => {}
            }
            move || cancelled.set(true)
        });
    }
    (*state).clone()
}

fn initial_state(source: &FeedSource) -> FeedState {
    match source {
        FeedSource::None => FeedState::Absent,
        FeedSource::Url(_) => FeedState::Loading,
        FeedSource::Invalid(src) => FeedState::Failed(FeedError::BadSource(src.clone())),
    }
}
