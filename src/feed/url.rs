//! Links and images from a feed: absolute, and only ever `http:` or `https:`.

use super::limits::MAX_URL_BYTES;

/// Resolves a URL reference from a feed against the address the feed was fetched from.
///
/// In the browser this is the WHATWG URL parser (`new URL(reference, base)`); native tests use
/// the `url` crate, which implements the same standard.
pub trait ResolveUrl {
    /// The absolute, serialised URL, or `None` when `reference` cannot be parsed.
    fn resolve(&self, reference: &str) -> Option<String>;
}

/// The absolute form of `reference` when it is an `http(s)` URL of sane length; `None` for
/// `javascript:`, `data:`, unparsable or oversized references.
pub fn web_url(reference: &str, base: &dyn ResolveUrl) -> Option<String> {
    let reference = reference.trim();
    if reference.is_empty() || reference.len() > MAX_URL_BYTES {
        return None;
    }
    let absolute = base.resolve(reference)?;
    let scheme = absolute
        .split(':')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    (scheme == "http" || scheme == "https").then_some(absolute)
}
