//! `/healthz` tells the truth about the storage: the real binary under a file-size limit
//! (`prlimit --fsize`, SIGXFSZ ignored so writes fail with EFBIG as on a full disk) answers
//! 200 while it can write and 503 with the reason once writes fail. A real fault, no mocks.

#![cfg(target_os = "linux")]

mod common;

use std::ffi::OsString;

use reqwest::StatusCode;
use serde_json::{json, Value};

use common::binary::{client, free_port, Collector, Launch};
use common::{id, payload};

/// Bytes any file of the collector may reach: enough for the schema and a few commits of the
/// WAL, far from enough for the ratings the test sends.
const FILE_SIZE_LIMIT: u64 = 256 * 1024;

#[tokio::test]
async fn healthz_is_503_with_the_reason_when_writes_fail() {
    if std::process::Command::new("prlimit")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: prlimit (util-linux) is not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("feedback.sqlite3");
    let launch = Launch {
        args: Vec::new(),
        env: Vec::new(),
        wrapper: [
            "sh",
            "-c",
            &format!("trap '' XFSZ; exec prlimit --fsize={FILE_SIZE_LIMIT} -- \"$@\""),
            "sh",
        ]
        .iter()
        .map(OsString::from)
        .collect(),
    };
    let c = Collector::start_with(dir.path(), &db, free_port(), 1, &launch).await;
    let http = client();
    let health: Value = http
        .get(c.url("/healthz"))
        .send()
        .await
        .expect("healthz")
        .json()
        .await
        .expect("json");
    assert_eq!(health["status"], "ok");
    assert_eq!(
        health.as_object().map(|fields| fields.len()),
        Some(1),
        "an open endpoint says nothing about what is stored: {health}"
    );

    // Fill the file-size budget with ratings until one is refused.
    let mut refused = None;
    for n in 1..=2000 {
        let mut p = payload(&id(n), 4);
        p["comment"] = json!(format!("{n} {}", "x".repeat(900)));
        let r = http
            .post(c.url("/api/feedback"))
            .json(&p)
            .send()
            .await
            .expect("post");
        if !r.status().is_success() {
            refused = Some((n, r.status(), r.json::<Value>().await.expect("json")));
            break;
        }
    }
    let (n, status, body) = refused.expect("the file-size limit stops the writes");
    assert_eq!(
        status,
        StatusCode::INTERNAL_SERVER_ERROR,
        "retryable: {body}"
    );
    assert_eq!(body["error"], "storage_error");
    assert!(n > 1, "some ratings fitted first");

    let r = http.get(c.url("/healthz")).send().await.expect("healthz");
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    let health: Value = r.json().await.expect("json");
    assert_eq!(health["status"], "unavailable");
    let reason = health["reason"].as_str().unwrap_or_default();
    assert!(reason.starts_with("the storage cannot write"), "{reason}");

    assert!(reason.contains("the last write failed"), "{reason}");

    // It stays so: a small probe write may still fit where a rating does not, so only a
    // rating that is stored again clears it.
    for _ in 0..3 {
        let r = http.get(c.url("/healthz")).send().await.expect("healthz");
        assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    }
    let log = std::fs::read_to_string(dir.path().join("collector-1.log")).unwrap_or_default();
    assert!(
        log.matches("storage failure").count() <= 1,
        "storage failures are logged in aggregate: {log}"
    );
}
