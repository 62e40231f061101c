//! Why a feed could not be used.

use std::fmt;

use super::JsonError;

/// Every way loading a feed can fail; each maps to one localised message in the widget and a
/// precise `console.error` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedError {
    /// The widget has no feed URL and needs one.
    NoSource,
    /// The feed URL is not an `http(s)` URL.
    BadSource(String),
    /// The server answered with a non-2xx status.
    Http(u16),
    /// The request failed before any answer (offline, DNS, CORS).
    Network(String),
    /// No answer within the widget's time limit.
    Timeout {
        /// The time limit, in milliseconds.
        ms: u32,
    },
    /// The document is bigger than [`crate::feed::MAX_FEED_BYTES`].
    TooLarge {
        /// The document's size, in bytes.
        bytes: usize,
    },
    /// The body is not JSON.
    InvalidJson(JsonError),
    /// The body is JSON but neither a JSON Feed nor a WordPress posts array.
    WrongShape(&'static str),
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoSource => write!(f, "no feed URL given (set the src attribute)"),
            Self::BadSource(url) => write!(f, "feed URL \"{url}\" is not an http(s) URL"),
            Self::Http(status) => write!(f, "the feed server answered HTTP {status}"),
            Self::Network(reason) => write!(f, "the feed could not be fetched: {reason}"),
            Self::Timeout { ms } => write!(f, "the feed did not arrive within {ms} ms"),
            Self::TooLarge { bytes } => write!(
                f,
                "the feed is {bytes} bytes, over the {} byte limit",
                super::MAX_FEED_BYTES
            ),
            Self::InvalidJson(reason) => write!(f, "the feed is not valid JSON: {reason}"),
            Self::WrongShape(reason) => write!(f, "the feed has the wrong shape: {reason}"),
        }
    }
}

impl std::error::Error for FeedError {}
