//! Storage: SQLite (this module) or PostgreSQL ([`postgres`]), behind [`Db`].
//!
//! SQLite: ratings go through one writer thread that commits whatever is queued in
//! one transaction (group commit, see [`writer`]); deletions and the health probe use the same
//! write connection behind a mutex. Reads and exports use read-only connections of their own
//! (WAL lets them read a snapshot while the writer commits), so no report or download ever
//! waits for, or holds up, a rating. Every other call runs on tokio's blocking pool so the
//! async workers never wait on disk.
//!
//! Durability: WAL journal with `synchronous=FULL`, so a commit has been fsynced before
//! [`Sqlite::upsert`] returns and the handler answers 2xx.

mod backend;
mod batch;
mod export;
mod health;
pub mod postgres;
mod read;
pub mod schema;
mod write;
pub mod writer;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use tokio::sync::Semaphore;

pub use backend::Db;
pub use export::{ExportError, ExportRow, ExportSink};
pub use health::WriteHealth;
pub use read::{CommentRow, DateRange, WeekGroup};
pub use write::Upsert;

/// Reads (summary, report) running at once; more wait for a turn.
const READERS: usize = 4;
/// CSV exports streaming at once. One is enough (a 49,000-record export takes a fraction of
/// a second): a flood of downloads queues here, and what the running one costs in CPU and
/// socket copies stays small next to the submissions (see `bench/collector-load.sh`).
const EXPORTS: usize = 1;
/// Submissions waiting for the writer by default; more are refused with 503 until it catches
/// up. At the largest body a full queue holds about 8 MB.
pub const DEFAULT_WRITE_QUEUE: usize = 1024;
/// How long a statement waits for a lock before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// A storage failure.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// SQLite refused or failed.
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// Creating the database directory failed.
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
    /// The blocking task panicked or was cancelled.
    #[error("storage task: {0}")]
    Task(String),
    /// The database is not in the mode durability depends on.
    #[error("database setup: {0}")]
    Setup(String),
    /// PostgreSQL refused or failed, or the connection to it did.
    #[error("postgres: {0}")]
    Postgres(#[from] tokio_postgres::Error),
    /// No pooled PostgreSQL connection could be had in time.
    #[error("postgres pool: {0}")]
    Pool(String),
    /// The writer's queue is full: the submission was not taken, retry shortly.
    #[error("the write queue is full")]
    QueueFull,
}

/// Handle to a SQLite database; cheap to clone.
#[derive(Clone)]
pub struct Sqlite {
    writer: Arc<Mutex<Connection>>,
    /// The group-commit writer's bounded queue.
    queue: tokio::sync::mpsc::Sender<batch::Job>,
    path: Arc<PathBuf>,
    /// Idle read-only connections kept for reuse (at most [`READERS`]).
    idle_readers: Arc<Mutex<Vec<Connection>>>,
    read_permits: Arc<Semaphore>,
    export_permits: Arc<Semaphore>,
    health: Arc<WriteHealth>,
}

impl Sqlite {
    /// [`Sqlite::open_with_queue`] with the [`DEFAULT_WRITE_QUEUE`].
    pub fn open(path: &Path) -> Result<Sqlite, DbError> {
        Self::open_with_queue(path, DEFAULT_WRITE_QUEUE)
    }

    /// Opens (creating if needed) the database file and its parent directory, switches on
    /// WAL + `synchronous=FULL`, migrates the schema and starts the writer with room for
    /// `write_queue` waiting submissions (at least one).
    pub fn open_with_queue(path: &Path, write_queue: usize) -> Result<Sqlite, DbError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
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
        schema::migrate(&mut conn)?;
        let conn = Arc::new(Mutex::new(conn));
        let health = Arc::new(WriteHealth::default());
        let queue = writer::spawn(Arc::clone(&conn), Arc::clone(&health), write_queue.max(1))?;
        Ok(Sqlite {
            writer: conn,
            queue,
            path: Arc::new(path.to_owned()),
            idle_readers: Arc::new(Mutex::new(Vec::new())),
            read_permits: Arc::new(Semaphore::new(READERS)),
            export_permits: Arc::new(Semaphore::new(EXPORTS)),
            health,
        })
    }

    /// Runs `f` with the write connection on the blocking pool and keeps its outcome for
    /// `/healthz`.
    async fn with_writer<T, F>(&self, f: F) -> Result<T, DbError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, DbError> + Send + 'static,
    {
        let result = self.run_writer(f).await;
        self.health.record_write(result.as_ref().map(|_| ()));
        result
    }

    /// Runs `f` with the write connection on the blocking pool.
    async fn run_writer<T, F>(&self, f: F) -> Result<T, DbError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, DbError> + Send + 'static,
    {
        let conn = Arc::clone(&self.writer);
        tokio::task::spawn_blocking(move || {
            // A panic while holding the lock cannot leave a half-done transaction behind
            // (rusqlite rolls back on drop), so the connection is still good to use.
            let mut guard = conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            f(&mut guard)
        })
        .await
        .map_err(|e| DbError::Task(e.to_string()))?
    }

    /// Runs `f` with a read-only connection on the blocking pool, waiting for one of the
    /// [`READERS`] turns.
    async fn with_reader<T, F>(&self, f: F) -> Result<T, DbError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, DbError> + Send + 'static,
    {
        let permit = Arc::clone(&self.read_permits)
            .acquire_owned()
            .await
            .map_err(|e| DbError::Task(e.to_string()))?;
        let path = Arc::clone(&self.path);
        let idle = Arc::clone(&self.idle_readers);
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let reused = idle
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .pop();
            let conn = match reused {
                Some(conn) => conn,
                None => open_reader(&path)?,
            };
            let result = f(&conn);
            let mut idle = idle.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            if idle.len() < READERS {
                idle.push(conn);
            }
            result
        })
        .await
        .map_err(|e| DbError::Task(e.to_string()))?
    }

    /// The write health shared with `/healthz`.
    pub fn health(&self) -> &WriteHealth {
        &self.health
    }

    /// `Ok` when the storage can commit a write now; otherwise why not.
    pub async fn can_write(&self) -> Result<(), String> {
        // Without its writer no rating can be stored, however well the probe does.
        if self.queue.is_closed() {
            return Err("the writer has stopped".to_owned());
        }
        self.health.can_write(self.probe_write()).await
    }
}

