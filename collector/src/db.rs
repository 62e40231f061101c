//! SQLite storage. One connection behind a mutex is plenty for feedback volumes; every call
//! runs on tokio's blocking pool so the async workers never wait on disk.
//!
//! Durability: WAL journal with `synchronous=FULL`, so a commit has been fsynced before
//! [`Db::upsert`] returns and the handler answers 2xx.

use std::fmt;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::{params, Connection, TransactionBehavior};

use crate::summary::RatingGroup;
use crate::validate::Submission;

/// Version stored in `PRAGMA user_version`, for future migrations.
const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS feedback (
    submission_id   TEXT PRIMARY KEY NOT NULL,
    rating          INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment         TEXT,
    page            TEXT NOT NULL,
    page_language   TEXT NOT NULL,
    widget_language TEXT NOT NULL,
    translated      INTEGER NOT NULL CHECK (translated IN (0, 1)),
    elapsed_ms      INTEGER CHECK (elapsed_ms >= 0),
    spam            INTEGER NOT NULL DEFAULT 0 CHECK (spam IN (0, 1)),
    received_at     TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS feedback_received_at ON feedback (received_at);
-- Covers the summary's GROUP BY: an index scan in group order instead of a table scan plus a
-- temporary sort, several times faster at 10,000 records (see README, Benchmark).
CREATE INDEX IF NOT EXISTS feedback_summary
    ON feedback (spam, page, widget_language, translated, rating);
";

/// The summary's only query; `feedback_summary` covers it.
const RATING_GROUPS: &str = "SELECT page, widget_language, translated, rating, COUNT(*)
     FROM feedback WHERE spam = 0
     GROUP BY page, widget_language, translated, rating";

/// ISO 8601 UTC with milliseconds, computed by SQLite so no date crate is needed.
const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

/// A storage failure.
#[derive(Debug)]
pub enum DbError {
    /// SQLite refused or failed.
    Sqlite(rusqlite::Error),
    /// Creating the database directory failed.
    Io(std::io::Error),
    /// The blocking task panicked or was cancelled.
    Task(String),
    /// The database is not in the mode durability depends on.
    Setup(String),
}

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DbError::Sqlite(e) => write!(f, "sqlite: {e}"),
            DbError::Io(e) => write!(f, "io: {e}"),
            DbError::Task(e) => write!(f, "storage task: {e}"),
            DbError::Setup(e) => write!(f, "database setup: {e}"),
        }
    }
}

impl std::error::Error for DbError {}

impl From<rusqlite::Error> for DbError {
    fn from(e: rusqlite::Error) -> Self {
        DbError::Sqlite(e)
    }
}

/// Whether an upsert created the record or found it already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upsert {
    /// First time this `submission_id` was seen.
    Created,
    /// The record existed and was updated (or repeated unchanged).
    Updated,
}

/// One non-spam record as exported to CSV.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRow {
    /// UUID.
    pub submission_id: String,
    /// When the first request for this id reached the service (UTC).
    pub received_at: String,
    /// 1..=5.
    pub rating: i64,
    /// Optional comment.
    pub comment: Option<String>,
    /// Page path.
    pub page: String,
    /// Page language.
    pub page_language: String,
    /// Widget language.
    pub widget_language: String,
    /// Machine-translated page.
    pub translated: bool,
    /// Milliseconds to rating.
    pub elapsed_ms: Option<i64>,
}

/// Handle to the database; cheap to clone.
#[derive(Clone)]
pub struct Db {
    conn: Arc<Mutex<Connection>>,
}

