//! The PostgreSQL server itself stopped as a crash would (`pg_ctl stop -m immediate`) in the
//! middle of a burst, then started again: submissions get 5xx while it is down (so the widget
//! keeps them), `/healthz` says so, and after the restart every submission is stored once,
//! nothing acknowledged lost.
//!
//! A file of its own because it stops the shared test server, which the other suites'
//! tests (run in parallel within their binary) must not see; cargo runs test binaries one
//! after the other. Needs `FW_TEST_DATABASE_URL` and `FW_TEST_PG_DIR` (the cluster directory
//! `scripts/postgres.sh` manages); skipped without them, failed without them under `CI=true`.

mod common;

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::binary::{client, free_port, Collector, Launch};
use common::burst::{expected, Burst};
use common::pg;
use reqwest::StatusCode;

const SUBMISSIONS: usize = 200;
const CLIENTS: usize = 8;

fn postgres_sh(command: &str, dir: &Path) {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../scripts/postgres.sh");
    let status = Command::new("bash")
        .arg(script)
        .arg(command)
        .arg(dir)
        .status()
        .expect("run scripts/postgres.sh");
    assert!(status.success(), "scripts/postgres.sh {command} failed");
}

/// The cluster directory, or `None` after saying why the test is skipped.
fn cluster_dir() -> Option<PathBuf> {
    match std::env::var_os(pg::DIR_ENV) {
        Some(d) if !d.is_empty() => Some(PathBuf::from(d)),
        _ => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "{} is not set, and CI must run this test",
                pg::DIR_ENV
            );
            pg::skipped(&format!(
                "postgres_outage: skipped: {} not set",
                pg::DIR_ENV
            ));
            None
        }
    }
}

async fn health(addr: std::net::SocketAddr) -> Option<StatusCode> {
    client()
        .get(format!("http://{addr}/healthz"))
        .send()
        .await
        .ok()
        .map(|r| r.status())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_database_server_crashing_mid_burst_loses_nothing_acknowledged() {
    let Some(url) = pg::fresh_database("outage").await else {
        return;
    };
    let Some(cluster) = cluster_dir() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let addr = free_port();
    let launch = Launch {
        args: vec![OsString::from("--database-url"), OsString::from(&url)],
        ..Launch::default()
    };
    let db = dir.path().join("unused.sqlite3");
    let _collector = Collector::start_with(dir.path(), &db, addr, 1, &launch).await;

    let burst = Burst::start(&format!("http://{addr}"), SUBMISSIONS, CLIENTS);
    burst.wait_for_acks(SUBMISSIONS / 3).await;
    postgres_sh("crash", &cluster);
    let acked_before: BTreeSet<String> = burst.seen().into_keys().collect();

    // While the server is down: refusals (the outbox accepts only 5xx or 429 as failures),
    // no acknowledgement, and an unhealthy /healthz.
    let failures_at_crash = burst.failures();
    let down_seen = common::eventually(Duration::from_secs(5), || {
        burst.failures() >= failures_at_crash + CLIENTS
    })
    .await;
    let acks_while_down = burst.acks();
    let health_down = health(addr).await;
    postgres_sh("restart", &cluster);
    assert!(down_seen, "the clients never saw the outage");
    assert_eq!(health_down, Some(StatusCode::SERVICE_UNAVAILABLE));
    assert!(
        acks_while_down < SUBMISSIONS,
        "the crash must land mid-burst"
    );

    let failures_in_all = burst.failures();
    let seen = burst.finish(Duration::from_secs(30)).await;
    assert_eq!(
        seen.len(),
        SUBMISSIONS,
        "every submission acknowledged after the restart"
    );
    let (rows, total) = pg::records(&url).await;
    for sid in &acked_before {
        assert!(
            rows.contains_key(sid),
            "{sid} acknowledged before the crash but lost"
        );
    }
    assert_eq!(total, SUBMISSIONS, "no duplicate rows");
    assert_eq!(rows, expected(SUBMISSIONS));
    let recovered = health(addr).await;
    assert_eq!(
        recovered,
        Some(StatusCode::OK),
        "healthy again after writes succeed"
    );
    eprintln!(
        "server crashed after {} acknowledged; {} failed attempts in all",
        acked_before.len(),
        failures_in_all
    );
}
