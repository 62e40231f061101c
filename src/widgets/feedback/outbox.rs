//! The outbox: submissions that could not reach the collector (network down, timeout, 5xx,
//! 429) wait here, in storage, and are sent again later with a capped exponential backoff.
//! Pure, so the rules (bounds, backoff, what is final) are tested natively; the browser glue
//! only reads, writes and sends.
//!
//! Stored as JSON: `[{"e":endpoint,"i":submission_id,"b":body,"n":attempts,"d":due_ms}]`.
//! The body carries the submission's `submission_key`, so a retry from any tab or page is
//! the same sender's.

use std::borrow::Cow;

use super::payload::keyed_body;
use crate::feed::{parse_text, quoted, Json};

/// Most submissions kept; the oldest is dropped first.
pub const MAX_ENTRIES: usize = 20;
/// Wait before the first automatic retry, in milliseconds.
pub const FIRST_DELAY_MS: u64 = 5_000;
/// Longest wait between automatic retries, in milliseconds.
pub const MAX_DELAY_MS: u64 = 10 * 60_000;

/// One waiting submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Where it goes.
    pub endpoint: String,
    /// Its submission id (the collector's idempotency key).
    pub id: String,
    /// The JSON body to POST.
    pub body: String,
    /// Failed attempts so far.
    pub attempts: u32,
    /// When it may be tried again automatically (ms since the epoch).
    pub due: u64,
}

/// What one attempt to deliver came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A 2xx: the collector has it.
    Delivered,
    /// Worth trying again: no answer, a timeout, a 5xx, 408 or 429.
    Retry,
    /// The collector refused it for good (any other status: 400, 409 for the same id with
    /// another key, 413, 415, 422, ...): trying again cannot help.
    Final,
}

/// The outcome of a POST from its status, or from the reason no answer came.
pub fn outcome(result: &Result<u16, String>) -> Outcome {
    match result {
        Ok(200..=299) => Outcome::Delivered,
        // 408: the collector gave up waiting for the body (a slow connection); worth again.
        Ok(408 | 429 | 500..) | Err(_) => Outcome::Retry,
        Ok(_) => Outcome::Final,
    }
}

/// The wait after `attempts` failures: doubling from [`FIRST_DELAY_MS`], capped at
/// [`MAX_DELAY_MS`], then spread by `jitter` (0..1) over its upper half so that many readers
/// coming back online together do not all retry at once.
pub fn backoff_ms(attempts: u32, jitter: f64) -> u64 {
    let doubling = 1u64 << attempts.saturating_sub(1).min(16);
    let delay = FIRST_DELAY_MS.saturating_mul(doubling).min(MAX_DELAY_MS);
    let jitter = jitter.clamp(0.0, 1.0);
    delay / 2 + (delay as f64 / 2.0 * jitter) as u64
}

/// The waiting submissions, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outbox(pub Vec<Entry>);

impl Outbox {
    /// Reads the stored outbox; anything unreadable is left out rather than failing, and so
    /// is an entry whose body is not a JSON object or carries a key not of our form (the
    /// collector could only refuse it). An entry stored by a release before submission keys
    /// gets one from `fresh_key`; the flag says whether any did, so that the caller stores
    /// the keys before sending and every later attempt carries the same one.
    pub fn parse(text: Option<&str>, mut fresh_key: impl FnMut() -> String) -> (Self, bool) {
        let mut keyed = false;
        let json = text.and_then(|text| parse_text(text).ok());
        // A loop, not `filter_map`, `take` and `collect`, whose code no other caller shares.
        let mut entries = Vec::new();
        for entry in json.as_ref().and_then(Json::as_array).unwrap_or_default() {
            if entries.len() == MAX_ENTRIES {
                break;
            }
            let text = |key| entry.get(key).and_then(Json::as_str);
            let number = |key| entry.get(key).and_then(Json::as_u64).unwrap_or(0);
            let (Some(endpoint), Some(id), Some(body)) = (text("e"), text("i"), text("b")) else {
                continue;
            };
            let body = match keyed_body(body, &mut fresh_key) {
                Some(Cow::Borrowed(body)) => body.to_string(),
                Some(Cow::Owned(body)) => {
                    keyed = true;
                    body
                }
                None => continue,
            };
            entries.push(Entry {
                endpoint: endpoint.into(),
                id: id.into(),
                body,
                attempts: u32::try_from(number("n")).unwrap_or(u32::MAX),
                due: number("d"),
            });
        }
        (Self(entries), keyed)
    }

    /// The JSON to store.
    pub fn to_json(&self) -> String {
        let mut json = String::from("[");
        for entry in &self.0 {
            if json.len() > 1 {
                json.push(',');
            }
            json += &format!(
                r#"{{"e":{},"i":{},"b":{},"n":{},"d":{}}}"#,
                quoted(&entry.endpoint),
                quoted(&entry.id),
                quoted(&entry.body),
                entry.attempts,
                entry.due
            );
        }
        json + "]"
    }

