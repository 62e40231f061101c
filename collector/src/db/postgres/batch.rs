//! Group commit on PostgreSQL: one writer task takes every queued submission (up to
//! [`MAX_BATCH`]), sends their upserts pipelined inside one transaction on one pooled
//! connection, and answers each handler after the commit, so a batch costs one round trip and
//! one WAL flush instead of one per rating.
//!
//! A batch is ordered by `submission_id` before it is sent: two instances whose batches share
//! ids then lock those rows in the same order and cannot deadlock. A batch in which a row
//! fails is rolled back and each of its submissions is stored again as a statement of its
//! own, so one refused row fails alone; one that cannot begin or commit fails every row.

use std::sync::Arc;
use std::time::Duration;

use deadpool_postgres::{Object, Pool};
use futures_util::future::join_all;
use tokio::sync::mpsc;

use super::write::{upsert_on, UPSERT};
use super::DbError;
use crate::db::batch::{fail_all, BatchError, Job};
use crate::db::{Upsert, WriteHealth};

/// Submissions stored in one transaction at most.
pub const MAX_BATCH: usize = 256;
/// Longest a batch may take, connection included; longer ones answer 5xx (the transaction is
/// rolled back when it is dropped, and the widget retries with the same id). Above the pool's
/// wait and the server's statement timeout, so those report first.
pub const BATCH_TIMEOUT: Duration = Duration::from_secs(15);

/// Starts the writer task and returns its bounded queue. The task ends once every sender is
/// dropped and the queue is empty.
pub(super) fn spawn(pool: Pool, health: Arc<WriteHealth>, queue: usize) -> mpsc::Sender<Job> {
    let (tx, rx) = mpsc::channel(queue);
    tokio::spawn(run(pool, health, rx));
    tx
}

async fn run(pool: Pool, health: Arc<WriteHealth>, mut rx: mpsc::Receiver<Job>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while let Some(first) = rx.recv().await {
        batch.push(first);
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        // Stable: one id sent twice keeps its order inside the batch.
        batch.sort_by(|a, b| a.sub.submission_id.cmp(&b.sub.submission_id));
        // A server that stops answering (not down: gone silent) must not hold the writer, and
        // with it every submission, for as long as TCP takes to notice.
        let outcomes = match tokio::time::timeout(BATCH_TIMEOUT, store(&pool, &batch)).await {
            Ok(outcomes) => outcomes,
            Err(_) => batch
                .iter()
                .map(|_| Err(DbError::Task("the batch timed out".to_owned())))
                .collect(),
        };
        health.record_write(match outcomes.iter().find_map(|o| o.as_ref().err()) {
            Some(e) => Err(e),
            None => Ok(()),
        });
        for (job, outcome) in batch.drain(..).zip(outcomes) {
            let _ = job.reply.send(outcome);
        }
    }
}

/// One outcome per job, in order: the batch in one transaction, or each job on its own.
async fn store(pool: &Pool, jobs: &[Job]) -> Vec<Result<Upsert, DbError>> {
    let mut client = match pool.get().await {
        Ok(c) => c,
        Err(e) => {
            let why = e.to_string();
            return jobs
                .iter()
                .map(|_| Err(DbError::Pool(why.clone())))
                .collect();
        }
    };
    match store_batch(&mut client, jobs).await {
        Ok(outcomes) => outcomes.into_iter().map(Ok).collect(),
        Err(BatchError::Row(_)) if jobs.len() > 1 => {
            let mut outcomes = Vec::with_capacity(jobs.len());
            for job in jobs {
                outcomes.push(upsert_on(&client, &job.sub, job.received_at_ms).await);
            }
            outcomes
        }
        Err(BatchError::Row(e) | BatchError::Whole(e)) => fail_all(e, jobs.len()),
    }
}

/// Every job's upsert, pipelined in one transaction, then the commit; any failure rolls the
/// whole transaction back (dropping it unfinished does).
async fn store_batch(client: &mut Object, jobs: &[Job]) -> Result<Vec<Upsert>, BatchError> {
    let whole = |e: tokio_postgres::Error| BatchError::Whole(e.into());
    let tx = client.transaction().await.map_err(whole)?;
    let stmt = tx.prepare_cached(&UPSERT).await.map_err(whole)?;
    let results = join_all(
        jobs.iter()
            .map(|job| super::write::upsert_with(&tx, &stmt, &job.sub, job.received_at_ms)),
    )
    .await;
    let outcomes = results
        .into_iter()
        .collect::<Result<Vec<_>, _>>()
        .map_err(BatchError::Row)?;
    tx.commit().await.map_err(whole)?;
    Ok(outcomes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::postgres::Postgres;
    use crate::db::test_support::{assert_isolated, isolation_batch};

    /// A fresh database on the test server, or `None` (skipped) when there is none.
    async fn test_database() -> Option<String> {
        let Ok(url) = std::env::var("FW_TEST_DATABASE_URL") else {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "FW_TEST_DATABASE_URL is not set, and CI must run the PostgreSQL tests"
            );
            use std::io::Write as _;
            let _ = writeln!(
                std::io::stderr(),
                "batch: skipped: FW_TEST_DATABASE_URL not set"
            );
            return None;
        };
        let (admin, conn) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
            .await
            .expect("connect");
        tokio::spawn(conn);
        let name = format!("fw_batch_unit_{}", std::process::id());
        for sql in [
            format!("DROP DATABASE IF EXISTS {name}"),
            format!("CREATE DATABASE {name}"),
        ] {
            admin
                .batch_execute(&sql)
                .await
                .expect("create the database");
        }
        let (base, _) = url.rsplit_once('/').expect("a URL with a database name");
        Some(format!("{base}/{name}"))
    }

    #[tokio::test]
    async fn one_row_the_database_refuses_fails_alone_and_the_others_are_stored() {
        let Some(url) = test_database().await else {
            return;
        };
        let db = Postgres::open(&url, 16).await.expect("open");
        let client = db.client().await.expect("client");
        // A test-only rule the validator knows nothing of: the database refuses this page.
        client
            .batch_execute(
                "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS
                   $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
                 CREATE TRIGGER refuse BEFORE INSERT ON feedback FOR EACH ROW
                   WHEN (NEW.page = '/refused') EXECUTE FUNCTION refuse();",
            )
            .await
            .expect("trigger");
        let batch = isolation_batch();
        let outcomes = store(&db.pool, &batch).await;
        assert_isolated(&outcomes);
        let rows = client
            .query("SELECT submission_id, page FROM feedback ORDER BY 1", &[])
            .await
            .expect("rows");
        let rows: Vec<(String, String)> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
        assert_eq!(
            rows,
            [
                (
                    "00000000-0000-4000-8000-000000000001".to_owned(),
                    "/a-again".to_owned()
                ),
                (
                    "00000000-0000-4000-8000-000000000003".to_owned(),
                    "/b".to_owned()
                ),
            ]
        );
    }
}
