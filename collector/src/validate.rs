//! Strict parsing of the feedback widget's JSON payload into a [`Submission`].
//!
//! Everything here is pure so each rule can be unit tested without a server.

use axum::http::StatusCode;
use serde::Deserialize;
use serde_json::Value;
use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

use crate::error::ApiError;

/// Longest accepted `page` path, in characters.
pub const MAX_PAGE_CHARS: usize = 512;
/// Longest accepted language tag (the longest registered BCP 47 tags fit).
pub const MAX_LANGUAGE_CHARS: usize = 35;
/// Shortest accepted `submission_key` (32 characters of `[A-Za-z0-9_-]` carry at least 128
/// bits when random, as the widget's 32 hex digits do).
pub const MIN_KEY_CHARS: usize = 32;
/// Longest accepted `submission_key`.
pub const MAX_KEY_CHARS: usize = 128;

/// Every key the payload may carry; anything else is refused.
const KNOWN_FIELDS: [&str; 10] = [
    "submission_id",
    "submission_key",
    "rating",
    "comment",
    "page",
    "page_language",
    "widget_language",
    "translated",
    "elapsed_ms",
    "honeypot",
];

/// Keys that must be present (the others may be absent or `null`).
const REQUIRED_FIELDS: [&str; 7] = [
    "submission_id",
    "submission_key",
    "rating",
    "page",
    "page_language",
    "widget_language",
    "translated",
];

/// Limits that come from configuration.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Longest comment, in chars after NFC normalisation and trimming.
    pub max_comment_chars: usize,
}

/// A validated, normalised submission ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    /// Lower-case UUID v4 chosen by the widget; the idempotency key.
    pub submission_id: String,
    /// SHA-256 of the sender's `submission_key`: proves a later request for the same id
    /// comes from the same sender. The key itself is dropped once hashed.
    pub key_hash: [u8; 32],
    /// 1..=5.
    pub rating: u8,
    /// NFC, trimmed, never empty (an empty comment becomes `None`).
    pub comment: Option<String>,
    /// Path only: query and fragment stripped.
    pub page: String,
    /// Canonically cased language tag of the page.
    pub page_language: String,
    /// Canonically cased language tag the widget was shown in.
    pub widget_language: String,
    /// Whether the page was machine-translated.
    pub translated: bool,
    /// Milliseconds from widget display to rating, when sent.
    pub elapsed_ms: Option<i64>,
    /// The honeypot was filled in: store but never count.
    pub spam: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPayload {
    submission_id: String,
    submission_key: String,
    rating: i64,
    comment: Option<String>,
    page: String,
    page_language: String,
    widget_language: String,
    translated: bool,
    elapsed_ms: Option<u64>,
    honeypot: Option<String>,
}

/// Parses and validates a request body. Malformed JSON is a 400; well-formed JSON that breaks
/// the schema is a 422 naming the field.
pub fn parse_submission(body: &[u8], limits: &Limits) -> Result<Submission, ApiError> {
    let value: Value = serde_json::from_slice(body).map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_json",
            format!("the body is not valid JSON: {e}"),
        )
    })?;
    let Some(object) = value.as_object() else {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_body",
            "the body must be a JSON object",
        ));
    };
    // Checked by hand before serde so the error names the key instead of quoting serde's text.
    if let Some(unknown) = object.keys().find(|k| !KNOWN_FIELDS.contains(&k.as_str())) {
        return Err(ApiError::field(
            "unknown_field",
            unknown.as_str(),
            format!("unknown field {unknown:?}"),
        ));
    }
    if let Some(missing) = REQUIRED_FIELDS.iter().find(|k| !object.contains_key(**k)) {
        return Err(ApiError::field(
            "missing_field",
            *missing,
            format!("field {missing:?} is required"),
        ));
    }
    let raw: RawPayload = serde_path_to_error::deserialize(value).map_err(|e| {
        let field = e.path().to_string();
        ApiError::field(
            "invalid_field",
            field.clone(),
            format!("{field}: {}", e.inner()),
        )
    })?;
    validate(raw, limits)
}