    /// Records a failed attempt to send `body` for `id`: a new entry, or the same submission's
    /// entry updated (its newest body wins, as at the collector). Returns the entry dropped to
    /// keep within [`MAX_ENTRIES`], if one was.
    pub fn failed(
        &mut self,
        endpoint: &str,
        id: &str,
        body: &str,
        now: u64,
        jitter: f64,
    ) -> Option<Entry> {
        let attempts = self.remove(id) + 1;
        self.0.push(Entry {
            endpoint: endpoint.into(),
            id: id.into(),
            body: body.into(),
            attempts,
            due: now.saturating_add(backoff_ms(attempts, jitter)),
        });
        (self.0.len() > MAX_ENTRIES).then(|| self.0.remove(0))
    }

    /// Forgets `id` (delivered, or refused for good); the failed attempts it had, 0 when it
    /// was not there (so `failed` finds and takes it out in one search).
    pub fn remove(&mut self, id: &str) -> u32 {
        // `remove` by index, as `failed` drops the oldest: `retain` would be one more copy.
        let mut attempts = 0;
        while let Some(index) = self.0.iter().position(|entry| entry.id == id) {
            attempts = self.0.remove(index).attempts;
        }
        attempts
    }

    /// The entries whose wait is over at `now`.
    pub fn due(&self, now: u64) -> Vec<Entry> {
        self.0.iter().filter(|e| e.due <= now).cloned().collect()
    }

