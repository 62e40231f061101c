//! The table layout and the migrations between its versions, kept in `PRAGMA user_version`.

use rusqlite::Connection;

use super::DbError;

/// Version this build writes; older files are migrated on open, newer ones refused.
pub const SCHEMA_VERSION: i64 = 2;

/// Version 1: the ratings table as first released.
const V1: &str = "
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
CREATE INDEX IF NOT EXISTS feedback_summary
    ON feedback (spam, page, widget_language, translated, rating);
";

/// Version 2: the SHA-256 of each sender's `submission_key` (NULL for records stored before
/// keys existed: nobody can prove they own those, so they can no longer be amended), the
/// summary index extended by `received_at` so a date-filtered summary stays an index-only
/// scan, and the one-row table `/healthz` probes writes with.
const V2: &str = "
ALTER TABLE feedback ADD COLUMN key_hash BLOB CHECK (key_hash IS NULL OR length(key_hash) = 32);
DROP INDEX IF EXISTS feedback_summary;
CREATE INDEX feedback_summary
    ON feedback (spam, page, widget_language, translated, rating, received_at);
CREATE TABLE IF NOT EXISTS health_probe (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    written_at TEXT NOT NULL
) STRICT;
";

/// Brings the file to [`SCHEMA_VERSION`] in one transaction, so a failed migration leaves
/// the previous version intact.
pub fn migrate(conn: &mut Connection) -> Result<(), DbError> {
    let tx = conn.transaction()?;
    let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > SCHEMA_VERSION {
        return Err(DbError::Setup(format!(
            "database schema version {version} is newer than this build ({SCHEMA_VERSION})"
        )));
    }
    if version < 1 {
        tx.execute_batch(V1)?;
    }
    if version < 2 {
        tx.execute_batch(V2)?;
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    Ok(())
}

/// The version 1 layout, for tests that start from a file written by an older build.
pub fn v1_for_tests() -> &'static str {
    V1
}
