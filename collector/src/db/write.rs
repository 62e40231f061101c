//! Writes through the one write connection: ratings (through the group-commit writer),
//! deletions and retention.

use rusqlite::{params, OptionalExtension, Transaction};
use subtle::ConstantTimeEq;

use super::batch::enqueue;
use super::{DbError, Sqlite};
use crate::validate::Submission;

/// ISO 8601 UTC with milliseconds, computed by SQLite so no date crate is needed.
pub(super) const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

/// The one statement that stores a rating, first time or repeat. On repeat: rating, page,
/// languages and `translated` take the new values; a comment replaces the stored one only
/// when the new request has one (the widget sends the rating first and the comment later);
/// `elapsed_ms` keeps the first value sent (time to the first rating); the spam flag is
/// sticky; the key hash never changes (ownership was checked before).
const UPSERT: &str = "INSERT INTO feedback (submission_id, key_hash, rating, comment, page,
        page_language, widget_language, translated, elapsed_ms, spam, received_at, created_at,
        updated_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,
        strftime('%Y-%m-%dT%H:%M:%fZ', ?11 / 1000.0, 'unixepoch'),
        strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
     ON CONFLICT (submission_id) DO UPDATE SET
        rating = excluded.rating,
        comment = COALESCE(excluded.comment, comment),
        page = excluded.page,
        page_language = excluded.page_language,
        widget_language = excluded.widget_language,
        translated = excluded.translated,
        elapsed_ms = COALESCE(elapsed_ms, excluded.elapsed_ms),
        spam = MAX(spam, excluded.spam),
        updated_at = excluded.updated_at";

/// What storing a submission did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upsert {
    /// First time this `submission_id` was seen.
    Created,
    /// The record existed with the same key and was updated (or repeated unchanged).
    Updated,
    /// The record exists under another key (or under none, from before keys): nothing was
    /// changed.
    NotOwner,
}

/// Stores `sub` inside `tx` if its key owns the record (or there is none yet); the caller
/// commits. Key hashes are compared in constant time.
pub(super) fn upsert_row(
    tx: &Transaction<'_>,
    sub: &Submission,
    received_at_ms: i64,
) -> Result<Upsert, DbError> {
    let stored: Option<Option<Vec<u8>>> = tx
        .prepare_cached("SELECT key_hash FROM feedback WHERE submission_id = ?1")?
        .query_row([&sub.submission_id], |r| r.get(0))
        .optional()?;
    let outcome = match stored {
        None => Upsert::Created,
        Some(Some(hash)) if bool::from(hash.as_slice().ct_eq(&sub.key_hash)) => Upsert::Updated,
        Some(_) => return Ok(Upsert::NotOwner),
    };
    tx.prepare_cached(UPSERT)?.execute(params![
        sub.submission_id,
        sub.key_hash.as_slice(),
        sub.rating,
        sub.comment,
        sub.page,
        sub.page_language,
        sub.widget_language,
        sub.translated,
        sub.elapsed_ms,
        sub.spam,
        received_at_ms,
    ])?;
    Ok(outcome)
}

impl Sqlite {
    /// Stores `sub`, committed to disk on return, if its key owns the record.
    ///
    /// The submission joins the writer's queue and is stored in the next group commit (see
    /// [`super::writer`]); when the queue is full it is refused at once with
    /// [`DbError::QueueFull`] rather than waiting without bound.
    pub async fn upsert(&self, sub: Submission, received_at_ms: i64) -> Result<Upsert, DbError> {
        enqueue(&self.queue, sub, received_at_ms).await
    }

    /// Deletes one record; `false` when there was none.
    pub async fn delete(&self, submission_id: String) -> Result<bool, DbError> {
        self.with_writer(move |conn| {
            let n = conn.execute(
                "DELETE FROM feedback WHERE submission_id = ?1",
                [&submission_id],
            )?;
            Ok(n > 0)
        })
        .await
    }

    /// Deletes records first received more than `days` days ago; returns how many.
    pub async fn delete_older_than(&self, days: u32) -> Result<usize, DbError> {
        self.with_writer(move |conn| {
            let n = conn.execute(
                "DELETE FROM feedback
                 WHERE received_at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?1)",
                [format!("-{days} days")],
            )?;
            Ok(n)
        })
        .await
    }
}
