//! Group commit seen from outside: a writer that cannot keep up fills its bounded queue, and
//! what does not fit is refused with 503 and `Retry-After` at once, never queued without end;
//! what was acknowledged is stored.
//!
//! The writer is held up for real: another connection holds SQLite's exclusive lock, so the
//! writer waits in `BEGIN IMMEDIATE` (up to its busy timeout) with its batch in hand.

mod common;

use std::num::NonZeroUsize;
use std::time::Duration;

use common::{config, db_rows, id, payload, start};
use reqwest::{header, StatusCode};

/// Requests sent while the writer is blocked; with a queue of one, most must be refused.
const REQUESTS: u32 = 40;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_write_queue_answers_503_with_retry_after_and_loses_nothing_acknowledged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut cfg = config(dir.path());
    cfg.write_queue = NonZeroUsize::MIN;
    let server = start(cfg).await;
    let first = server.post(&payload(&id(0), 5)).await;
    assert_eq!(first.status(), StatusCode::CREATED);

    let blocker = rusqlite::Connection::open(&server.db).expect("second connection");
    blocker
        .execute_batch("BEGIN EXCLUSIVE")
        .expect("hold the write lock");

    let mut pending = Vec::new();
    for n in 1..=REQUESTS {
        let client = server.client.clone();
        let url = server.url("/api/feedback");
        pending.push(tokio::spawn(async move {
            let r = client
                .post(url)
                .json(&payload(&id(n), 4))
                .send()
                .await
                .expect("request reaches the server");
            let retry_after = r.headers().get(header::RETRY_AFTER).cloned();
            (n, r.status(), retry_after)
        }));
    }
    // Refusals come back at once; the few taken by the writer wait for the lock.
    let refused_enough = common::eventually(Duration::from_secs(4), || {
        pending.iter().filter(|h| h.is_finished()).count() >= (REQUESTS as usize) / 2
    })
    .await;
    blocker.execute_batch("COMMIT").expect("release the lock");
    assert!(
        refused_enough,
        "a blocked writer must not hold up the refusals"
    );

    let mut acknowledged = vec![id(0)];
    let mut refused = 0;
    for h in pending {
        let (n, status, retry_after) = h.await.expect("request task");
        match status {
            StatusCode::CREATED => acknowledged.push(id(n)),
            StatusCode::SERVICE_UNAVAILABLE => {
                refused += 1;
                assert_eq!(
                    retry_after.as_ref().and_then(|v| v.to_str().ok()),
                    Some("1"),
                    "503 carries Retry-After"
                );
            }
            other => panic!("request {n}: unexpected {other}"),
        }
    }
    assert!(refused >= REQUESTS / 2, "only {refused} refused");
    let mut stored: Vec<String> = db_rows(&server.db).into_iter().map(|r| r.0).collect();
    stored.sort();
    acknowledged.sort();
    assert_eq!(stored, acknowledged, "stored exactly what was acknowledged");

    // Once the writer is free again, a refused submission goes through on retry.
    let retry = server.post(&payload(&id(REQUESTS), 4)).await;
    assert!(retry.status().is_success(), "{}", retry.status());
    server.stop().await;
}
