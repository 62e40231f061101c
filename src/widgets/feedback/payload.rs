//! What a rating sends to the collector, built without the browser so it is tested natively.

use std::borrow::Cow;

use crate::feed::{parse_text, quoted};

/// One submission, as the collector's `POST /api/feedback` expects it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payload<'a> {
    /// UUID v4 made in the browser; the collector treats a repeat as the same record.
    pub submission_id: &'a str,
    /// The submission's secret (see [`submission_key`]): only a POST that carries it may
    /// update the record the first POST with this id made. Never shown nor put in an event.
    pub submission_key: &'a str,
    /// 1 (extremely dissatisfied) to 5 (extremely satisfied).
    pub rating: u8,
    /// The page path, query and fragment dropped, e-mail addresses redacted.
    pub page: &'a str,
    /// `<html lang>` as loaded, before any translation (`und` when unknown).
    pub page_language: &'a str,
    /// The language the widget spoke.
    pub widget_language: &'a str,
    /// Whether a machine translator was active.
    pub translated: bool,
    /// Milliseconds from showing the form to sending.
    pub elapsed_ms: u64,
    /// The reader's comment, sent on the comment step only (absent before).
    pub comment: Option<&'a str>,
    /// The hidden field only robots fill in; the collector keeps non-empty ones as spam.
    pub honeypot: &'a str,
}

impl Payload<'_> {
    /// The JSON body.
    pub fn to_json(&self) -> String {
        format!(
            r#"{{"submission_id":{},"submission_key":{},"rating":{},"page":{},"page_language":{},"widget_language":{},"translated":{},"elapsed_ms":{},"honeypot":{}{}}}"#,
            quoted(self.submission_id),
            quoted(self.submission_key),
            // Widened: the `u32` formatting code is there anyway, a `u8`'s would be more.
            u32::from(self.rating),
            quoted(self.page),
            quoted(self.page_language),
            quoted(self.widget_language),
            self.translated,
            self.elapsed_ms,
            quoted(self.honeypot),
            self.comment
                .map(|comment| format!(r#","comment":{}"#, quoted(comment)))
                .unwrap_or_default(),
        )
    }
}

/// A path safe to store: no query or fragment, no e-mail address in any segment, bounded.
pub fn redacted_path(path: &str) -> String {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    // Joined by hand: `join` would bring its own code for this one use.
    let mut joined = String::with_capacity(path.len());
    for (i, segment) in path.split('/').enumerate() {
        if i > 0 {
            joined.push('/');
        }
        joined.push_str(if looks_like_email(segment) {
            "[email]"
        } else {
            segment
        });
    }
    let mut bounded: String = joined.chars().take(512).collect();
    if !bounded.starts_with('/') {
        bounded.insert(0, '/');
    }
    bounded
}

/// Whether `segment` has a non-empty part before its first `@` (or `%40`) and a `.` after it.
fn looks_like_email(segment: &str) -> bool {
    // A byte loop: `replace("%40", "@")` would bring the standard substring searcher.
    let bytes = segment.as_bytes();
    let at = (0..bytes.len())
        .find(|&i| matches!(bytes.get(i..), Some([b'@', ..] | [b'%', b'4', b'0', ..])));
    at.is_some_and(|at| at > 0 && bytes.get(at..).is_some_and(|rest| rest.contains(&b'.')))
}

/// An RFC 4122 version 4 UUID from 16 random bytes.
pub fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let mut id = String::with_capacity(36);
    for (i, byte) in bytes.iter().enumerate() {
        // Groups of 8, 4, 4, 4 and 12 digits.
        if matches!(i, 4 | 6 | 8 | 10) {
            id.push('-');
        }
        push_hex(&mut id, std::slice::from_ref(byte));
    }
    id
}

/// A submission key from 16 random bytes: 32 lowercase hex digits, all 128 bits kept (the
/// collector asks for at least 128).
pub fn submission_key(bytes: [u8; 16]) -> String {
    let mut key = String::with_capacity(32);
    push_hex(&mut key, &bytes);
    key
}

/// Two lowercase hex digits per byte, by hand: `format!("{b:02x}")` brings the formatter's
/// hex and padding code.
fn push_hex(out: &mut String, bytes: &[u8]) {
    for &byte in bytes {
        for digit in [byte >> 4, byte & 0x0f] {
            let digit = b"0123456789abcdef".get(usize::from(digit)).copied();
            out.push(char::from(digit.unwrap_or(b'0')));
        }
    }
}

/// Whether `key` has the form [`submission_key`] gives.
pub fn is_submission_key(key: &str) -> bool {
    key.len() == 32 && key.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// A stored body (JSON text) as it is to be sent again: borrowed, unchanged, when it carries
/// a valid `submission_key`; with `key()` added as its first member when it has none (stored
/// by a release before keys); `None` when it is not a JSON object or its key is not one of
/// ours, since the collector could only refuse it.
pub fn keyed_body(body: &str, key: impl FnOnce() -> String) -> Option<Cow<'_, str>> {
    let json = parse_text(body).ok()?;
    let empty = json.as_object()?.is_empty();
    match json.get("submission_key") {
        Some(stored) => stored
            .as_str()
            .filter(|stored| is_submission_key(stored))
            .map(|_| Cow::Borrowed(body)),
        None => {
            // An object's text starts with `{` (after optional whitespace): the member goes
            // right after it, with a comma unless the object is empty.
            let rest = body.trim_start().strip_prefix('{')?;
            let comma = if empty { "" } else { "," };
            Some(Cow::Owned(format!(
                r#"{{"submission_key":{}{comma}{rest}"#,
                quoted(&key())
            )))
        }
    }
}

