//! The three widgets and what they share: loading the feed, choosing the language, the root
//! component a mount renders.

pub mod carousel;
mod control;
pub mod disclaimer;
mod effect;
pub mod feedback;
mod icons;
mod kept;
mod options;
mod status;
mod theme;
mod use_feed;
mod vdom;
mod widget;

use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

pub use control::{use_control, Command, Control, Settled};
pub use effect::use_effect_on;
pub use kept::{use_element_ref, use_kept, Kept};
pub use options::WidgetOptions;
pub use theme::Theme;
pub use use_feed::{use_feed, FeedSource, FeedState, FeedUse};
pub use widget::Widget;

use crate::feed::Feed;
use crate::i18n::{LanguageSources, Locale};
use crate::platform::page;

/// Default time a feed may take, in milliseconds.
pub const DEFAULT_FEED_TIMEOUT_MS: u32 = 10_000;

/// The three widgets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WidgetKind {
    /// `<fw-news-carousel>` / `data-fw-widget="news-carousel"`.
    Carousel,
    /// `<fw-feedback>` / `data-fw-widget="feedback"`.
    Feedback,
    /// `<fw-disclaimer>` / `data-fw-widget="disclaimer"`.
    Disclaimer,
}

/// What a mount gives its widget.
#[derive(Properties, PartialEq, Clone)]
pub struct WidgetProps {
    /// Which widget runs on the mount; it never changes for a mount.
    pub kind: WidgetKind,
    /// Options from the page (attributes or the JS API).
    pub options: Rc<WidgetOptions>,
    /// The element the page gave us; events are dispatched on it.
    pub host: Element,
    /// The page's method calls, and the signal of the first render.
    pub control: Rc<Control>,
}

/// Where the widget's feed comes from: its `src` option, resolved against the page.
pub fn feed_source(options: &WidgetOptions) -> FeedSource {
    FeedSource::from_option(options.text("src"))
}

/// How long the widget's feed may take: its `timeout` option, else the default.
pub fn feed_timeout(options: &WidgetOptions) -> u32 {
    options
        .number("timeout", 100..=120_000)
        .unwrap_or(DEFAULT_FEED_TIMEOUT_MS)
}

/// The widget's feed, from its `src` and `timeout` options.
///
/// A plain function that returns `use_feed`'s hook, which the caller runs as it runs any hook:
/// a `#[hook]` would wrap it in one more hook.
pub fn use_widget_feed(options: &WidgetOptions, reader: FeedUse) -> impl Hook<Output = FeedState> {
    use_feed(feed_source(options), feed_timeout(options), reader)
}

/// The language of the widget's own texts: its `lang` option, the page's before translation,
/// the feed's, the reader's.
pub fn widget_language(options: &WidgetOptions, feed: Option<&Feed>) -> Locale {
    LanguageSources {
        widget: options.text("lang").map(String::from),
        page: page::original_language(),
        feed: feed.and_then(|feed| feed.language.clone()),
        browser: page::browser_languages(),
    }
    .resolve()
}