fn validate(raw: RawPayload, limits: &Limits) -> Result<Submission, ApiError> {
    let submission_id = uuid_v4(&raw.submission_id).ok_or_else(|| {
        ApiError::field(
            "invalid_field",
            "submission_id",
            "submission_id must be a UUID v4 like 9b2c1f0e-3a4d-4c5e-8f6a-0b1c2d3e4f5a",
        )
    })?;
    let key_hash = key_hash(&raw.submission_key).ok_or_else(|| {
        ApiError::field(
            "invalid_field",
            "submission_key",
            format!(
                "submission_key must be {MIN_KEY_CHARS} to {MAX_KEY_CHARS} characters of A-Z, a-z, 0-9, _ and -"
            ),
        )
    })?;
    let rating = u8::try_from(raw.rating)
        .ok()
        .filter(|r| (1..=5).contains(r))
        .ok_or_else(|| {
            ApiError::field(
                "invalid_field",
                "rating",
                "rating must be an integer from 1 to 5",
            )
        })?;
    let comment = match raw.comment {
        Some(c) => comment(&c, limits.max_comment_chars)?,
        None => None,
    };
    let page = page(&raw.page)?;
    let page_language =
        language_tag(&raw.page_language).ok_or_else(|| bad_language("page_language"))?;
    let widget_language =
        language_tag(&raw.widget_language).ok_or_else(|| bad_language("widget_language"))?;
    let elapsed_ms = match raw.elapsed_ms {
        Some(ms) => Some(i64::try_from(ms).map_err(|_| {
            ApiError::field("invalid_field", "elapsed_ms", "elapsed_ms is too large")
        })?),
        None => None,
    };
    Ok(Submission {
        submission_id,
        key_hash,
        rating,
        comment,
        page,
        page_language,
        widget_language,
        translated: raw.translated,
        elapsed_ms,
        spam: raw.honeypot.is_some_and(|h| !h.is_empty()),
    })
}

/// Lower-cased UUID if `s` is a hyphenated RFC 4122 version-4 UUID.
pub fn uuid_v4(s: &str) -> Option<String> {
    let lower = s.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    if bytes.len() != 36 {
        return None;
    }
    for (i, b) in bytes.iter().enumerate() {
        let ok = match i {
            8 | 13 | 18 | 23 => *b == b'-',
            14 => *b == b'4',
            19 => matches!(b, b'8' | b'9' | b'a' | b'b'),
            _ => b.is_ascii_hexdigit(),
        };
        if !ok {
            return None;
        }
    }
    Some(lower)
}

/// SHA-256 of a well-formed `submission_key`; `None` when it is not 32 to 128 characters
/// of `[A-Za-z0-9_-]`.
pub fn key_hash(key: &str) -> Option<[u8; 32]> {
    let well_formed = (MIN_KEY_CHARS..=MAX_KEY_CHARS).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    well_formed.then(|| Sha256::digest(key.as_bytes()).into())
}

/// NFC-normalised, trimmed comment; `None` when nothing is left.
///
/// CRLF is folded to LF first because form controls submit line breaks as CRLF. Every other
/// control character except newline and tab (a lone CR, BEL, vertical tab, NUL...) is
/// dropped rather than refused: it has no place in free text and could corrupt logs and
/// exports, but refusing the rating for it would lose the rating for good, since the sender
/// cannot see or remove it. Then NFC (after the drop, so the marks around a dropped
/// character compose as they would have without it), then white space at both ends trimmed.
pub fn comment(raw: &str, max_chars: usize) -> Result<Option<String>, ApiError> {
    let kept: String = raw
        .replace("\r\n", "\n")
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect();
    let normalised: String = kept.nfc().collect();
    let trimmed = normalised.trim();
    let len = trimmed.chars().count();
    if len > max_chars {
        return Err(ApiError::field(
            "invalid_field",
            "comment",
            format!("comment is {len} characters; at most {max_chars} are allowed"),
        ));
    }
    Ok((!trimmed.is_empty()).then(|| trimmed.to_owned()))
}

/// The path part of `raw`: must start with `/`; query and fragment are dropped because they
/// can carry personal data and would split the per-page figures.
pub fn page(raw: &str) -> Result<String, ApiError> {
    let path = raw.split(['?', '#']).next().unwrap_or_default();
    if !path.starts_with('/') {
        return Err(ApiError::field(
            "invalid_field",
            "page",
            "page must be a path starting with /",
        ));
    }
    if path.chars().count() > MAX_PAGE_CHARS {
        return Err(ApiError::field(
            "invalid_field",
            "page",
            format!("page is longer than {MAX_PAGE_CHARS} characters"),
        ));
    }
    if path.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(ApiError::field(
            "invalid_field",
            "page",
            "page contains whitespace or control characters",
        ));
    }
    Ok(path.to_owned())
}