// serde_json, which reads the JSON back, is a native-only dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn uuid_has_the_version_and_variant_bits() {
        let id = uuid_v4([0xff; 16]);
        assert_eq!(id, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert_eq!(uuid_v4([0; 16]), "00000000-0000-4000-8000-000000000000");
        let bytes: [u8; 16] = std::array::from_fn(|i| (i as u8) * 17);
        assert_eq!(uuid_v4(bytes), "00112233-4455-4677-8899-aabbccddeeff");
    }

    #[test]
    fn paths_lose_queries_and_emails() {
        assert_eq!(redacted_path("/news/item?id=1#top"), "/news/item");
        assert_eq!(
            redacted_path("/users/jane.doe@example.org/profile"),
            "/users/[email]/profile"
        );
        assert_eq!(redacted_path("/u/jane%40example.org"), "/u/[email]");
        assert_eq!(redacted_path("/@handle/posts"), "/@handle/posts");
        assert_eq!(redacted_path(""), "/");
        assert_eq!(
            redacted_path(&format!("/{}", "a".repeat(1000)))
                .chars()
                .count(),
            512
        );
    }

    #[test]
    fn json_carries_every_field() {
        let payload = Payload {
            submission_id: &uuid_v4([1; 16]),
            submission_key: &submission_key([0xab; 16]),
            rating: 4,
            page: "/a\"b\\c\u{1}\u{2028}",
            page_language: "en",
            widget_language: "ar",
            translated: true,
            elapsed_ms: 1234,
            comment: None,
            honeypot: "",
        };
        let value: serde_json::Value = serde_json::from_str(&payload.to_json()).expect("JSON");
        assert_eq!(value["rating"], 4);
        assert_eq!(value["widget_language"], "ar");
        assert_eq!(value["translated"], true);
        assert_eq!(value["elapsed_ms"], 1234);
        assert_eq!(value["page"], "/a\"b\\c\u{1}\u{2028}");
        assert_eq!(value["honeypot"], "");
        assert_eq!(value["submission_key"], "ab".repeat(16));
        assert_eq!(
            value.get("comment"),
            None,
            "no comment key before the comment step"
        );
        assert_eq!(value.as_object().map(|o| o.len()), Some(9));

        let with_comment = Payload {
            comment: Some("Très \"bien\"\nmerci"),
            honeypot: "http://spam.example",
            ..payload
        };
        let value: serde_json::Value = serde_json::from_str(&with_comment.to_json()).expect("JSON");
        assert_eq!(value["comment"], "Très \"bien\"\nmerci");
        assert_eq!(value["honeypot"], "http://spam.example");
        assert_eq!(value["submission_key"], "ab".repeat(16));
        assert_eq!(value.as_object().map(|o| o.len()), Some(10));
    }

    #[test]
    fn a_key_is_32_lowercase_hex_digits_of_all_16_bytes() {
        let bytes: [u8; 16] = std::array::from_fn(|i| (i as u8) * 17);
        let key = submission_key(bytes);
        assert_eq!(key, "00112233445566778899aabbccddeeff");
        assert!(is_submission_key(&key));
        assert_eq!(submission_key([0; 16]), "0".repeat(32));
        assert_eq!(submission_key([0xff; 16]), "f".repeat(32));
        assert_ne!(
            submission_key([1; 16]),
            submission_key([2; 16]),
            "nothing of the bytes is lost"
        );
        for not_a_key in [
            "",
            "00112233445566778899AABBCCDDEEFF",
            "00112233445566778899aabbccddeef",
            "00112233445566778899aabbccddeeff0",
            "00112233-4455-6677-8899-aabbccdd",
            "g0112233445566778899aabbccddeeff",
            "00112233445566778899aabbccddeeé",
        ] {
            assert!(!is_submission_key(not_a_key), "{not_a_key:?}");
        }
    }

    #[test]
    fn a_stored_body_without_a_key_gets_one_and_one_with_a_key_keeps_it() {
        let key = "0123456789abcdef0123456789abcdef";
        let fresh = || key.to_string();
        let old = r#"{"submission_id":"a","rating":4,"comment":"Très \"bien\""}"#;
        let keyed = keyed_body(old, fresh).expect("an object");
        assert!(matches!(keyed, Cow::Owned(_)));
        let value: serde_json::Value = serde_json::from_str(&keyed).expect("still JSON");
        assert_eq!(value["submission_key"], key);
        assert_eq!(value["submission_id"], "a");
        assert_eq!(value["comment"], "Très \"bien\"");
        assert_eq!(value.as_object().map(|o| o.len()), Some(4));

        let again = keyed_body(&keyed, || panic!("no second key")).expect("kept");
        assert!(
            matches!(again, Cow::Borrowed(_)),
            "a keyed body is unchanged"
        );
        assert_eq!(again, keyed);

        let spaced = keyed_body(" \n{ } ", fresh).expect("an empty object");
        let value: serde_json::Value = serde_json::from_str(&spaced).expect("JSON");
        assert_eq!(value, serde_json::json!({ "submission_key": key }));
    }

    #[test]
    fn a_stored_body_that_is_not_ours_is_refused() {
        let fresh = || "0123456789abcdef0123456789abcdef".to_string();
        for garbage in [
            "",
            "not json",
            "[1,2]",
            "\"text\"",
            "null",
            "{\"submission_id\":",
            r#"{"submission_key":"short"}"#,
            r#"{"submission_key":7}"#,
            r#"{"submission_key":null,"rating":1}"#,
        ] {
            assert_eq!(keyed_body(garbage, fresh), None, "{garbage:?}");
        }
    }
}
