//! Knowing when a machine translator is rewriting the page, and into which language.
//!
//! [`detect`] is a pure function over a [`Snapshot`] of what translators leave behind; the
//! browser part only collects snapshots: when `<html>`'s class or language, or a Microsoft
//! translator attribute anywhere, changes (a `MutationObserver`), and every
//! [`RECHECK_INTERVAL_MS`], because cookies (Google's `googtrans`) cannot be observed.

use web_sys::{MutationObserver, MutationObserverInit};

use super::page::{document, html_element, original_language};
use super::timer::Timer;
use crate::i18n::first_subtag;
use crate::strings::{concat, cut};

/// How often the signals that cannot be observed (the `googtrans` cookie, attributes on nodes
/// added later) are checked again while a watcher runs. Two seconds: a reader who picks a
/// language in a site's translation menu sees the banner about as soon as the text changes,
/// and reading `document.cookie` once every two seconds costs nothing measurable.
pub const RECHECK_INTERVAL_MS: u32 = 2_000;

/// How the hosts of Google's translation proxy end.
const PROXY_SUFFIX: &str = ".translate.goog";

/// Everything [`detect`] looks at, as read from the page at one moment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// `<html class>`.
    pub classes: String,
    /// `<html lang>` now.
    pub lang: Option<String>,
    /// `<html lang>` as loaded, before any translator could change it.
    pub original_lang: Option<String>,
    /// `document.cookie`.
    pub cookie: String,
    /// `location.hostname`.
    pub host: String,
    /// `location.search`, with or without its `?`.
    pub query: String,
    /// Some element carries Microsoft's translator attributes (`_msthash`, `_msttexthash`).
    pub ms_attributes: bool,
}

/// A machine translation in progress.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Translation {
    /// The language it translates into (a lowercase tag), when a signal tells.
    pub target: Option<String>,
}

/// The translation the snapshot shows, if any. The target comes from the most explicit signal:
/// the proxy's `_x_tr_tl`, then the `googtrans` cookie, then a changed `<html lang>`.
pub fn detect(page: &Snapshot) -> Option<Translation> {
    let host = page.host.as_bytes();
    let proxy = host
        .len()
        .checked_sub(PROXY_SUFFIX.len())
        .is_some_and(|start| {
            host.get(start..)
                .is_some_and(|end| end.eq_ignore_ascii_case(PROXY_SUFFIX.as_bytes()))
        });
    let proxy_target = query_param(&page.query, "_x_tr_tl");
    let cookie = googtrans_target(&page.cookie);
    let lang_changed = match (&page.lang, &page.original_lang) {
        (Some(now), Some(original)) => !now.trim().is_empty() && !same_language(now, original),
        _ => false,
    };
    let class = page
        .classes
        .split_ascii_whitespace()
        .any(|c| c == "translated-ltr" || c == "translated-rtl");
    let active = class
        || lang_changed
        || cookie.is_some()
        || proxy
        || proxy_target.is_some()
        || page.ms_attributes;
    active.then(|| Translation {
        target: proxy_target
            .or(cookie)
            .or(page.lang.as_deref().filter(|_| lang_changed))
            .map(|tag| tag.trim().to_ascii_lowercase()),
    })
}

/// The target of a `googtrans` cookie (`/en/ar` → `ar`); `None` when there is none, or when it
/// translates into its own source language (`/en/en` is how translation menus say "original").
pub fn googtrans_target(cookie: &str) -> Option<&str> {
    let (mut value, mut rest) = ("", Some(cookie));
    while let Some(text) = rest {
        let (pair, after) = cut(text, b";");
        rest = after;
        if let Some(found) = pair.trim().strip_prefix("googtrans=") {
            if !found.is_empty() {
                value = found;
                break;
            }
        }
    }
    // Its first two non-empty parts, the source and the target.
    let (mut source, mut rest) = ("", Some(value));
    while let Some(text) = rest {
        let (part, after) = cut(text, b"/");
        rest = after;
        if part.is_empty() {
            continue;
        }
        if source.is_empty() {
            source = part;
        } else {
            return (!same_language(source, part)).then_some(part);
        }
    }
    None
}

/// The `document.cookie` assignments that delete `googtrans` wherever Google's widget and the
/// menus built on it may have set it: path `/`, without a domain, and for the host and each
/// parent domain, with and without the leading dot.
pub fn googtrans_clearing(host: &str) -> Vec<String> {
    const GONE: &str = "googtrans=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/";
    let mut all = vec![GONE.to_string()];
    let mut domain = host;
    // Every suffix with at least two labels: www.example.org, example.org.
    while let (_, Some(rest)) = cut(domain, b".") {
        all.push(concat(&[GONE, "; domain=", domain]));
        all.push(concat(&[GONE, "; domain=.", domain]));
        domain = rest;
    }
    all
}

/// The value of `name` in a query string (no percent-decoding: the values we read are tags).
fn query_param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = Some(query.trim_start_matches('?'));
    while let Some(text) = rest {
        let (pair, after) = cut(text, b"&");
        rest = after;
        if let (key, Some(value)) = cut(pair, b"=") {
            if key == name && !value.is_empty() {
                return Some(value);
            }
        }
    }
    None
}

