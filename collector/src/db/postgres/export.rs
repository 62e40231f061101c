//! The CSV export's rows, fetched through a cursor (a portal) a chunk at a time, so memory
//! stays bounded whatever the number of records, all from one snapshot.

use tokio::runtime::Handle;
use tokio_postgres::Row;

use super::read::IN_RANGE;
use super::{DbError, Postgres};
use crate::db::export::on_export_thread;
use crate::db::{DateRange, ExportError, ExportRow, ExportSink};

/// Rows fetched from the portal at once.
const CHUNK_ROWS: i32 = 500;

impl Postgres {
    /// Feeds the non-spam records in `range`, oldest first, to `sink` one at a time, from one
    /// `REPEATABLE READ` snapshot. Waits for one of the few export turns first.
    ///
    /// The sink blocks on a slow client, so the export runs on a low-priority thread of its
    /// own that fetches each chunk through the runtime and feeds it to the sink outside of it.
    pub async fn export<S>(&self, range: DateRange, sink: S) -> Result<(), ExportError>
    where
        S: ExportSink + Send + 'static,
    {
        // The connection is taken only once the turn is had, so queued downloads never hold
        // pooled connections the submissions need.
        let db = self.clone();
        let handle = Handle::current();
        on_export_thread(&self.export_permits, move || {
            let mut client = handle.block_on(db.client())?;
            export_rows(&handle, &mut client, &range, sink)
        })
        .await
    }
}

/// Runs the export through a portal on `client` and feeds every row to `sink`.
fn export_rows<S: ExportSink>(
    rt: &Handle,
    client: &mut deadpool_postgres::Object,
    range: &DateRange,
    mut sink: S,
) -> Result<(), ExportError> {
    let tx = rt
        .block_on(
            client
                .build_transaction()
                .isolation_level(tokio_postgres::IsolationLevel::RepeatableRead)
                .read_only(true)
                .start(),
        )
        .map_err(DbError::from)?;
    // A long download must not be cut by the pool's statement timeout.
    rt.block_on(tx.batch_execute("SET LOCAL statement_timeout = 0"))
        .map_err(DbError::from)?;
    let sql = format!(
        "SELECT submission_id, received_at, rating, comment, page, page_language,
                widget_language, translated, elapsed_ms
         FROM feedback WHERE {IN_RANGE} ORDER BY received_at, submission_id"
    );
    let from = range.from();
    let to = range.to();
    let portal = rt
        .block_on(tx.bind(sql.as_str(), &[&from, &to]))
        .map_err(DbError::from)?;
    loop {
        let rows = rt
            .block_on(tx.query_portal(&portal, CHUNK_ROWS))
            .map_err(DbError::from)?;
        if rows.is_empty() {
            break;
        }
        for r in &rows {
            sink.row(read_row(r)?).map_err(ExportError::Sink)?;
        }
    }
    // Read-only: nothing to commit; ending it returns the connection clean to the pool.
    rt.block_on(tx.rollback()).map_err(DbError::from)?;
    sink.end().map_err(ExportError::Sink)
}

fn read_row(r: &Row) -> Result<ExportRow, DbError> {
    Ok(ExportRow {
        submission_id: r.try_get(0)?,
        received_at: r.try_get(1)?,
        rating: i64::from(r.try_get::<_, i32>(2)?),
        comment: r.try_get(3)?,
        page: r.try_get(4)?,
        page_language: r.try_get(5)?,
        widget_language: r.try_get(6)?,
        translated: r.try_get(7)?,
        elapsed_ms: r.try_get(8)?,
    })
}