/// A connection that cannot write, whatever a query asks.
fn open_reader(path: &Path) -> Result<Connection, DbError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(conn)
}

/// Helpers shared by the storage unit tests.
#[cfg(test)]
pub(crate) mod test_support {
    use tokio::sync::oneshot;

    use super::batch::Job;
    use super::{DbError, Upsert};
    use crate::validate::Submission;

    /// The batch both backends' isolation tests store: ids 1 and 3 new, 2 on the page the
    /// test's trigger refuses, 1 again with its own key, 3 again with another key.
    pub fn isolation_batch() -> Vec<Job> {
        jobs(vec![
            sub(1, 1, "/a"),
            sub(2, 2, "/refused"),
            sub(3, 3, "/b"),
            sub(1, 1, "/a-again"),
            sub(3, 9, "/not-the-owner"),
        ])
    }

    /// `subs` as queued jobs whose handlers went away (the tests read the outcomes).
    pub fn jobs(subs: Vec<Submission>) -> Vec<Job> {
        subs.into_iter()
            .map(|sub| Job {
                sub,
                received_at_ms: 0,
                reply: oneshot::channel().0,
            })
            .collect()
    }

    /// What storing [`isolation_batch`] must answer: the refused row fails alone, the others
    /// are stored (or, for another key, refused as not the owner) as if it were not there.
    pub fn assert_isolated(outcomes: &[Result<Upsert, DbError>]) {
        assert!(
            matches!(outcomes[0], Ok(Upsert::Created)),
            "{:?}",
            outcomes[0]
        );
        assert!(outcomes[1].is_err(), "{:?}", outcomes[1]);
        assert!(
            matches!(outcomes[2], Ok(Upsert::Created)),
            "{:?}",
            outcomes[2]
        );
        assert!(
            matches!(outcomes[3], Ok(Upsert::Updated)),
            "{:?}",
            outcomes[3]
        );
        assert!(
            matches!(outcomes[4], Ok(Upsert::NotOwner)),
            "{:?}",
            outcomes[4]
        );
    }

    /// Submission `n` with the key hash `[key; 32]` on `page`.
    pub fn sub(n: u8, key: u8, page: &str) -> Submission {
        Submission {
            submission_id: format!("00000000-0000-4000-8000-{n:012}"),
            key_hash: [key; 32],
            rating: 4,
            comment: None,
            page: page.to_owned(),
            page_language: "en".to_owned(),
            widget_language: "en".to_owned(),
            translated: false,
            elapsed_ms: None,
            spam: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_query_uses_the_covering_index_without_sorting() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = Sqlite::open(&dir.path().join("f.sqlite3")).expect("open");
        let conn = db.writer.lock().expect("lock");
        let mut stmt = conn
            .prepare(&format!("EXPLAIN QUERY PLAN {}", read::RATING_GROUPS))
            .expect("prepare");
        let plan = stmt
            .query_map([None::<String>, None::<String>], |r| r.get::<_, String>(3))
            .expect("query")
            .collect::<Result<Vec<_>, _>>()
            .expect("plan")
            .join("; ");
        assert!(plan.contains("COVERING INDEX feedback_summary"), "{plan}");
        assert!(!plan.contains("TEMP B-TREE"), "{plan}");
    }

    #[test]
    fn a_version_1_file_is_migrated_and_keeps_its_records() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("old.sqlite3");
        {
            let conn = Connection::open(&path).expect("create");
            conn.execute_batch(schema::v1_for_tests()).expect("v1");
            conn.execute_batch(
                "PRAGMA user_version = 1;
                 INSERT INTO feedback VALUES ('x', 4, NULL, '/', 'en', 'en', 0, NULL, 0,
                   '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z',
                   '2024-01-01T00:00:00.000Z');",
            )
            .expect("old row");
        }
        let db = Sqlite::open(&path).expect("migrates");
        let conn = db.writer.lock().expect("lock");
        let (version, hash): (i64, Option<Vec<u8>>) = conn
            .query_row(
                "SELECT (SELECT user_version FROM pragma_user_version), key_hash FROM feedback",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .expect("row");
        assert_eq!(version, schema::SCHEMA_VERSION);
        assert_eq!(hash, None, "an old record has no owner");
    }
}
