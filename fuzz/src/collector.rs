//! The collector's payload validation on arbitrary bytes: it must never panic, every refusal is
//! a 400 or a 422, and an accepted [`Submission`] keeps the promises of its doc comments.
//!
//! Shared by `fuzz/fuzz_targets/collector_payload.rs` and `collector/tests/fuzz_regressions.rs`.

use feedwidgets_collector::validate::{
    key_hash, language_tag, parse_submission, uuid_v4, Limits, Submission, MAX_KEY_CHARS,
    MAX_PAGE_CHARS, MIN_KEY_CHARS,
};
use unicode_normalization::UnicodeNormalization;

/// The collector's default limits (`--max-comment-chars 1000`), fixed so a run is reproducible
/// whatever `FW_*` variables the environment has.
pub const LIMITS: Limits = Limits {
    max_comment_chars: 1000,
};

/// Validates `body` as the collector does a POSTed payload and asserts the invariants of the
/// outcome; panics on a violation.
pub fn check(body: &[u8]) {
    match parse_submission(body, &LIMITS) {
        Ok(submission) => {
            check_submission(&submission);
            check_key(body, &submission);
        }
        Err(error) => assert!(
            matches!(error.status.as_u16(), 400 | 422),
            "refused with {}: {error:?}",
            error.status
        ),
    }
}

/// Every invariant of an accepted submission.
pub fn check_submission(s: &Submission) {
    assert_eq!(
        uuid_v4(&s.submission_id).as_deref(),
        Some(s.submission_id.as_str()),
        "submission_id"
    );
    assert!((1..=5).contains(&s.rating), "rating {}", s.rating);
    if let Some(comment) = &s.comment {
        assert!(
            !comment.is_empty() && comment.trim() == comment,
            "comment not trimmed: {comment:?}"
        );
        assert!(
            comment.chars().count() <= LIMITS.max_comment_chars,
            "comment too long"
        );
        assert!(
            comment.nfc().eq(comment.chars()),
            "comment not NFC: {comment:?}"
        );
        assert!(
            !comment
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "control character in comment: {comment:?}"
        );
    }
    assert!(
        s.page.starts_with('/')
            && !s.page.contains(['?', '#'])
            && s.page.chars().count() <= MAX_PAGE_CHARS
            && !s.page.chars().any(|c| c.is_control() || c.is_whitespace()),
        "page {:?}",
        s.page
    );
    for tag in [&s.page_language, &s.widget_language] {
        // Canonical casing is a fixed point: the same language is always one summary segment.
        assert_eq!(language_tag(tag).as_ref(), Some(tag), "language tag");
    }
    assert!(s.elapsed_ms.is_none_or(|ms| ms >= 0), "elapsed_ms");
}

/// The stored hash is the SHA-256 of the `submission_key` the body carried, and that key is
/// well-formed (a payload with duplicate keys is refused by serde, so the one found is it).
fn check_key(body: &[u8], s: &Submission) {
    let key = serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v.get("submission_key")?.as_str().map(str::to_owned))
        .expect("an accepted payload has a string submission_key");
    assert!(
        (MIN_KEY_CHARS..=MAX_KEY_CHARS).contains(&key.len())
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'),
        "malformed key accepted: {key:?}"
    );
    assert_eq!(key_hash(&key), Some(s.key_hash), "key hash");
}