/// Whether two tags name the same language (same primary subtag, any case).
fn same_language(a: &str, b: &str) -> bool {
    first_subtag(a.trim())
        .0
        .eq_ignore_ascii_case(first_subtag(b.trim()).0)
}

/// The original page behind a Google translation proxy URL: `www-example-org.translate.goog`
/// is `www.example.org` (a `--` stands for a `-`), and the `_x_tr_*` parameters go. `None` when
/// `host` is not a proxy host. `query` and `hash` are `location.search` and `location.hash`.
pub fn original_url(host: &str, path: &str, query: &str, hash: &str) -> Option<String> {
    let encoded = host.to_ascii_lowercase();
    let encoded = encoded.strip_suffix(PROXY_SUFFIX)?;
    // `--` is a `-`, a single `-` a `.`, read left to right (by hand: `split("--")` and
    // `replace` would bring their searchers).
    let mut original = String::with_capacity(encoded.len());
    let mut chars = encoded.chars();
    while let Some(c) = chars.next() {
        original.push(match c {
            '-' if chars.as_str().starts_with('-') => {
                chars.next();
                '-'
            }
            '-' => '.',
            c => c,
        });
    }
    // The kept pairs, `?` before the first and `&` between (pushed one by one: rewriting a
    // joined string's first byte brings `String::replace_range` and its splice).
    let mut kept = String::new();
    let mut rest = Some(query.trim_start_matches('?'));
    while let Some(text) = rest {
        let (pair, after) = cut(text, b"&");
        rest = after;
        if !pair.is_empty() && !pair.starts_with("_x_tr_") {
            kept.push(if kept.is_empty() { '?' } else { '&' });
            kept.push_str(pair);
        }
    }
    Some(concat(&["https://", &original, path, &kept, hash]))
}

/// The page's signals now.
pub fn snapshot() -> Snapshot {
    let document = document();
    let html = html_element();
    let location = web_sys::window().map(|w| w.location());
    // `document.cookie` throws in sandboxed frames; Reflect hands that back as an Err.
    let cookie = document
        .as_ref()
        .and_then(|d| js_sys::Reflect::get(d, &"cookie".into()).ok())
        .and_then(|c| c.as_string());
    Snapshot {
        classes: html.as_ref().map(|h| h.class_name()).unwrap_or_default(),
        lang: html.as_ref().and_then(|h| h.get_attribute("lang")),
        original_lang: original_language(),
        cookie: cookie.unwrap_or_default(),
        host: location
            .as_ref()
            .and_then(|l| l.hostname().ok())
            .unwrap_or_default(),
        query: location
            .as_ref()
            .and_then(|l| l.search().ok())
            .unwrap_or_default(),
        ms_attributes: document
            .and_then(|d| d.query_selector("[_msthash],[_msttexthash]").ok().flatten())
            .is_some(),
    }
}

/// The translation in progress on the page now, if any.
pub fn current() -> Option<Translation> {
    detect(&snapshot())
}

/// Whether the page is machine-translated now.
pub fn is_translated() -> bool {
    current().is_some()
}

/// Calls back with [`current`] whenever it changes; stops watching when dropped.
pub struct TranslationWatcher {
    observer: MutationObserver,
    /// Calls the check again every [`RECHECK_INTERVAL_MS`]; its callback is the observer's
    /// too, and lives as long as the timer.
    _interval: Timer,
}

impl TranslationWatcher {
    /// Starts watching from `now` (what the caller last saw); `None` when the page has no
    /// `<html>` or no `MutationObserver`.
    pub fn start(
        now: Option<Translation>,
        on_change: impl FnMut(Option<Translation>) + 'static,
    ) -> Option<Self> {
        let html = html_element()?;
        let check = std::cell::RefCell::new((now, on_change));
        let recheck = move || {
            let seen = current();
            // A callback that runs while another holds the state (re-entrancy) skips.
            if let Ok(mut state) = check.try_borrow_mut() {
                if state.0 != seen {
                    state.0 = seen.clone();
                    (state.1)(seen);
                }
            }
        };
        // One JS function for the interval and the observer, not a callback of each (size).
        let interval = Timer::every(RECHECK_INTERVAL_MS, Box::new(recheck))?;
        let observer = MutationObserver::new(interval.function()).ok()?;
        // `<html>`'s class and lang; Microsoft's attributes anywhere in the body (watching
        // every class in the page would run the check on each of the page's own animations).
        observer
            .observe_with_options(&html, &attributes(["class", "lang"], false))
            .ok()?;
        if let Some(body) = document().and_then(|d| d.body()) {
            let options = attributes(["_msthash", "_msttexthash"], true);
            let _ = observer.observe_with_options(&body, &options);
        }
        Some(Self {
            observer,
            _interval: interval,
        })
    }
}

