//! URL resolution by the browser's own WHATWG URL parser.

use crate::feed::{web_url, ResolveUrl};

/// Resolves references against a fixed absolute base URL.
#[derive(Debug, Clone)]
pub struct BrowserUrl {
    base: String,
}

impl BrowserUrl {
    /// A resolver for references relative to `base`.
    pub fn new(base: impl Into<String>) -> Self {
        Self { base: base.into() }
    }

    /// A resolver for references relative to the page (its `<base href>` or its address).
    pub fn page() -> Self {
        let base = super::page::document()
            .and_then(|d| d.base_uri().ok().flatten())
            .unwrap_or_default();
        Self { base }
    }
}

impl ResolveUrl for BrowserUrl {
    fn resolve(&self, reference: &str) -> Option<String> {
        web_sys::Url::new_with_base(reference, &self.base)
            .ok()
            .map(|url| url.href())
    }
}

/// The absolute http(s) form of a URL written in the page (an attribute), else `None`.
pub fn page_web_url(reference: &str) -> Option<String> {
    web_url(reference, &BrowserUrl::page())
}
