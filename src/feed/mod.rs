//! The feed: one JSON document that drives every widget.
//!
//! A JSON Feed 1.0/1.1 document (its `items` are the news, its `_widgets` extension carries the
//! disclaimer, feedback and carousel settings) or a WordPress REST `wp/v2/posts` array. Everything
//! here is pure Rust so it is tested natively; the browser only supplies the URL resolver.
//!
//! Feed data is untrusted: every text field comes out as plain text, every link and image as an
//! absolute `http(s)` URL or not at all, and sizes and counts are bounded.

mod date;
mod error;
mod fields;
mod first_reading;
mod json;
mod json_feed;
mod limits;
mod localized;
mod model;
mod text;
mod url;
mod wordpress;

pub use date::{parse_rfc3339, Timestamp};
pub use error::FeedError;
pub use first_reading::{parse_first, FirstReading, RestOfItems};
pub use json::{parse_text, quoted, Json, JsonError, JsonErrorKind, MAX_DEPTH};
pub use limits::{MAX_FEED_BYTES, MAX_ITEMS, MAX_SUMMARY_CHARS, MAX_TITLE_CHARS};
pub use localized::{Localized, LocalizedText};
pub use model::{
    CarouselSettings, DisclaimerSettings, Feed, FeedbackSettings, Image, NewsItem, WidgetSettings,
};
pub use text::{bounded, plain_text};
pub use url::{web_url, ResolveUrl};

/// A parsed feed and what was dropped or repaired on the way, for the console.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The feed, cleaned.
    pub feed: Feed,
    /// One line per dropped item or field, saying what was wrong.
    pub warnings: Vec<String>,
}

/// Parses a feed document fetched from the URL `base` resolves against.
///
/// Detects the format: a JSON object with `items` is a JSON Feed, a JSON array is a WordPress posts
/// list. Anything else is [`FeedError::WrongShape`].
pub fn parse(text: &str, base: &dyn ResolveUrl) -> Result<Parsed, FeedError> {
    if text.len() > MAX_FEED_BYTES {
        return Err(FeedError::TooLarge { bytes: text.len() });
    }
    let value = parse_text(text).map_err(FeedError::InvalidJson)?;
    read_document(&value, base)
}

/// A parsed JSON document as a feed.
fn read_document(value: &Json, base: &dyn ResolveUrl) -> Result<Parsed, FeedError> {
    let mut warnings = Vec::new();
    let feed = match value {
        Json::Object(_) => json_feed::read(value, base, &mut warnings)?,
        Json::Array(posts) => wordpress::read(posts, base, &mut warnings),
        _ => {
            return Err(FeedError::WrongShape(
                "expected a JSON Feed object or a WordPress posts array",
            ))
        }
    };
    Ok(Parsed { feed, warnings })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
