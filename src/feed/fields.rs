//! Reading typed, bounded values out of untrusted JSON, shared by both feed formats.

use super::Json;

use super::limits::{MAX_ITEMS, MAX_LANGUAGE_TAG, MAX_SETTING_CHARS, MAX_TITLE_CHARS};
use super::{bounded, plain_text, web_url, LocalizedText, NewsItem, ResolveUrl};

/// Adds a warning. One function for all of them: `format!` and `Vec::push` at each would be
/// code of their own.
#[inline(never)]
pub(super) fn warn(warnings: &mut Vec<String>, message: std::fmt::Arguments) {
    warnings.push(std::fmt::format(message));
}

/// The http(s) URL `raw` refers to, resolved; `None` with the warning `unusable` when it is
/// no such URL. One function for every link of both formats.
pub(super) fn web_link(
    raw: &Json,
    base: &dyn ResolveUrl,
    warnings: &mut Vec<String>,
    unusable: std::fmt::Arguments,
) -> Option<String> {
    let url = raw.as_str().and_then(|reference| web_url(reference, base));
    if url.is_none() {
        warn(warnings, unusable);
    }
    url
}

/// Plain text of a string field, cut to `max_chars`; `None` when absent, not a string or empty.
pub(super) fn text(object: &Json, key: &str, max_chars: usize) -> Option<String> {
    object
        .get(key)
        .and_then(Json::as_str)
        .and_then(|raw| text_of(raw, max_chars))
}

/// Plain text of `raw` cut to `max_chars`; `None` when nothing readable is left.
pub(super) fn text_of(raw: &str, max_chars: usize) -> Option<String> {
    let text = plain_text(raw);
    (!text.is_empty()).then(|| bounded(text, max_chars))
}

/// A title made from an item's text when it has none. The text is plain already, so it is only
/// cut: reading it as HTML again would turn an escaped `&lt;b&gt;` into `<b>`.
pub(super) fn title_from_text(text: &str) -> String {
    bounded(text.to_string(), MAX_TITLE_CHARS.min(140))
}

/// A BCP 47-looking language tag (`ar`, `fr-CA`, `zh-Hant-TW`), else `None`.
pub(super) fn language_tag(value: Option<&Json>) -> Option<String> {
    language_tag_of(value?.as_str()?)
}

/// [`language_tag`] of a text (an object member's name, which is no `Json` value).
pub(super) fn language_tag_of(tag: &str) -> Option<String> {
    let tag = tag.trim();
    // Subtags of 1 to 8 ASCII letters or digits between hyphens, the first of letters only;
    // one pass over the bytes, as `split` would bring its searcher.
    let mut length = 0;
    let mut first = true;
    for &byte in tag.as_bytes() {
        if byte == b'-' && length > 0 {
            (length, first) = (0, false);
        } else if byte.is_ascii_alphabetic() || (!first && byte.is_ascii_digit()) {
            length += 1;
        } else {
            return None;
        }
        if length > 8 {
            return None;
        }
    }
    let valid = length > 0 && tag.len() <= MAX_LANGUAGE_TAG;
    valid.then(|| tag.to_string())
}

/// A text given either as a string (in `default_language`, or any language when unknown) or as
/// an object of language tag to string. Wrong entries are dropped with a warning.
pub(super) fn localized_text(
    value: Option<&Json>,
    default_language: Option<&str>,
    path: &str,
    warnings: &mut Vec<String>,
) -> LocalizedText {
    let mut localized = LocalizedText::default();
    match value {
        None | Some(Json::Null) => {}
        Some(Json::String(raw)) => {
            if let Some(text) = text_of(raw, MAX_SETTING_CHARS) {
                localized.insert(default_language.unwrap_or(""), text);
            }
        }
        Some(Json::Object(per_language)) => {
            for (tag, raw) in per_language {
                match (language_tag_of(tag), raw.as_str()) {
                    (Some(tag), Some(raw)) => {
                        if let Some(text) = text_of(raw, MAX_SETTING_CHARS) {
                            localized.insert(&tag, text);
                        }
                    }
                    _ => warn(
                        warnings,
                        format_args!("{path}.{tag}: not a language tag with a string"),
                    ),
                }
            }
        }
        Some(_) => warn(
            warnings,
            format_args!("{path}: expected a string or an object of strings"),
        ),
    }
    localized
}

/// A positive whole number that fits `u32`.
pub(super) fn positive_u32(value: Option<&Json>) -> Option<u32> {
    value?
        .as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .filter(|&n| n > 0)
}

/// Keeps at most [`MAX_ITEMS`] items: the newest by publication time (undated ones count as
/// oldest), in their feed order.
pub(super) fn keep_newest(items: &mut Vec<NewsItem>, warnings: &mut Vec<String>) {
    if items.len() <= MAX_ITEMS {
        return;
    }
    // The publication time as a key ordered as unsigned, undated the least (RFC 3339's years
    // keep every date far above 0), so that the cut-off is found by bisection: a sort of
    // (time, position) pairs would cost about 3 KB of Wasm.
    let key = |item: &NewsItem| item.published.map_or(0, |t| t.epoch_ms as u64 ^ (1 << 63));
    // The greatest key that at least MAX_ITEMS items reach.
    let (mut low, mut high) = (0u64, u64::MAX);
    while low < high {
        let mid = low + (high - low) / 2 + 1;
        if items.iter().filter(|item| key(item) >= mid).count() >= MAX_ITEMS {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    // Every item above the cut-off stays, and of those at it the earliest in the feed.
    let above = items.iter().filter(|item| key(item) > low).count();
    let mut at_cutoff = MAX_ITEMS - above;
    warn(
        warnings,
        format_args!("{} items, kept the newest {MAX_ITEMS}", items.len()),
    );
    items.retain(|item| {
        let key = key(item);
        let keep = key > low || (key == low && at_cutoff > 0);
        if key == low && keep {
            at_cutoff -= 1;
        }
        keep
    });
}