/// Options observing the attributes `names`, on the subtree too when `subtree`: one function
/// for the watcher's two (size).
fn attributes(names: [&str; 2], subtree: bool) -> MutationObserverInit {
    let options = MutationObserverInit::new();
    options.set_subtree(subtree);
    let [a, b] = names;
    options.set_attribute_filter(&js_sys::Array::of2(&a.into(), &b.into()));
    options
}

impl Drop for TranslationWatcher {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> Snapshot {
        Snapshot {
            lang: Some("en".into()),
            original_lang: Some("en".into()),
            host: "www.example.org".into(),
            ..Snapshot::default()
        }
    }

    fn target(page: &Snapshot) -> Option<Option<String>> {
        detect(page).map(|t| t.target)
    }

    #[test]
    fn an_untouched_page_is_not_translated() {
        assert_eq!(detect(&page()), None);
        let other = Snapshot {
            classes: "translated notranslate js".into(),
            cookie: "session=1; theme=dark".into(),
            query: "?q=1&tl=ar".into(),
            lang: Some("en-US".into()),
            ..page()
        };
        assert_eq!(
            detect(&other),
            None,
            "same primary language, unrelated marks"
        );
    }

    #[test]
    fn the_translator_classes_signal_without_a_target() {
        for class in ["translated-ltr", "js translated-rtl"] {
            let p = Snapshot {
                classes: class.into(),
                ..page()
            };
            assert_eq!(target(&p), Some(None), "{class}");
        }
    }

    #[test]
    fn a_changed_lang_signals_and_names_the_target() {
        let p = Snapshot {
            lang: Some("AR".into()),
            classes: "translated-rtl".into(),
            ..page()
        };
        assert_eq!(target(&p), Some(Some("ar".into())));
        let no_original = Snapshot {
            original_lang: None,
            lang: Some("ar".into()),
            ..page()
        };
        assert_eq!(detect(&no_original), None, "nothing to compare with");
        let blank = Snapshot {
            lang: Some(" ".into()),
            ..page()
        };
        assert_eq!(detect(&blank), None);
    }

    #[test]
    fn the_googtrans_cookie_signals_and_names_the_target() {
        let p = Snapshot {
            cookie: "a=1; googtrans=/en/ar; b=2".into(),
            ..page()
        };
        assert_eq!(target(&p), Some(Some("ar".into())));
        assert_eq!(googtrans_target("googtrans=/auto/fr"), Some("fr"));
        assert_eq!(googtrans_target("googtrans=/en/en"), None, "the original");
        assert_eq!(googtrans_target("googtrans="), None);
        assert_eq!(googtrans_target("xgoogtrans=/en/ar"), None);
        assert_eq!(googtrans_target("googtrans=/en"), None);
    }

    #[test]
    fn the_translation_proxy_signals_and_names_the_target() {
        let host = Snapshot {
            host: "www-example-org.translate.goog".into(),
            ..page()
        };
        assert_eq!(target(&host), Some(None));
        let query = Snapshot {
            query: "?id=3&_x_tr_sl=en&_x_tr_tl=fr&_x_tr_hl=fr".into(),
            cookie: "googtrans=/en/ar".into(),
            ..page()
        };
        assert_eq!(target(&query), Some(Some("fr".into())), "the proxy wins");
    }

    #[test]
    fn microsoft_attributes_signal_without_a_target() {
        let p = Snapshot {
            ms_attributes: true,
            ..page()
        };
        assert_eq!(target(&p), Some(None));
    }

    #[test]
    fn googtrans_is_cleared_for_the_path_and_every_domain_variant() {
        let all = googtrans_clearing("www.example.org");
        assert_eq!(all.len(), 5);
        assert!(all
            .iter()
            .all(|c| c.starts_with("googtrans=; expires=Thu, 01 Jan 1970")));
        assert!(all.iter().all(|c| c.contains("path=/")));
        for domain in [
            "www.example.org",
            ".www.example.org",
            "example.org",
            ".example.org",
        ] {
            assert!(
                all.iter()
                    .any(|c| c.ends_with(&format!("; domain={domain}"))),
                "{domain}"
            );
        }
        assert_eq!(googtrans_clearing("localhost").len(), 1);
    }

    #[test]
    fn the_original_url_behind_the_proxy() {
        assert_eq!(
            original_url(
                "www-my--site-org.translate.goog",
                "/news/1",
                "?id=3&_x_tr_sl=en&_x_tr_tl=ar&_x_tr_hl=ar&_x_tr_pto=wapp",
                "#top"
            )
            .as_deref(),
            Some("https://www.my-site.org/news/1?id=3#top")
        );
        assert_eq!(
            original_url("example-org.translate.goog", "/", "?_x_tr_tl=fr", "").as_deref(),
            Some("https://example.org/")
        );
        assert_eq!(
            original_url("a-test.translate.goog", "/", "_x_tr_sl=en&a=1&&b=2&", "").as_deref(),
            Some("https://a.test/?a=1&b=2"),
            "the pairs kept, in order, one `?` and `&` between"
        );
        assert_eq!(original_url("www.example.org", "/", "", ""), None);
    }
}
