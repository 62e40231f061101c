//! The PostgreSQL backend against a real server (`FW_TEST_DATABASE_URL`; each test makes its
//! own database): the API's semantics as on SQLite, two collector processes sharing one
//! database, and `kill -9` in the middle of a burst.
//!
//! Without the variable every test here prints "skipped: FW_TEST_DATABASE_URL not set" and
//! passes, except under `CI=true`, where it fails.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsString;
use std::time::{Duration, Instant};

use common::binary::{client, free_port, Collector, Launch};
use common::burst::{expected, Burst};
use common::{admin, config, json_body, payload, pg, start, KEY, OTHER_KEY};
use feedwidgets_collector::config::DatabaseUrl;
use reqwest::StatusCode;
use serde_json::{json, Value};
use tempfile::TempDir;

fn launch_on(url: &str) -> Launch {
    Launch {
        args: vec![OsString::from("--database-url"), OsString::from(url)],
        ..Launch::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_keeps_its_semantics_on_postgres() {
    let Some(url) = pg::fresh_database("api_semantics").await else {
        return;
    };
    let dir = TempDir::new().expect("temp dir");
    let mut cfg = config(dir.path());
    cfg.database_url = Some(DatabaseUrl(url.clone()));
    let server = start(cfg).await;
    let a = common::id(1);

    // First 201, repeat 200 (comment kept when absent), another key 409 and no change.
    let mut first = payload(&a, 5);
    first["comment"] = json!("Très bien");
    assert_eq!(server.post(&first).await.status(), StatusCode::CREATED);
    assert_eq!(server.post(&payload(&a, 4)).await.status(), StatusCode::OK);
    let mut other = payload(&a, 1);
    other["submission_key"] = json!(OTHER_KEY);
    let r = server.post(&other).await;
    common::assert_error(r, StatusCode::CONFLICT, "submission_conflict", None).await;

    // Spam: the same answer as a genuine rating, stored but never counted.
    let mut spam = payload(&common::id(2), 1);
    spam["honeypot"] = json!("http://spam.example");
    let r = server.post(&spam).await;
    assert_eq!(r.status(), StatusCode::CREATED);
    assert_eq!(json_body(r).await["status"], "accepted");
    let mut spam_other = spam.clone();
    spam_other["submission_key"] = json!(OTHER_KEY);
    assert_eq!(
        server.post(&spam_other).await.status(),
        StatusCode::CONFLICT
    );

    let summary = server.summary().await;
    assert_eq!(summary["overall"]["n"], 1, "{summary}");
    assert_eq!(summary["overall"]["counts"], json!([0, 0, 0, 1, 0]));
    let csv = server.csv().await;
    assert_eq!(csv.lines().count(), 2, "{csv}");
    assert!(csv.contains(&a) && csv.contains("Très bien"), "{csv}");
    assert!(!csv.contains(KEY));
    let report = server.admin_get("/report").await;
    assert_eq!(report.status(), StatusCode::OK);
    assert!(report.text().await.expect("report").contains("Très bien"));
    let health: Value = json_body(server.get("/healthz").await).await;
    assert_eq!(
        health,
        json!({"status": "ok"}),
        "nothing about what is stored"
    );

    // Delete: 204, then 404.
    let del = |id: String| {
        admin(
            server
                .client
                .delete(server.url(&format!("/api/feedback/{id}"))),
        )
    };
    assert_eq!(
        del(a.clone()).send().await.expect("delete").status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        del(a.clone()).send().await.expect("delete").status(),
        StatusCode::NOT_FOUND
    );
    server.stop().await;

    // Retention: a record from long ago is swept at start, a recent one stays.
    let db = pg::connect(&url).await;
    db.execute(
        "UPDATE feedback SET received_at = '2020-01-01T00:00:00.000Z' WHERE submission_id = $1",
        &[&common::id(2)],
    )
    .await
    .expect("age a record");
    let mut cfg = config(dir.path());
    cfg.database_url = Some(DatabaseUrl(url.clone()));
    cfg.retention_days = std::num::NonZeroU32::new(30);
    // The sweep runs in the background once the server has started: wait for it while the
    // server runs.
    let server = start(cfg).await;
    let recent = server.post(&payload(&common::id(3), 3)).await.status();
    assert_eq!(recent, StatusCode::CREATED);
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let (rows, _) = pg::records(&url).await;
        if !rows.contains_key(&common::id(2)) {
            assert!(rows.contains_key(&common::id(3)), "the recent one stays");
            break;
        }
        assert!(Instant::now() < deadline, "the old record was not swept");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    server.stop().await;
}

/// Two processes on one database, every id sent to both at once: each is stored once, one
/// of the two answers is the 201 and the other a 200.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_receiving_the_same_ids_at_once_store_each_once() {
    const IDS: usize = 150;
    let Some(url) = pg::fresh_database("two_instances").await else {
        return;
    };
    let dir = TempDir::new().expect("temp dir");
    let db = dir.path().join("unused.sqlite3");
    let one = Collector::start_with(dir.path(), &db, free_port(), 1, &launch_on(&url)).await;
    let two = Collector::start_with(dir.path(), &db, free_port(), 2, &launch_on(&url)).await;
    let http = client();
    let mut tasks = Vec::new();
    for n in 0..IDS {
        for target in [one.url("/api/feedback"), two.url("/api/feedback")] {
            let http = http.clone();
            tasks.push(tokio::spawn(async move {
                let r = http
                    .post(target)
                    .json(&common::burst::payload(n))
                    .send()
                    .await
                    .expect("request");
                (n, r.status())
            }));
        }
    }
    let mut created: BTreeMap<usize, usize> = BTreeMap::new();
    for t in tasks {
        let (n, status) = t.await.expect("task");
        assert!(
            status == StatusCode::CREATED || status == StatusCode::OK,
            "{n}: {status}"
        );
        if status == StatusCode::CREATED {
            *created.entry(n).or_default() += 1;
        }
    }
    assert_eq!(created.len(), IDS, "every id was created by one of the two");
    assert!(
        created.values().all(|c| *c == 1),
        "created twice: {created:?}"
    );
    let (rows, total) = pg::records(&url).await;
    assert_eq!(total, IDS);
    assert_eq!(rows, expected(IDS));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_mid_burst_loses_and_duplicates_nothing_on_postgres() {
    const SUBMISSIONS: usize = 200;
    const CLIENTS: usize = 8;
    let Some(url) = pg::fresh_database("kill_9").await else {
        return;
    };
    let dir = TempDir::new().expect("temp dir");
    let db = dir.path().join("unused.sqlite3");
    let addr = free_port();
    let launch = launch_on(&url);
    let mut first = Collector::start_with(dir.path(), &db, addr, 1, &launch).await;
    let burst = Burst::start(&format!("http://{addr}"), SUBMISSIONS, CLIENTS);
    burst.wait_for_acks(SUBMISSIONS / 3).await;
    let status = first.kill_9();
    assert!(!status.success(), "killed, not exited: {status}");
    let acked: BTreeSet<String> = burst.seen().into_keys().collect();
    assert!(acked.len() < SUBMISSIONS, "the kill must land mid-burst");
    let (stored, _) = pg::records(&url).await;
    for sid in &acked {
        assert!(
            stored.contains_key(sid),
            "{sid} acknowledged but not stored after kill -9"
        );
    }
    let _second = Collector::start_with(dir.path(), &db, addr, 2, &launch).await;
    let seen = burst.finish(Duration::from_secs(20)).await;
    assert_eq!(seen.len(), SUBMISSIONS);
    let (rows, total) = pg::records(&url).await;
    assert_eq!(total, SUBMISSIONS, "no duplicate rows");
    assert_eq!(rows, expected(SUBMISSIONS));
}
