//! Writes: ratings, deletions, retention and the health probe.

use std::sync::LazyLock;

use deadpool_postgres::GenericClient;
use tokio_postgres::Statement;

use super::{DbError, Postgres};
use crate::db::batch::enqueue;
use crate::db::Upsert;
use crate::validate::Submission;

/// The current time as the ISO 8601 UTC text the table holds.
pub(super) const NOW: &str =
    r#"to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')"#;

/// The one statement that stores a rating, with the rules of the SQLite backend's (see
/// `db::write`). The `WHERE` makes a conflicting row under another key (or under none) a
/// no-op that returns nothing, so the ownership check and the write are one atomic step, and
/// two instances inserting the same id at once store it once. `xmax = 0` holds for a row
/// this statement inserted, not for one it updated.
pub(super) static UPSERT: LazyLock<String> = LazyLock::new(|| {
    format!(
        r#"INSERT INTO feedback AS f (submission_id, key_hash, rating, comment, page,
            page_language, widget_language, translated, elapsed_ms, spam, received_at,
            created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
            to_char(to_timestamp($11::bigint / 1000.0) AT TIME ZONE 'UTC',
                    'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
            {NOW}, {NOW})
         ON CONFLICT (submission_id) DO UPDATE SET
            rating = EXCLUDED.rating,
            comment = COALESCE(EXCLUDED.comment, f.comment),
            page = EXCLUDED.page,
            page_language = EXCLUDED.page_language,
            widget_language = EXCLUDED.widget_language,
            translated = EXCLUDED.translated,
            elapsed_ms = COALESCE(f.elapsed_ms, EXCLUDED.elapsed_ms),
            spam = f.spam OR EXCLUDED.spam,
            updated_at = EXCLUDED.updated_at
         WHERE f.key_hash = EXCLUDED.key_hash
         RETURNING (xmax = 0) AS inserted"#
    )
});

/// Runs the prepared upsert `stmt` for `sub` on `client` (a connection or a transaction).
pub(super) async fn upsert_with<C: GenericClient>(
    client: &C,
    stmt: &Statement,
    sub: &Submission,
    received_at_ms: i64,
) -> Result<Upsert, DbError> {
    let rating = i32::from(sub.rating);
    let key_hash = sub.key_hash.as_slice();
    let row = client
        .query_opt(
            stmt,
            &[
                &sub.submission_id,
                &key_hash,
                &rating,
                &sub.comment,
                &sub.page,
                &sub.page_language,
                &sub.widget_language,
                &sub.translated,
                &sub.elapsed_ms,
                &sub.spam,
                &received_at_ms,
            ],
        )
        .await?;
    Ok(match row {
        None => Upsert::NotOwner,
        Some(r) if r.try_get::<_, bool>(0)? => Upsert::Created,
        Some(_) => Upsert::Updated,
    })
}

/// The upsert for `sub` as a statement of its own (committed on return).
pub(super) async fn upsert_on<C: GenericClient>(
    client: &C,
    sub: &Submission,
    received_at_ms: i64,
) -> Result<Upsert, DbError> {
    let stmt = client.prepare_cached(&UPSERT).await?;
    upsert_with(client, &stmt, sub, received_at_ms).await
}

impl Postgres {
    /// Stores `sub`, committed on return, if its key owns the record: it joins the writer's
    /// queue and is stored in the next batch (see [`super::batch`]); a full queue refuses it
    /// at once with [`DbError::QueueFull`].
    pub async fn upsert(&self, sub: Submission, received_at_ms: i64) -> Result<Upsert, DbError> {
        enqueue(&self.queue, sub, received_at_ms).await
    }

    /// Deletes one record; `false` when there was none.
    pub async fn delete(&self, submission_id: String) -> Result<bool, DbError> {
        let result = async {
            let client = self.client().await?;
            let n = client
                .execute(
                    "DELETE FROM feedback WHERE submission_id = $1",
                    &[&submission_id],
                )
                .await?;
            Ok(n > 0)
        }
        .await;
        self.health.record_write(result.as_ref().map(|_| ()));
        result
    }

    /// Deletes records first received more than `days` days ago; returns how many.
    pub async fn delete_older_than(&self, days: u32) -> Result<usize, DbError> {
        let result = async {
            let client = self.client().await?;
            let days = i32::try_from(days).unwrap_or(i32::MAX);
            let n = client
                .execute(
                    r#"DELETE FROM feedback WHERE received_at <
                        to_char((clock_timestamp() - make_interval(days => $1))
                                AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')"#,
                    &[&days],
                )
                .await?;
            Ok(usize::try_from(n).unwrap_or(usize::MAX))
        }
        .await;
        self.health.record_write(result.as_ref().map(|_| ()));
        result
    }

    /// One small committed write, for `/healthz`.
    pub(super) async fn probe_write(&self) -> Result<(), DbError> {
        let client = self.client().await?;
        client
            .execute(
                &format!(
                    "INSERT INTO health_probe (id, written_at) VALUES (1, {NOW})
                     ON CONFLICT (id) DO UPDATE SET written_at = EXCLUDED.written_at"
                ),
                &[],
            )
            .await?;
        Ok(())
    }
}
