//! The feed reader on arbitrary bytes: it must never panic, its JSON parser must read JSON as
//! serde_json does (where `JSON.parse`, which it stands in for, agrees with serde_json), and what
//! it returns must keep the promises of `feedwidgets::feed`: plain one-line texts within their
//! bounds, http(s) links as the WHATWG parser writes them, at most `MAX_ITEMS` items.
//!
//! Shared by `fuzz/fuzz_targets/feed_parse.rs` and `tests/fuzz_regressions.rs`.

use std::sync::LazyLock;

use feedwidgets::feed::{
    self, Json, Parsed, ResolveUrl, MAX_DEPTH, MAX_ITEMS, MAX_SUMMARY_CHARS, MAX_TITLE_CHARS,
};

/// The WHATWG URL parser of the `url` crate, standing in for the browser's `URL`, with a base
/// that has a path so relative references of every kind resolve.
pub struct Base(url::Url);

impl ResolveUrl for Base {
    fn resolve(&self, reference: &str) -> Option<String> {
        self.0.join(reference).ok().map(String::from)
    }
}

static BASE: LazyLock<Base> = LazyLock::new(|| {
    Base(url::Url::parse("https://news.example.org/feeds/feed.json").expect("fuzz base URL"))
});

/// Parses `data` as a feed and asserts the reader's invariants; panics on a violation.
pub fn check(data: &[u8]) {
    // The widgets decode a fetched body as UTF-8 with replacement characters
    // (`src/platform/fetch.rs`) before the reader sees it: that is what production does with
    // any bytes.
    let text = String::from_utf8_lossy(data);
    check_json(&text);
    let whole = feed::parse(&text, &*BASE);
    if let Ok(parsed) = &whole {
        check_parsed(parsed);
    }
    check_first_reading(&text, &whole);
}

/// A reading in steps (`feed::parse_first`, then the rest a few items at a time, from the whole
/// text or, as the browser reads, from a copy of only the piece that holds them) fails where
/// the whole reading does, starts with the whole feed's first items and settings, and ends
/// with the whole feed.
fn check_first_reading(text: &str, whole: &Result<Parsed, feed::FeedError>) {
    for first in [0, 1, 3] {
        match (feed::parse_first(text, &*BASE, first), whole) {
            (Ok(feed::FirstReading { mut parsed, rest }), Ok(whole)) => {
                let (start, whole) = (&mut parsed.feed, &whole.feed);
                assert!(start.items.len() <= first.max(whole.items.len()));
                assert!(start.expected_items() >= whole.items.len());
                assert_eq!(start.items[..], whole.items[..start.items.len()]);
                assert_eq!(
                    (&start.title, &start.language, &start.widgets),
                    (&whole.title, &whole.language, &whole.widgets)
                );
                if let Some(mut rest) = rest {
                    let mut warnings = Vec::new();
                    if first == 1 {
                        while let Some(range) = rest.next_range(2) {
                            let piece = text[range.clone()].to_string();
                            rest.read_some_in(&piece, range.start, &*BASE, start, &mut warnings, 2);
                        }
                    } else {
                        while !rest.read_some(text, &*BASE, start, &mut warnings, 2) {}
                    }
                }
                assert_eq!(start, whole, "read in steps from {first}");
            }
            // The same kind of error; the JSON syntax messages of the checked-only part word
            // some errors differently.
            (Err(start), Err(whole)) => assert_eq!(
                std::mem::discriminant(&start),
                std::mem::discriminant(whole),
                "parse_first: {start}, parse: {whole}"
            ),
            (start, whole) => panic!("parse_first gave {start:?} where parse gave {whole:?}"),
        }
    }
}

/// The feed's JSON parser against serde_json. Whatever serde_json reads must come out as the
/// same tree (repeated names: the last wins; values deeper than [`MAX_DEPTH`]: null); what only
/// ours reads must be where `JSON.parse` is more lenient than serde_json: unpaired surrogate
/// escapes, numbers beyond `f64`, nesting deeper than serde_json's recursion limit.
pub fn check_json(text: &str) {
    let ours = feed::parse_text(text);
    // Ours skips a byte-order mark, as `Response.text()` does; serde_json does not.
    let reference =
        serde_json::from_str::<serde_json::Value>(text.strip_prefix('\u{feff}').unwrap_or(text));
    match (ours, reference) {
        (Ok(ours), Ok(reference)) => {
            let (ours, reference) = (normalised(ours), from_serde(&reference, 0));
            assert!(
                same(&ours, &reference),
                "parse_text read {ours:?}, serde_json {reference:?}"
            );
        }
        (Err(error), Ok(_)) => panic!("parse_text refused JSON that serde_json reads: {error}"),
        (Ok(ours), Err(error)) => {
            let error = error.to_string();
            assert!(
                [
                    "surrogate",
                    "hex escape",
                    "number out of range",
                    "recursion limit"
                ]
                .iter()
                .any(|lenient| error.contains(lenient)),
                "parse_text read {ours:?} where serde_json says {error}"
            );
        }
        (Err(_), Err(_)) => {}
    }
}

