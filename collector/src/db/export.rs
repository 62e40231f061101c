//! The CSV export's rows, read one at a time from a read-only connection of its own.

use std::path::Path;
use std::sync::Arc;

use rusqlite::{params, Row};
use tokio::sync::Semaphore;

use super::{open_reader, DateRange, DbError, Sqlite};

/// One non-spam record as exported to CSV. The key hash is never read for an export.
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

/// Why an export stopped early.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// The sink refused a row (the client went away).
    #[error("export sink: {0}")]
    Sink(std::io::Error),
}

/// Where exported rows go, called on the blocking pool (so it may block on a full pipe).
pub trait ExportSink {
    /// Takes one row, in order.
    fn row(&mut self, row: ExportRow) -> std::io::Result<()>;
    /// Called once after the last row.
    fn end(&mut self) -> std::io::Result<()>;
}

impl Sqlite {
    /// Feeds the non-spam records in `range`, oldest first, to `sink` one at a time, from one
    /// snapshot of the database. Waits for one of the few export turns first; the turn is
    /// held until the last row.
    ///
    /// The export runs on a thread of its own at the lowest CPU priority: a download is
    /// background work, and on a small machine a few of them would otherwise take the cores
    /// the submissions need. The thread ends with the export, so the priority never leaks
    /// into the blocking pool that runs the writes.
    pub async fn export<S>(&self, range: DateRange, sink: S) -> Result<(), ExportError>
    where
        S: ExportSink + Send + 'static,
    {
        let path = Arc::clone(&self.path);
        on_export_thread(&self.export_permits, move || {
            export_rows(&path, &range, sink)
        })
        .await
    }
}

/// Waits for an export turn from `permits`, then runs `export` on a thread of its own at the
/// lowest CPU priority, holding the turn until it returns.
pub(super) async fn on_export_thread<F>(
    permits: &Arc<Semaphore>,
    export: F,
) -> Result<(), ExportError>
where
    F: FnOnce() -> Result<(), ExportError> + Send + 'static,
{
    let permit = Arc::clone(permits)
        .acquire_owned()
        .await
        .map_err(|e| DbError::Task(e.to_string()))?;
    let (done, result) = tokio::sync::oneshot::channel();
    std::thread::Builder::new()
        .name("csv-export".to_owned())
        .spawn(move || {
            let _permit = permit;
            background_priority();
            let _ = done.send(export());
        })
        .map_err(DbError::Io)?;
    result
        .await
        .map_err(|_| DbError::Task("the export thread ended early".to_owned()))?
}

/// Runs the export query and feeds every row to `sink`.
fn export_rows<S: ExportSink>(
    path: &Path,
    range: &DateRange,
    mut sink: S,
) -> Result<(), ExportError> {
    let conn = open_reader(path)?;
    let mut stmt = conn
        .prepare(
            "SELECT submission_id, received_at, rating, comment, page, page_language,
                    widget_language, translated, elapsed_ms
             FROM feedback WHERE spam = 0 AND (?1 IS NULL OR received_at >= ?1)
               AND (?2 IS NULL OR received_at < date(?2, '+1 day'))
             ORDER BY received_at, submission_id",
        )
        .map_err(DbError::from)?;
    let mut rows = stmt
        .query(params![range.from(), range.to()])
        .map_err(DbError::from)?;
    while let Some(r) = rows.next().map_err(DbError::from)? {
        sink.row(read_row(r).map_err(DbError::from)?)
            .map_err(ExportError::Sink)?;
    }
    sink.end().map_err(ExportError::Sink)
}

/// Lowers the calling thread's CPU priority to the minimum (nice 19). On Linux the nice value
/// belongs to the thread, not the process. Best effort: if it fails, the export still runs.
fn background_priority() {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: setpriority only reads its integer arguments; `who = 0` is the calling
        // thread, and lowering one's own priority needs no privilege.
        let _ = unsafe { libc::setpriority(libc::PRIO_PROCESS, 0, 19) };
    }
}

fn read_row(r: &Row<'_>) -> rusqlite::Result<ExportRow> {
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
}
