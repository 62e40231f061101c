//! Durability against the real binary: `kill -9` in the middle of a burst of submissions and a
//! graceful SIGTERM with a request in flight. Everything runs on 127.0.0.1 with a SQLite file
//! in a temp dir; each test is bounded (a few seconds, hard limits below).
//!
//! What `kill -9` proves: the record is committed (in the WAL) before the 2xx leaves, so the
//! process can die at any point after the answer without losing it, and the idempotency key
//! keeps client retries across the restart from creating duplicates. It does not simulate a
//! power cut (the page cache survives a killed process); that part rests on
//! `synchronous=FULL`, which `restart_keeps_data` and `Db::open` check. Each submission
//! carries its own `submission_key`; the keys' hashes must survive the kill with the records.

#![cfg(unix)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::binary::{client, free_port, Collector};
use common::burst::{expected, id, key, payload, rating, Burst, Records};
use common::{admin, OTHER_KEY};
use reqwest::StatusCode;
use serde_json::{json, Value};
use tempfile::TempDir;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const SUBMISSIONS: usize = 200;
const CLIENTS: usize = 8;
/// The kill happens once this many submissions have been acknowledged.
const KILL_AFTER_ACKS: usize = 70;

/// The records straight from the SQLite file and their count, after the integrity check.
fn db_records(db: &Path) -> (Records, usize) {
    let conn = rusqlite::Connection::open(db).expect("open db");
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    assert_eq!(integrity, "ok");
    let total: i64 = conn
        .query_row("SELECT COUNT(*) FROM feedback", [], |r| r.get(0))
        .expect("count");
    let mut stmt = conn
        .prepare("SELECT submission_id, rating, key_hash FROM feedback")
        .expect("prepare");
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, (r.get(1)?, r.get(2)?))))
        .expect("query")
        .collect::<Result<BTreeMap<_, _>, _>>()
        .expect("rows");
    (rows, usize::try_from(total).expect("count"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_mid_burst_loses_and_duplicates_nothing() {
    let started = Instant::now();
    let dir = TempDir::new().expect("temp dir");
    let db: PathBuf = dir.path().join("feedback.sqlite3");
    let addr = free_port();
    let mut first = Collector::start(dir.path(), &db, addr, 1).await;

    let burst = Burst::start(&format!("http://{addr}"), SUBMISSIONS, CLIENTS);
    // Kill -9 once part of the burst is acknowledged, with every client still sending.
    burst.wait_for_acks(KILL_AFTER_ACKS).await;
    let status = first.kill_9();
    assert!(!status.success(), "killed, not exited: {status}");
    // Every answer the clients hold now came from the dead process.
    let acked_before_kill: BTreeMap<String, u16> = burst.seen();
    assert!(
        acked_before_kill.len() < SUBMISSIONS,
        "the kill must land mid-burst"
    );

    // Acknowledged means on disk: read the file the dead process left, before any restart.
    let (on_disk, _) = db_records(&db);
    for sid in acked_before_kill.keys() {
        assert!(
            on_disk.contains_key(sid),
            "{sid} was acknowledged but is not in the database after kill -9"
        );
    }

    // Stay down for a moment so retries really hit a dead port, then restart on the same
    // database and port.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let failures_while_down = burst.failures();
    assert!(failures_while_down > 0, "the clients never saw the outage");
    let second = Collector::start(dir.path(), &db, addr, 2).await;

    let failures_in_all = burst.failures();
    let seen = burst.finish(Duration::from_secs(20)).await;

    // Every submission was acknowledged exactly once (first time 201, or 200 when the lost
    // answer was for a request that had committed before the kill).
    let all: BTreeSet<String> = (0..SUBMISSIONS).map(id).collect();
    assert_eq!(seen.keys().cloned().collect::<BTreeSet<_>>(), all);
    assert!(seen.values().all(|s| *s == 201 || *s == 200), "{seen:?}");
    let repeats = seen.values().filter(|s| **s == 200).count();

    // The API: summary counts and CSV ids.
    let http = client();
    let summary: Value = admin(http.get(second.url("/api/feedback/summary")))
        .send()
        .await
        .expect("summary")
        .json()
        .await
        .expect("summary JSON");
    let each = SUBMISSIONS as u64 / 5;
    assert_eq!(summary["overall"]["n"], SUBMISSIONS as u64);
    assert_eq!(
        summary["overall"]["counts"],
        json!([each, each, each, each, each])
    );
    let csv = admin(http.get(second.url("/api/feedback.csv")))
        .send()
        .await
        .expect("csv")
        .text()
        .await
        .expect("csv text");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let csv_ids: Vec<String> = reader
        .records()
        .map(|r| r.expect("CSV record")[0].to_owned())
        .collect();
    assert_eq!(csv_ids.len(), SUBMISSIONS, "one CSV row per submission");
    let csv_set: BTreeSet<String> = csv_ids.into_iter().collect();
    assert_eq!(csv_set, all, "no id missing or duplicated in the CSV");
    assert!(
        !csv.contains(&key(7)),
        "keys are never exported (nor their hashes, which are not in the header)"
    );

    // The keys survived the kill too: another sender still cannot amend a record.
    let mut stolen = payload(7);
    stolen["submission_key"] = json!(OTHER_KEY);
    stolen["rating"] = json!(1);
    let r = http
        .post(second.url("/api/feedback"))
        .json(&stolen)
        .send()
        .await
        .expect("replay");
    assert_eq!(r.status(), StatusCode::CONFLICT);

    // The file: every id exactly once, with its rating and the hash of its own key.
    drop(second);
    let (on_disk, total) = db_records(&db);
    assert_eq!(total, SUBMISSIONS, "no duplicate rows");
    assert_eq!(on_disk, expected(SUBMISSIONS));

    eprintln!(
        "kill -9 after {} of {SUBMISSIONS} acknowledged; {failures_while_down} failed attempts \
         while down, {} in all; {repeats} ids acknowledged as repeats after the restart; {:?}",
        acked_before_kill.len(),
        failures_in_all,
        started.elapsed()
    );
    assert!(started.elapsed() < Duration::from_secs(15), "too slow");
}

#[tokio::test]
async fn sigterm_lets_an_in_flight_submission_finish() {
    let dir = TempDir::new().expect("temp dir");
    let db = dir.path().join("feedback.sqlite3");
    let addr = free_port();
    let mut collector = Collector::start(dir.path(), &db, addr, 1).await;

    // A request whose body is only half sent: the handler is running when SIGTERM arrives.
    let body = payload(1).to_string();
    let (head, tail) = body.split_at(body.len() / 2);
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    let request = format!(
        "POST /api/feedback HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n{head}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.expect("write");
    // Time for the collector to accept the connection and start the handler, even on a busy
    // machine.
    tokio::time::sleep(Duration::from_millis(500)).await;

    let pid = collector.child.id().to_string();
    let kill = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("run kill");
    assert!(kill.success());
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        collector.child.try_wait().expect("try_wait").is_none(),
        "the collector must wait for the in-flight request"
    );
    assert!(
        TcpStream::connect(addr).await.is_err(),
        "no new connections once shutting down"
    );

    stream.write_all(tail.as_bytes()).await.expect("write rest");
    let mut response = String::new();
    tokio::time::timeout(Duration::from_secs(5), stream.read_to_string(&mut response))
        .await
        .expect("response in time")
        .expect("read");
    assert!(response.starts_with("HTTP/1.1 201"), "{response}");

    let status = collector
        .wait_exit(Duration::from_secs(5))
        .await
        .expect("the collector exits after the request");
    assert!(status.success(), "clean exit: {status}");
    let (on_disk, total) = db_records(&db);
    assert_eq!(total, 1);
    assert_eq!(on_disk.get(&id(1)).map(|r| r.0), Some(rating(1)));
}