/// A BCP 47-shaped tag in its conventional casing (`en`, `pt-BR`, `zh-Hant-TW`), so the same
/// language is one segment in the summary whatever casing the browser reported.
pub fn language_tag(raw: &str) -> Option<String> {
    if raw.is_empty() || raw.len() > MAX_LANGUAGE_CHARS {
        return None;
    }
    let mut out = Vec::new();
    for (i, sub) in raw.split('-').enumerate() {
        let ok_chars =
            !sub.is_empty() && sub.len() <= 8 && sub.chars().all(|c| c.is_ascii_alphanumeric());
        if !ok_chars || (i == 0 && !sub.chars().all(|c| c.is_ascii_alphabetic())) {
            return None;
        }
        let cased = if i == 0 {
            sub.to_ascii_lowercase()
        } else if sub.len() == 2 && sub.chars().all(|c| c.is_ascii_alphabetic()) {
            sub.to_ascii_uppercase()
        } else if sub.len() == 4 && sub.chars().all(|c| c.is_ascii_alphabetic()) {
            let lower = sub.to_ascii_lowercase();
            let (first, rest) = lower.split_at(1);
            format!("{}{rest}", first.to_ascii_uppercase())
        } else {
            sub.to_ascii_lowercase()
        };
        out.push(cased);
    }
    Some(out.join("-"))
}

