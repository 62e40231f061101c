//! What a rating sends to the collector, built without the browser so it is tested natively.

use crate::feed::quoted;

/// One submission, as the collector's `POST /api/feedback` expects it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payload {
    /// UUID v4 made in the browser; the collector treats a repeat as the same record.
    pub submission_id: String,
    /// 1 (extremely dissatisfied) to 5 (extremely satisfied).
    pub rating: u8,
    /// The page path, query and fragment dropped, e-mail addresses redacted.
    pub page: String,
    /// `<html lang>` as loaded, before any translation (`und` when unknown).
    pub page_language: String,
    /// The language the widget spoke.
    pub widget_language: String,
    /// Whether a machine translator was active.
    pub translated: bool,
    /// Milliseconds from showing the form to sending.
    pub elapsed_ms: u64,
    /// The reader's comment, sent on the comment step only (absent before).
    pub comment: Option<String>,
    /// The hidden field only robots fill in; the collector keeps non-empty ones as spam.
    pub honeypot: String,
}

impl Payload {
    /// The JSON body.
    pub fn to_json(&self) -> String {
        format!(
            r#"{{"submission_id":{},"rating":{},"page":{},"page_language":{},"widget_language":{},"translated":{},"elapsed_ms":{},"honeypot":{}{}}}"#,
            quoted(&self.submission_id),
            self.rating,
            quoted(&self.page),
            quoted(&self.page_language),
            quoted(&self.widget_language),
            self.translated,
            self.elapsed_ms,
            quoted(&self.honeypot),
            self.comment
                .as_deref()
                .map(|comment| format!(r#","comment":{}"#, quoted(comment)))
                .unwrap_or_default(),
        )
    }
}

/// A path safe to store: no query or fragment, no e-mail address in any segment, bounded.
pub fn redacted_path(path: &str) -> String {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let redacted: Vec<&str> = path
        .split('/')
        .map(|segment| {
            if looks_like_email(segment) {
                "[email]"
            } else {
                segment
            }
        })
        .collect();
    let joined = redacted.join("/");
    let mut bounded: String = joined.chars().take(512).collect();
    if !bounded.starts_with('/') {
        bounded.insert(0, '/');
    }
    bounded
}

fn looks_like_email(segment: &str) -> bool {
    let decoded = segment.replace("%40", "@");
    match decoded.split_once('@') {
        Some((local, domain)) => !local.is_empty() && domain.contains('.'),
        None => false,
    }
}

/// An RFC 4122 version 4 UUID from 16 random bytes.
pub fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
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
            submission_id: uuid_v4([1; 16]),
            rating: 4,
            page: "/a\"b\\c\u{1}\u{2028}".into(),
            page_language: "en".into(),
            widget_language: "ar".into(),
            translated: true,
            elapsed_ms: 1234,
            comment: None,
            honeypot: String::new(),
        };
        let value: serde_json::Value = serde_json::from_str(&payload.to_json()).expect("JSON");
        assert_eq!(value["rating"], 4);
        assert_eq!(value["widget_language"], "ar");
        assert_eq!(value["translated"], true);
        assert_eq!(value["elapsed_ms"], 1234);
        assert_eq!(value["page"], "/a\"b\\c\u{1}\u{2028}");
        assert_eq!(value["honeypot"], "");
        assert_eq!(
            value.get("comment"),
            None,
            "no comment key before the comment step"
        );
        assert_eq!(value.as_object().map(|o| o.len()), Some(8));

        let with_comment = Payload {
            comment: Some("Très \"bien\"\nmerci".into()),
            honeypot: "http://spam.example".into(),
            ..payload
        };
        let value: serde_json::Value = serde_json::from_str(&with_comment.to_json()).expect("JSON");
        assert_eq!(value["comment"], "Très \"bien\"\nmerci");
        assert_eq!(value["honeypot"], "http://spam.example");
        assert_eq!(value.as_object().map(|o| o.len()), Some(9));
    }
}