impl Db {
    /// Opens (creating if needed) the database file and its parent directory, switches on
    /// WAL + `synchronous=FULL` and creates the schema.
    pub fn open(path: &Path) -> Result<Db, DbError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(DbError::Io)?;
        }
        let conn = Connection::open(path)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        let mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(DbError::Setup(format!(
                "journal_mode is {mode}, WAL is required"
            )));
        }
        conn.pragma_update(None, "synchronous", "FULL")?;
        let sync: i64 = conn.query_row("PRAGMA synchronous", [], |r| r.get(0))?;
        // 2 is FULL, 3 is EXTRA: both fsync the WAL on every commit.
        if sync < 2 {
            return Err(DbError::Setup(format!(
                "synchronous is {sync}, FULL (2) is required"
            )));
        }
        conn.execute_batch(SCHEMA)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version == 0 {
            conn.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        } else if version > SCHEMA_VERSION {
            return Err(DbError::Setup(format!(
                "database schema version {version} is newer than this build ({SCHEMA_VERSION})"
            )));
        }
        Ok(Db {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Runs `f` with the connection on the blocking pool.
    async fn with_conn<T, F>(&self, f: F) -> Result<T, DbError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, DbError> + Send + 'static,
    {
        let conn = Arc::clone(&self.conn);
        tokio::task::spawn_blocking(move || {
            // A panic while holding the lock cannot leave a half-done transaction behind
            // (rusqlite rolls back on drop), so the connection is still good to use.
            let mut guard = conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            f(&mut guard)
        })
        .await
        .map_err(|e| DbError::Task(e.to_string()))?
    }

    /// Inserts or updates the record for `sub.submission_id`, committed to disk on return.
    ///
    /// On repeat: rating, page, languages and `translated` take the new values; a comment
    /// replaces the stored one only when the new request has one (the widget sends the
    /// rating first and the comment later); `elapsed_ms` keeps the first value sent (time to
    /// the first rating); the spam flag is sticky.
    pub async fn upsert(&self, sub: Submission, received_at_ms: i64) -> Result<Upsert, DbError> {
        self.with_conn(move |conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let inserted = tx.execute(
                &format!(
                    "INSERT INTO feedback (submission_id, rating, comment, page, page_language,
                        widget_language, translated, elapsed_ms, spam, received_at, created_at,
                        updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,
                        strftime('%Y-%m-%dT%H:%M:%fZ', ?10 / 1000.0, 'unixepoch'), {NOW}, {NOW})
                     ON CONFLICT (submission_id) DO NOTHING"
                ),
                params![
                    sub.submission_id,
                    sub.rating,
                    sub.comment,
                    sub.page,
                    sub.page_language,
                    sub.widget_language,
                    sub.translated,
                    sub.elapsed_ms,
                    sub.spam,
                    received_at_ms,
                ],
            )?;
            let outcome = if inserted == 1 {
                Upsert::Created
            } else {
                tx.execute(
                    &format!(
                        "UPDATE feedback SET rating = ?2, comment = COALESCE(?3, comment),
                            page = ?4, page_language = ?5, widget_language = ?6,
                            translated = ?7, elapsed_ms = COALESCE(elapsed_ms, ?8),
                            spam = MAX(spam, ?9), updated_at = {NOW}
                         WHERE submission_id = ?1"
                    ),
                    params![
                        sub.submission_id,
                        sub.rating,
                        sub.comment,
                        sub.page,
                        sub.page_language,
                        sub.widget_language,
                        sub.translated,
                        sub.elapsed_ms,
                        sub.spam,
                    ],
                )?;
                Upsert::Updated
            };
            tx.commit()?;
            Ok(outcome)
        })
        .await
    }

    /// Non-spam ratings grouped by page × widget language × translated × rating.
    pub async fn rating_groups(&self) -> Result<Vec<RatingGroup>, DbError> {
        self.with_conn(|conn| {
            let mut stmt = conn.prepare(RATING_GROUPS)?;
            let rows = stmt.query_map([], |r| {
                Ok(RatingGroup {
                    page: r.get(0)?,
                    widget_language: r.get(1)?,
                    translated: r.get(2)?,
                    rating: r.get(3)?,
                    // COUNT(*) is never negative.
                    count: u64::try_from(r.get::<_, i64>(4)?).unwrap_or(0),
                })
            })?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .await
    }

    /// Non-spam records, oldest first, for the CSV export.
    pub async fn export_rows(&self) -> Result<Vec<ExportRow>, DbError> {
        self.with_conn(|conn| {
            let mut stmt = conn.prepare(
                "SELECT submission_id, received_at, rating, comment, page, page_language,
                        widget_language, translated, elapsed_ms
                 FROM feedback WHERE spam = 0
                 ORDER BY received_at, submission_id",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok(ExportRow {
                    submission_id: r.get(0)?,
                    received_at: r.get(1)?,
                    rating: r.get(2)?,
                    comment: r.get(3)?,
                    page: r.get(4)?,
                    page_language: r.get(5)?,
                    widget_language: r.get(6)?,
                    translated: r.get(7)?,
                    elapsed_ms: r.get(8)?,
                })
            })?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .await
    }

    /// Number of stored records including spam; used by health checks and tests.
    pub async fn count_all(&self) -> Result<u64, DbError> {
        self.with_conn(|conn| {
            let n: i64 = conn.query_row("SELECT COUNT(*) FROM feedback", [], |r| r.get(0))?;
            Ok(u64::try_from(n).unwrap_or(0))
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_query_uses_the_covering_index_without_sorting() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = Db::open(&dir.path().join("f.sqlite3")).expect("open");
        let conn = db.conn.lock().expect("lock");
        let mut stmt = conn
            .prepare(&format!("EXPLAIN QUERY PLAN {RATING_GROUPS}"))
            .expect("prepare");
        let plan = stmt
            .query_map([], |r| r.get::<_, String>(3))
            .expect("query")
            .collect::<Result<Vec<_>, _>>()
            .expect("plan")
            .join("; ");
        assert!(plan.contains("COVERING INDEX feedback_summary"), "{plan}");
        assert!(!plan.contains("TEMP B-TREE"), "{plan}");
    }
}
