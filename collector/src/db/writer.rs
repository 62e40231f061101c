//! Group commit: one writer thread owns the submissions' side of the write connection. Handlers
//! queue their validated submission and wait for its outcome; the writer takes everything
//! queued (up to [`MAX_BATCH`]), stores it in one `IMMEDIATE` transaction and answers every
//! handler only after that transaction's commit, so one fsync covers the whole batch and an
//! acknowledged rating is still one on disk.
//!
//! A batch in which a row fails is rolled back and its submissions are stored again one
//! transaction each, so a row the database refuses fails alone and the others are still
//! stored. A batch that cannot begin (the lock) or commit (the disk) fails every row at once:
//! each would fail the same way.

use std::sync::{Arc, Mutex};

use rusqlite::{Connection, Transaction, TransactionBehavior};
use tokio::sync::mpsc;

use super::batch::{fail_all, BatchError, Job};
use super::write::{upsert_row, Upsert};
use super::{DbError, WriteHealth};

/// Submissions stored in one transaction at most. Large enough that one fsync serves every
/// connection a busy instance has open; small enough that a batch's transaction stays short.
pub const MAX_BATCH: usize = 512;

/// Starts the writer thread on `conn` and returns the bounded queue that feeds it. The thread
/// ends once every sender is dropped and the queue is empty.
pub(super) fn spawn(
    conn: Arc<Mutex<Connection>>,
    health: Arc<WriteHealth>,
    queue: usize,
) -> Result<mpsc::Sender<Job>, DbError> {
    let (tx, rx) = mpsc::channel(queue);
    std::thread::Builder::new()
        .name("sqlite-writer".to_owned())
        .spawn(move || run(&conn, &health, rx))
        .map_err(DbError::Io)?;
    Ok(tx)
}

/// The writer loop: wait for one job, take what else is queued, store the batch.
fn run(conn: &Mutex<Connection>, health: &WriteHealth, mut rx: mpsc::Receiver<Job>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while let Some(first) = rx.blocking_recv() {
        batch.push(first);
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        // Deletions and the health probe share the connection; a panic elsewhere cannot
        // leave a transaction open (rusqlite rolls back on drop), so a poisoned lock is fine.
        let mut guard = conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let outcomes = store(&mut guard, &batch);
        drop(guard);
        // As before group commit, a failed write marks the storage unwell until one succeeds.
        health.record_write(match outcomes.iter().find_map(|o| o.as_ref().err()) {
            Some(e) => Err(e),
            None => Ok(()),
        });
        for (job, outcome) in batch.drain(..).zip(outcomes) {
            let _ = job.reply.send(outcome);
        }
    }
}

/// Stores `jobs` in one transaction, or, if a row of it fails, each in a transaction of its
/// own. Returns one outcome per job, in order.
pub(super) fn store(conn: &mut Connection, jobs: &[Job]) -> Vec<Result<Upsert, DbError>> {
    match store_batch(conn, jobs) {
        Ok(outcomes) => outcomes.into_iter().map(Ok).collect(),
        Err(BatchError::Row(_)) if jobs.len() > 1 => jobs
            .iter()
            .map(|job| match store_batch(conn, std::slice::from_ref(job)) {
                Ok(o) => o
                    .into_iter()
                    .next()
                    .ok_or_else(|| DbError::Task("a stored row had no outcome".to_owned())),
                Err(BatchError::Row(e) | BatchError::Whole(e)) => Err(e),
            })
            .collect(),
        Err(BatchError::Row(e) | BatchError::Whole(e)) => fail_all(e, jobs.len()),
    }
}

/// Stores every job in one `IMMEDIATE` transaction (the ownership check of each row and its
/// write inside it, so no other writer slips in between) and commits. Any failure rolls the
/// whole transaction back.
fn store_batch(conn: &mut Connection, jobs: &[Job]) -> Result<Vec<Upsert>, BatchError> {
    let tx: Transaction<'_> = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| BatchError::Whole(e.into()))?;
    let mut outcomes = Vec::with_capacity(jobs.len());
    for job in jobs {
        // A refused row (another key's id) changes nothing, so the others still commit.
        outcomes.push(upsert_row(&tx, &job.sub, job.received_at_ms).map_err(BatchError::Row)?);
    }
    tx.commit().map_err(|e| BatchError::Whole(e.into()))?;
    Ok(outcomes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::test_support::{assert_isolated, isolation_batch, jobs, sub};
    use crate::db::Sqlite;

    fn stored(conn: &Connection) -> Vec<String> {
        let mut stmt = conn
            .prepare("SELECT submission_id FROM feedback ORDER BY submission_id")
            .expect("prepare");
        let rows = stmt
            .query_map([], |r| r.get(0))
            .expect("query")
            .collect::<Result<Vec<String>, _>>()
            .expect("rows");
        rows
    }

    #[test]
    fn one_row_the_database_refuses_fails_alone_and_the_others_are_stored() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = Sqlite::open(&dir.path().join("f.sqlite3")).expect("open");
        let mut conn = db.writer.lock().expect("lock");
        // A test-only rule the validator knows nothing of: the database refuses this page.
        conn.execute_batch(
            "CREATE TRIGGER refuse BEFORE INSERT ON feedback WHEN NEW.page = '/refused'
             BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;",
        )
        .expect("trigger");
        let batch = isolation_batch();
        let outcomes = store(&mut conn, &batch);
        assert_isolated(&outcomes);
        assert_eq!(
            stored(&conn),
            [
                "00000000-0000-4000-8000-000000000001",
                "00000000-0000-4000-8000-000000000003"
            ]
        );
        let page: String = conn
            .query_row(
                "SELECT page FROM feedback WHERE submission_id LIKE '%3'",
                [],
                |r| r.get(0),
            )
            .expect("row 3");
        assert_eq!(page, "/b", "another key changed nothing");
    }

    #[test]
    fn a_batch_that_cannot_begin_fails_every_row_once_without_retrying_each() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("f.sqlite3");
        let db = Sqlite::open(&path).expect("open");
        let mut conn = db.writer.lock().expect("lock");
        let wait = std::time::Duration::from_millis(300);
        conn.busy_timeout(wait).expect("busy timeout");
        let other = Connection::open(&path).expect("second connection");
        other
            .execute_batch("BEGIN EXCLUSIVE")
            .expect("hold the lock");
        let started = std::time::Instant::now();
        let outcomes = store(
            &mut conn,
            &jobs(vec![sub(1, 1, "/a"), sub(2, 2, "/b"), sub(3, 3, "/c")]),
        );
        let took = started.elapsed();
        assert!(outcomes.iter().all(Result::is_err), "{outcomes:?}");
        // One wait for the lock, not one per row on top of it.
        assert!(took < wait * 3, "took {took:?}");
        other.execute_batch("COMMIT").expect("release");
        assert!(stored(&conn).is_empty());
    }

    #[test]
    fn ownership_is_checked_per_row_inside_a_batch() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = Sqlite::open(&dir.path().join("f.sqlite3")).expect("open");
        let mut conn = db.writer.lock().expect("lock");
        let outcomes = store(
            &mut conn,
            &jobs(vec![sub(1, 1, "/a"), sub(1, 2, "/b"), sub(2, 2, "/c")]),
        );
        assert!(matches!(outcomes[0], Ok(Upsert::Created)));
        assert!(matches!(outcomes[1], Ok(Upsert::NotOwner)));
        assert!(matches!(outcomes[2], Ok(Upsert::Created)));
        assert_eq!(stored(&conn).len(), 2);
    }
}