fn bad_language(field: &'static str) -> ApiError {
    ApiError::field(
        "invalid_field",
        field,
        format!("{field} must be a language tag like en or pt-BR (letters, digits and -, at most {MAX_LANGUAGE_CHARS} characters)"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Limits = Limits {
        max_comment_chars: 10,
    };

    fn body(extra: &str) -> String {
        format!(
            r#"{{"submission_id":"9B2C1F0E-3A4D-4C5E-8F6A-0B1C2D3E4F5A","submission_key":"0123456789abcdef0123456789abcdef","rating":4,"page":"/news/1?x=1#top","page_language":"EN-us","widget_language":"ar","translated":false{extra}}}"#
        )
    }

    fn err(body: &str) -> ApiError {
        match parse_submission(body.as_bytes(), &LIMITS) {
            Ok(s) => panic!("expected an error, got {s:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn valid_payload_is_normalised() {
        let s = parse_submission(
            body(r#","comment":"  Cafe\u0301 ","elapsed_ms":12,"honeypot":"""#).as_bytes(),
            &LIMITS,
        );
        let s = s.unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(s.submission_id, "9b2c1f0e-3a4d-4c5e-8f6a-0b1c2d3e4f5a");
        assert_eq!(s.comment.as_deref(), Some("Caf\u{e9}"));
        assert_eq!(s.page, "/news/1");
        assert_eq!(s.page_language, "en-US");
        assert_eq!(s.elapsed_ms, Some(12));
        assert!(!s.spam);
    }

    #[test]
    fn honeypot_marks_spam() {
        let s = parse_submission(body(r#","honeypot":"buy now""#).as_bytes(), &LIMITS);
        assert!(s.is_ok_and(|s| s.spam));
    }

    #[test]
    fn errors_name_the_field() {
        let e = err(&body(r#","extra":1"#));
        assert_eq!(
            (e.code, e.field.as_deref()),
            ("unknown_field", Some("extra"))
        );
        let e = err(&body(r#","elapsed_ms":-1"#));
        assert_eq!(
            (e.code, e.field.as_deref()),
            ("invalid_field", Some("elapsed_ms"))
        );
        let e = err(r#"{"rating":4}"#);
        assert_eq!(e.code, "missing_field");
        let e = err("{not json");
        assert_eq!(
            (e.status, e.code),
            (StatusCode::BAD_REQUEST, "invalid_json")
        );
        let e = err("[1]");
        assert_eq!(e.code, "invalid_body");
    }

    #[test]
    fn ratings_outside_one_to_five_are_refused() {
        for bad in ["0", "6", "-1", "4.5", "\"4\"", "null", "300"] {
            let b = body("").replace(r#""rating":4"#, &format!(r#""rating":{bad}"#));
            assert_eq!(err(&b).field.as_deref(), Some("rating"), "rating {bad}");
        }
    }

    #[test]
    fn submission_key_is_required_and_checked() {
        let b = body("").replace(
            r#""submission_key":"0123456789abcdef0123456789abcdef","#,
            "",
        );
        let e = err(&b);
        assert_eq!(
            (e.code, e.field.as_deref()),
            ("missing_field", Some("submission_key"))
        );
        for bad in [
            "\"short\"",
            "\"0123456789abcdef0123456789abcde!\"",
            "null",
            "1",
        ] {
            let b = body("").replace(r#""0123456789abcdef0123456789abcdef""#, bad);
            assert_eq!(err(&b).field.as_deref(), Some("submission_key"), "{bad}");
        }
        assert!(key_hash(&"a".repeat(MAX_KEY_CHARS)).is_some());
        assert!(key_hash(&"a".repeat(MAX_KEY_CHARS + 1)).is_none());
        assert!(key_hash(&"a".repeat(MIN_KEY_CHARS - 1)).is_none());
        assert_ne!(key_hash(&"a".repeat(32)), key_hash(&"b".repeat(32)));
    }

    #[test]
    fn uuid_rules() {
        assert!(uuid_v4("9b2c1f0e-3a4d-4c5e-8f6a-0b1c2d3e4f5a").is_some());
        assert!(
            uuid_v4("9b2c1f0e-3a4d-1c5e-8f6a-0b1c2d3e4f5a").is_none(),
            "v1"
        );
        assert!(
            uuid_v4("9b2c1f0e-3a4d-4c5e-cf6a-0b1c2d3e4f5a").is_none(),
            "variant"
        );
        assert!(
            uuid_v4("9b2c1f0e3a4d4c5e8f6a0b1c2d3e4f5a").is_none(),
            "no hyphens"
        );
        assert!(
            uuid_v4("9b2c1f0e-3a4d-4c5e-8f6a-0b1c2d3e4f5g").is_none(),
            "non-hex"
        );
    }

    #[test]
    fn comment_rules() {
        assert_eq!(comment("  \n ", 10).ok(), Some(None));
        assert_eq!(comment("a\r\nb\tc", 10).ok(), Some(Some("a\nb\tc".into())));
        assert_eq!(comment("a\u{7}b", 10).ok(), Some(Some("ab".into())));
        assert_eq!(comment("a\rb\u{b}c", 10).ok(), Some(Some("abc".into())));
        assert_eq!(
            comment("\u{0}\u{1b} x \u{7}", 10).ok(),
            Some(Some("x".into()))
        );
        assert_eq!(comment("\u{7}\u{8}", 10).ok(), Some(None));
        // A dropped character between a letter and its combining mark does not keep them apart.
        assert_eq!(
            comment("e\u{7}\u{301}", 10).ok(),
            Some(Some("\u{e9}".into()))
        );
        // Ten decomposed é (20 scalars) are ten after NFC, so they fit; eleven do not.
        assert!(comment(&"e\u{301}".repeat(10), 10).is_ok());
        assert!(comment(&"e\u{301}".repeat(11), 10).is_err());
    }

    #[test]
    fn page_rules() {
        assert_eq!(page("/a/b#c").ok().as_deref(), Some("/a/b"));
        assert!(page("news").is_err());
        assert!(page("https://x.example/").is_err());
        assert!(page("/a b").is_err());
        assert!(page(&format!("/{}", "a".repeat(MAX_PAGE_CHARS))).is_err());
        assert!(page(&format!("/{}", "a".repeat(MAX_PAGE_CHARS - 1))).is_ok());
    }

    #[test]
    fn language_rules() {
        assert_eq!(language_tag("zh-hant-tw").as_deref(), Some("zh-Hant-TW"));
        assert_eq!(language_tag("es-419").as_deref(), Some("es-419"));
        for bad in ["", "en_US", "en--us", "-en", "1a", "en-", &"a".repeat(36)] {
            assert!(language_tag(bad).is_none(), "{bad:?}");
        }
    }
}
