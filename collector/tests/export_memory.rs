//! The CSV export streams: 50,000 records (about 35 MB of CSV) leave the real binary's peak
//! resident memory (`VmHWM` in `/proc/PID/status`) within a small bound, far below the size
//! of the export, and every record arrives once.

#![cfg(target_os = "linux")]

mod common;

use std::time::{Duration, Instant};

use reqwest::StatusCode;

use common::admin;
use common::binary::{free_port, Collector};

const RECORDS: usize = 50_000;
/// Growth of the peak resident set allowed during the export.
const MAX_GROWTH_KB: u64 = 12 * 1024;

/// Writes `RECORDS` ratings with 600-character comments straight into a fresh database.
fn seed(db: &std::path::Path) {
    feedwidgets_collector::db::Db::open(db).expect("create the schema");
    let mut conn = rusqlite::Connection::open(db).expect("open");
    let tx = conn.transaction().expect("transaction");
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO feedback (submission_id, key_hash, rating, comment, page,
                   page_language, widget_language, translated, elapsed_ms, spam, received_at,
                   created_at, updated_at)
                 VALUES (?1, zeroblob(32), ?2, ?3, '/news/item', 'fr', 'fr', 0, 1000, 0,
                   ?4, ?4, ?4)",
            )
            .expect("prepare");
        for n in 0..RECORDS {
            let comment = format!("{n:06} said: ; \t {}", "très bien, ".repeat(54));
            let at = format!("2026-01-01T00:00:{:02}.{:03}Z", n / 1000 % 60, n % 1000);
            insert
                .execute(rusqlite::params![
                    format!("5eed0000-0000-4000-8000-{n:012x}"),
                    (n % 5 + 1) as i64,
                    comment,
                    at
                ])
                .expect("insert");
        }
    }
    tx.commit().expect("commit");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_50000_row_export_streams_with_bounded_memory() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("feedback.sqlite3");
    seed(&db);
    let c = Collector::start(dir.path(), &db, free_port(), 1).await;
    let http = reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(120))
        .build()
        .expect("client");
    // Warm up the paths the export shares with other reads.
    let r = admin(http.get(c.url("/api/feedback/summary")))
        .send()
        .await
        .expect("summary");
    assert_eq!(r.status(), StatusCode::OK);
    let before = c.proc_status_kb("VmHWM");

    let started = Instant::now();
    let mut r = admin(http.get(c.url("/api/feedback.csv")))
        .send()
        .await
        .expect("csv");
    assert_eq!(r.status(), StatusCode::OK);
    let mut body = Vec::new();
    while let Some(chunk) = r.chunk().await.expect("chunk") {
        body.extend_from_slice(&chunk);
    }
    let after = c.proc_status_kb("VmHWM");
    let mut reader = csv::Reader::from_reader(body.as_slice());
    let mut rows = 0;
    for record in reader.records() {
        let record = record.expect("valid CSV");
        assert_eq!(record.len(), 9);
        rows += 1;
    }
    eprintln!(
        "export: {rows} records, {} KB of CSV in {:?}; peak RSS {before} KB before, {after} KB after",
        body.len() / 1024,
        started.elapsed()
    );
    assert_eq!(rows, RECORDS);
    assert!(
        body.len() as u64 / 1024 > 2 * MAX_GROWTH_KB,
        "the export is much larger than the bound"
    );
    assert!(
        after.saturating_sub(before) <= MAX_GROWTH_KB,
        "peak RSS grew by {} KB (bound {MAX_GROWTH_KB} KB)",
        after.saturating_sub(before)
    );
}
