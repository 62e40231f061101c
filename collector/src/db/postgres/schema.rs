//! The PostgreSQL layout, created and changed by numbered migrations recorded in
//! `schema_migrations`, so every instance knows which ones ran.
//!
//! Times are stored as the same ISO 8601 UTC text with milliseconds SQLite uses, so both
//! backends sort, filter and export them identically.

use tokio_postgres::Client;

use super::DbError;

/// Any 64-bit number unique to this application: the advisory lock that makes instances
/// starting at the same time run the migrations one after the other.
const MIGRATION_LOCK: i64 = 0x4657_636f_6c6c_6563;

/// The migrations in order; the number of one is its position, from 1.
const MIGRATIONS: &[&str] = &[
    // 1: the ratings, the summary's index, the health probe's row.
    "CREATE TABLE feedback (
        submission_id   TEXT PRIMARY KEY,
        key_hash        BYTEA CHECK (key_hash IS NULL OR length(key_hash) = 32),
        rating          INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
        comment         TEXT,
        page            TEXT NOT NULL,
        page_language   TEXT NOT NULL,
        widget_language TEXT NOT NULL,
        translated      BOOLEAN NOT NULL,
        elapsed_ms      BIGINT CHECK (elapsed_ms >= 0),
        spam            BOOLEAN NOT NULL DEFAULT FALSE,
        received_at     TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
    );
    CREATE INDEX feedback_received_at ON feedback (received_at);
    CREATE INDEX feedback_summary
        ON feedback (spam, page, widget_language, translated, rating, received_at);
    CREATE TABLE health_probe (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        written_at TEXT NOT NULL
    );",
];

/// The version this build brings a database to.
pub fn version() -> i64 {
    i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX)
}

/// Runs the migrations not yet applied, all in one transaction, refusing a database that a
/// newer build migrated.
pub async fn migrate(client: &mut Client) -> Result<(), DbError> {
    let tx = client.transaction().await?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .await?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
            version    BIGINT PRIMARY KEY,
            applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
        )",
    )
    .await?;
    let current: i64 = tx
        .query_one(
            "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
            &[],
        )
        .await?
        .get(0);
    if current > version() {
        return Err(DbError::Setup(format!(
            "database schema version {current} is newer than this build ({})",
            version()
        )));
    }
    for (n, sql) in (1_i64..).zip(MIGRATIONS) {
        if n > current {
            tx.batch_execute(sql).await?;
            tx.execute("INSERT INTO schema_migrations (version) VALUES ($1)", &[&n])
                .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}