    /// When the next entry falls due, if any waits.
    pub fn next_due(&self) -> Option<u64> {
        // A loop, as the flush's: `map` and `min` would be code of their own.
        let mut next = None;
        for entry in &self.0 {
            next = Some(next.map_or(entry.due, |next: u64| next.min(entry.due)));
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_worth_retrying() {
        assert_eq!(outcome(&Ok(201)), Outcome::Delivered);
        assert_eq!(outcome(&Ok(200)), Outcome::Delivered);
        assert_eq!(outcome(&Err("Failed to fetch".into())), Outcome::Retry);
        assert_eq!(outcome(&Ok(429)), Outcome::Retry);
        assert_eq!(outcome(&Ok(500)), Outcome::Retry);
        assert_eq!(outcome(&Ok(503)), Outcome::Retry);
        assert_eq!(outcome(&Ok(408)), Outcome::Retry, "the collector timed out");
        assert_eq!(outcome(&Ok(422)), Outcome::Final);
        assert_eq!(outcome(&Ok(409)), Outcome::Final, "another key");
        assert_eq!(outcome(&Ok(413)), Outcome::Final);
        assert_eq!(outcome(&Ok(415)), Outcome::Final);
        assert_eq!(outcome(&Ok(400)), Outcome::Final);
        assert_eq!(outcome(&Ok(403)), Outcome::Final);
        assert_eq!(outcome(&Ok(302)), Outcome::Final);
    }

    #[test]
    fn backoff_doubles_is_capped_and_jittered() {
        assert_eq!(backoff_ms(1, 0.0), 2_500);
        assert_eq!(backoff_ms(1, 1.0), 5_000);
        assert_eq!(backoff_ms(2, 1.0), 10_000);
        assert_eq!(backoff_ms(3, 1.0), 20_000);
        assert_eq!(backoff_ms(30, 1.0), MAX_DELAY_MS);
        assert_eq!(backoff_ms(u32::MAX, 0.0), MAX_DELAY_MS / 2);
        let mid = backoff_ms(2, 0.5);
        assert!((5_000..10_000).contains(&mid), "{mid}");
        assert_eq!(backoff_ms(1, f64::NAN), backoff_ms(1, 0.0));
    }

    #[test]
    fn a_failure_adds_or_updates_one_entry_per_submission() {
        let mut outbox = Outbox::default();
        assert_eq!(
            outbox.failed("https://c/a", "id-1", "{\"rating\":4}", 1_000, 1.0),
            None
        );
        assert_eq!(outbox.0.len(), 1);
        assert_eq!(outbox.0[0].attempts, 1);
        assert_eq!(outbox.0[0].due, 6_000);
        outbox.failed(
            "https://c/a",
            "id-1",
            "{\"rating\":4,\"comment\":\"x\"}",
            2_000,
            1.0,
        );
        assert_eq!(outbox.0.len(), 1, "the same submission, once");
        assert_eq!(outbox.0[0].attempts, 2);
        assert_eq!(outbox.0[0].due, 12_000);
        assert!(outbox.0[0].body.contains("comment"), "the newest body wins");
    }

    #[test]
    fn due_entries_and_the_next_wait() {
        let mut outbox = Outbox::default();
        assert_eq!(outbox.next_due(), None);
        outbox.failed("e", "a", "{}", 0, 1.0);
        outbox.failed("e", "b", "{}", 10_000, 1.0);
        assert!(outbox.due(4_999).is_empty());
        let due: Vec<String> = outbox.due(5_000).into_iter().map(|e| e.id).collect();
        assert_eq!(due, ["a"]);
        assert_eq!(outbox.due(20_000).len(), 2);
        assert_eq!(outbox.next_due(), Some(5_000));
    }

    #[test]
    fn delivered_entries_are_removed() {
        let mut outbox = Outbox::default();
        outbox.failed("e", "a", "{}", 0, 0.0);
        outbox.failed("e", "b", "{}", 0, 0.0);
        outbox.remove("a");
        assert_eq!(outbox.0.len(), 1);
        assert_eq!(outbox.0[0].id, "b");
        outbox.remove("unknown");
        assert_eq!(outbox.0.len(), 1);
    }

    #[test]
    fn the_outbox_is_bounded_oldest_dropped() {
        let mut outbox = Outbox::default();
        for i in 0..MAX_ENTRIES {
            assert_eq!(outbox.failed("e", &format!("id-{i}"), "{}", 0, 0.0), None);
        }
        let dropped = outbox.failed("e", "newest", "{}", 0, 0.0);
        assert_eq!(dropped.map(|e| e.id).as_deref(), Some("id-0"));
        assert_eq!(outbox.0.len(), MAX_ENTRIES);
        assert_eq!(outbox.0.last().map(|e| e.id.as_str()), Some("newest"));
    }

    const KEY: &str = "0123456789abcdef0123456789abcdef";

    /// Parses with a key maker that must not be needed.
    fn parse(text: Option<&str>) -> Outbox {
        let (outbox, keyed) = Outbox::parse(text, || panic!("no entry should need a key"));
        assert!(!keyed);
        outbox
    }

    #[test]
    fn it_survives_storage_round_trips_and_garbage() {
        let mut outbox = Outbox::default();
        let body = format!(
            r#"{{"submission_id":"a","submission_key":"{KEY}","comment":"line\n\"quoted\" é"}}"#
        );
        outbox.failed(
            "https://collector.test/api",
            "a",
            &body,
            1_700_000_000_000,
            0.25,
        );
        let again = parse(Some(&outbox.to_json()));
        assert_eq!(again, outbox);
        assert_eq!(again.0[0].body, body);
        assert_eq!(parse(None), Outbox::default());
        assert_eq!(parse(Some("not json")), Outbox::default());
        assert_eq!(parse(Some("{\"e\":1}")), Outbox::default());
        let keyed = format!(r#"{{"submission_key":"{KEY}"}}"#);
        let mixed = parse(Some(&format!(
            r#"[{{"e":"x","i":"a","b":{},"n":2,"d":5}},{{"e":3}},7,{{"e":"x","i":"b"}}]"#,
            quoted(&keyed)
        )));
        assert_eq!(mixed.0.len(), 1, "unreadable entries are left out");
        assert_eq!((mixed.0[0].attempts, mixed.0[0].due), (2, 5));
        let entry = format!(r#"{{"e":"x","i":"a","b":{}}}"#, quoted(&keyed));
        let many = format!("[{}]", vec![entry; 50].join(","));
        assert_eq!(parse(Some(&many)).0.len(), MAX_ENTRIES);
    }

    #[test]
    fn an_entry_stored_before_keys_gets_one_and_keeps_it() {
        let old = r#"[{"e":"https://c/a","i":"a","b":"{\"submission_id\":\"a\",\"rating\":3}","n":1,"d":9}]"#;
        let mut made = 0;
        let (outbox, keyed) = Outbox::parse(Some(old), || {
            made += 1;
            KEY.to_string()
        });
        assert!(keyed, "the caller is told to store the new key");
        assert_eq!(made, 1);
        let entry = &outbox.0[0];
        assert_eq!((entry.id.as_str(), entry.attempts, entry.due), ("a", 1, 9));
        assert_eq!(
            entry.body,
            format!(r#"{{"submission_key":"{KEY}","submission_id":"a","rating":3}}"#)
        );
        // Stored, it is read back with the same key: no new one.
        assert_eq!(parse(Some(&outbox.to_json())), outbox);
    }

    #[test]
    fn entries_the_collector_could_only_refuse_are_dropped() {
        let entry = |body: &str| format!(r#"{{"e":"x","i":"a","b":{}}}"#, quoted(body));
        for body in [
            "",
            "not json",
            "[]",
            "42",
            r#"{"submission_key":"NOT-OURS"}"#,
            r#"{"submission_key":["0123456789abcdef0123456789abcdef"]}"#,
        ] {
            let stored = format!("[{}]", entry(body));
            assert_eq!(parse(Some(&stored)), Outbox::default(), "{body:?}");
        }
        // Garbage elsewhere in an entry does not cost a key either.
        assert_eq!(parse(Some(r#"[{"i":"a","b":"{}"}]"#)), Outbox::default());
    }
}