/// Our tree as serde_json's map holds it: one member per name (the last), sorted by name.
fn normalised(json: Json) -> Json {
    match json {
        Json::Array(items) => Json::Array(items.into_iter().map(normalised).collect()),
        Json::Object(members) => {
            let mut last: Vec<(String, Json)> = Vec::new();
            for (name, value) in members.into_iter().rev() {
                if !last.iter().any(|(seen, _)| *seen == name) {
                    last.push((name, normalised(value)));
                }
            }
            last.sort_by(|a, b| a.0.cmp(&b.0));
            Json::Object(last)
        }
        other => other,
    }
}

/// serde_json's tree in our shape, members sorted by name, cut at [`MAX_DEPTH`] as ours is.
fn from_serde(value: &serde_json::Value, depth: u32) -> Json {
    use serde_json::Value;
    match value {
        Value::Null => Json::Null,
        Value::Bool(flag) => Json::Bool(*flag),
        Value::Number(n) => Json::Number(n.as_f64().unwrap_or(f64::NAN)),
        Value::String(s) => Json::String(s.clone()),
        Value::Array(_) | Value::Object(_) if depth >= MAX_DEPTH => Json::Null,
        Value::Array(items) => {
            Json::Array(items.iter().map(|v| from_serde(v, depth + 1)).collect())
        }
        Value::Object(members) => {
            let mut members: Vec<(String, Json)> = members
                .iter()
                .map(|(k, v)| (k.clone(), from_serde(v, depth + 1)))
                .collect();
            members.sort_by(|a, b| a.0.cmp(&b.0));
            Json::Object(members)
        }
    }
}

/// Equal trees, numbers within one unit in the last place: serde_json's default float parsing
/// is not always correctly rounded, Rust's (which ours uses) is.
fn same(a: &Json, b: &Json) -> bool {
    match (a, b) {
        (Json::Number(x), Json::Number(y)) => {
            x == y || (x.signum() == y.signum() && x.to_bits().abs_diff(y.to_bits()) <= 1)
        }
        (Json::Array(xs), Json::Array(ys)) => {
            xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| same(x, y))
        }
        (Json::Object(xs), Json::Object(ys)) => {
            xs.len() == ys.len()
                && xs
                    .iter()
                    .zip(ys)
                    .all(|((kx, x), (ky, y))| kx == ky && same(x, y))
        }
        _ => a == b,
    }
}

/// Every invariant of a successfully parsed feed that is cheap to check.
pub fn check_parsed(parsed: &Parsed) {
    let feed = &parsed.feed;
    assert!(feed.items.len() <= MAX_ITEMS, "{} items", feed.items.len());
    if let Some(title) = &feed.title {
        assert_text(title, MAX_TITLE_CHARS, "feed title");
    }
    if let Some(language) = &feed.language {
        assert_language(language);
    }
    for item in &feed.items {
        assert!(
            !item.id.is_empty() && item.id.trim() == item.id,
            "item id {:?}",
            item.id
        );
        assert_text(&item.title, MAX_TITLE_CHARS, "item title");
        if let Some(summary) = &item.summary {
            assert_text(summary, MAX_SUMMARY_CHARS, "item summary");
        }
        if let Some(url) = &item.url {
            assert_web_url(url);
        }
        if let Some(image) = &item.image {
            assert_web_url(&image.url);
            assert!(one_line(&image.alt), "image alt {:?}", image.alt);
            assert!(image.width != Some(0) && image.height != Some(0));
        }
        if let Some(language) = &item.language {
            assert_language(language);
        }
    }
    if let Some(feedback) = &parsed.feed.widgets.feedback {
        if let Some(endpoint) = &feedback.endpoint {
            assert_web_url(endpoint);
        }
    }
    if let Some(carousel) = &parsed.feed.widgets.carousel {
        assert!(carousel.interval_ms != Some(0) && carousel.max_items != Some(0));
    }
}

/// A plain text: not empty, at most `max_chars` characters, on one line with single spaces.
fn assert_text(text: &str, max_chars: usize, what: &str) {
    let chars = text.chars().count();
    assert!(
        chars > 0 && chars <= max_chars,
        "{what}: {chars} characters"
    );
    assert!(one_line(text), "{what} is not one line: {text:?}");
}

/// What `plain_text` promises: ASCII white space folded to single spaces, none at either end.
fn one_line(text: &str) -> bool {
    !text.contains(['\t', '\n', '\x0C', '\r'])
        && !text.contains("  ")
        && !text.starts_with(' ')
        && !text.ends_with(' ')
}

/// An absolute http(s) URL, written as the WHATWG parser writes it: links the reader passes
/// through without the parser (its shortcut for canonical links) must be ones it would keep.
fn assert_web_url(url: &str) {
    assert!(
        url.starts_with("http://") || url.starts_with("https://"),
        "not an http(s) URL: {url:?}"
    );
    let reparsed = url::Url::parse(url).map(String::from);
    assert_eq!(reparsed.as_deref(), Ok(url), "not in canonical form");
}

fn assert_language(tag: &str) {
    assert!(
        !tag.is_empty()
            && tag.len() <= 35
            && tag.split('-').all(|part| {
                (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric())
            }),
        "language tag {tag:?}"
    );
}
