//! Durability against the real binary: `kill -9` in the middle of a burst of submissions and a
//! graceful SIGTERM with a request in flight. Everything runs on 127.0.0.1 with a SQLite file
//! in a temp dir; each test is bounded (a few seconds, hard limits below).
//!
//! What `kill -9` proves: the record is committed (in the WAL) before the 2xx leaves, so the
//! process can die at any point after the answer without losing it, and the idempotency key
//! keeps client retries across the restart from creating duplicates. It does not simulate a
//! power cut (the page cache survives a killed process); that part rests on
//! `synchronous=FULL`, which `restart_keeps_data` and `Db::open` check.

#![cfg(unix)]

use std::collections::{BTreeMap, BTreeSet};
use std::net::{SocketAddr, TcpListener as StdListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use tempfile::TempDir;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const BIN: &str = env!("CARGO_BIN_EXE_feedwidgets-collector");
const SUBMISSIONS: usize = 200;
const CLIENTS: usize = 8;
/// The kill happens once this many submissions have been acknowledged.
const KILL_AFTER_ACKS: usize = 70;

/// The collector as a child process; killed (SIGKILL) on drop so a failing test leaks nothing.
struct Collector {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Collector {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Collector {
    /// Starts the binary on `addr` with the database `db` and a rate limit that never
    /// interferes, and waits until `/healthz` answers. Retries the start for a while in case
    /// the port is still held by the process that was just killed.
    async fn start(dir: &Path, db: &Path, addr: SocketAddr, run: u32) -> Collector {
        let deadline = Instant::now() + Duration::from_secs(5);
        let client = client();
        loop {
            let log = std::fs::File::create(dir.join(format!("collector-{run}.log"))).expect("log");
            let child = Command::new(BIN)
                .arg("--listen")
                .arg(addr.to_string())
                .arg("--db")
                .arg(db)
                .args(["--rate-limit-per-minute", "1000000"])
                .args(["--rate-limit-burst", "1000000"])
                .arg("--site-dir")
                .arg(dir.join("site"))
                .arg("--bundle-dir")
                .arg(dir.join("dist"))
                .env("RUST_LOG", "warn")
                .env_remove("FW_ALLOWED_ORIGINS")
                .env_remove("FW_TRUST_FORWARDED_FOR")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(log)
                .spawn()
                .expect("spawn the collector binary");
            let mut c = Collector { child, addr };
            loop {
                if let Ok(r) = client.get(c.url("/healthz")).send().await {
                    if r.status() == StatusCode::OK {
                        return c;
                    }
                }
                if let Some(status) = c.child.try_wait().expect("try_wait") {
                    let log = std::fs::read_to_string(dir.join(format!("collector-{run}.log")))
                        .unwrap_or_default();
                    assert!(
                        Instant::now() < deadline,
                        "collector exited at start with {status}: {log}"
                    );
                    break;
                }
                assert!(Instant::now() < deadline, "collector did not become ready");
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            drop(c);
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// SIGKILL (what `Child::kill` sends on Unix), then reap.
    fn kill_9(&mut self) -> ExitStatus {
        self.child.kill().expect("SIGKILL");
        self.child.wait().expect("wait")
    }

    /// Waits up to `limit` for the process to exit by itself.
    async fn wait_exit(&mut self, limit: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return Some(status);
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        None
    }
}

fn client() -> Client {
    Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(3))
        .build()
        .expect("client")
}

/// A loopback port that was free a moment ago.
fn free_port() -> SocketAddr {
    let l = StdListener::bind("127.0.0.1:0").expect("bind loopback");
    l.local_addr().expect("local addr")
}

fn id(n: usize) -> String {
    format!("5eed0000-0000-4000-8000-{n:012x}")
}

/// Deterministic rating so the stored values can be checked, 40 of each.
fn rating(n: usize) -> i64 {
    (n % 5) as i64 + 1
}

fn payload(n: usize) -> Value {
    json!({
        "submission_id": id(n),
        "rating": rating(n),
        "comment": format!("burst {n}"),
        "page": format!("/news/{}", n % 3),
        "page_language": "en",
        "widget_language": "en",
        "translated": false,
        "elapsed_ms": n,
    })
}

/// `submission_id -> rating` straight from the SQLite file, plus the integrity check.
fn db_ratings(db: &Path) -> (BTreeMap<String, i64>, usize) {
    let conn = rusqlite::Connection::open(db).expect("open db");
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    assert_eq!(integrity, "ok");
    let total: i64 = conn
        .query_row("SELECT COUNT(*) FROM feedback", [], |r| r.get(0))
        .expect("count");
    let mut stmt = conn
        .prepare("SELECT submission_id, rating FROM feedback")
        .expect("prepare");
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
        .expect("query")
        .collect::<Result<BTreeMap<_, _>, _>>()
        .expect("rows");
    (rows, usize::try_from(total).expect("count"))
}

/// What the clients saw: the 2xx status that acknowledged each id.
type Seen = BTreeMap<String, u16>;

/// One widget outbox: sends its submissions in order, each retried with the same id until a 2xx.
async fn outbox(
    client: Client,
    base: String,
    ids: Vec<usize>,
    seen: Arc<Mutex<Seen>>,
    acks: Arc<AtomicUsize>,
    failures: Arc<AtomicUsize>,
) {
    let give_up = Instant::now() + Duration::from_secs(20);
    for n in ids {
        let body = payload(n);
        loop {
            assert!(
                Instant::now() < give_up,
                "submission {n} never acknowledged"
            );
            match client
                .post(format!("{base}/api/feedback"))
                .json(&body)
                .send()
                .await
            {
                Ok(r) if r.status().is_success() => {
                    let previous = seen
                        .lock()
                        .expect("lock")
                        .insert(id(n), r.status().as_u16());
                    assert!(previous.is_none(), "{n} acknowledged twice");
                    acks.fetch_add(1, Ordering::SeqCst);
                    break;
                }
                Ok(r) => {
                    let status = r.status();
                    assert!(
                        status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error(),
                        "submission {n} refused with {status}: {:?}",
                        r.text().await
                    );
                    failures.fetch_add(1, Ordering::SeqCst);
                }
                Err(_) => {
                    failures.fetch_add(1, Ordering::SeqCst);
                }
            }
            tokio::time::sleep(Duration::from_millis(15)).await;
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_mid_burst_loses_and_duplicates_nothing() {
    let started = Instant::now();
    let dir = TempDir::new().expect("temp dir");
    let db: PathBuf = dir.path().join("feedback.sqlite3");
    let addr = free_port();
    let mut first = Collector::start(dir.path(), &db, addr, 1).await;

    let seen = Arc::new(Mutex::new(Seen::default()));
    let acks = Arc::new(AtomicUsize::new(0));
    let failures = Arc::new(AtomicUsize::new(0));
    let base = format!("http://{addr}");
    let mut clients = Vec::new();
    for c in 0..CLIENTS {
        let ids: Vec<usize> = (0..SUBMISSIONS).filter(|n| n % CLIENTS == c).collect();
        clients.push(tokio::spawn(outbox(
            client(),
            base.clone(),
            ids,
            Arc::clone(&seen),
            Arc::clone(&acks),
            Arc::clone(&failures),
        )));
    }

    // Kill -9 once part of the burst is acknowledged, with every client still sending.
    let deadline = Instant::now() + Duration::from_secs(10);
    while acks.load(Ordering::SeqCst) < KILL_AFTER_ACKS {
        assert!(
            Instant::now() < deadline,
            "burst too slow to reach the kill point"
        );
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    let status = first.kill_9();
    assert!(!status.success(), "killed, not exited: {status}");
    // Every answer the clients hold now came from the dead process.
    let acked_before_kill: BTreeMap<String, u16> = seen.lock().expect("lock").clone();
    assert!(
        acked_before_kill.len() < SUBMISSIONS,
        "the kill must land mid-burst"
    );

    // Acknowledged means on disk: read the file the dead process left, before any restart.
    let (on_disk, _) = db_ratings(&db);
    for sid in acked_before_kill.keys() {
        assert!(
            on_disk.contains_key(sid),
            "{sid} was acknowledged but is not in the database after kill -9"
        );
    }

    // Stay down for a moment so retries really hit a dead port, then restart on the same
    // database and port.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let failures_while_down = failures.load(Ordering::SeqCst);
    assert!(failures_while_down > 0, "the clients never saw the outage");
    let second = Collector::start(dir.path(), &db, addr, 2).await;

    for c in clients {
        tokio::time::timeout(Duration::from_secs(20), c)
            .await
            .expect("clients finish")
            .expect("client task did not panic");
    }
    let seen = seen.lock().expect("lock").clone();

    // Every submission was acknowledged exactly once (first time 201, or 200 when the lost
    // answer was for a request that had committed before the kill).
    let all: BTreeSet<String> = (0..SUBMISSIONS).map(id).collect();
    assert_eq!(seen.keys().cloned().collect::<BTreeSet<_>>(), all);
    assert!(seen.values().all(|s| *s == 201 || *s == 200), "{seen:?}");
    let repeats = seen.values().filter(|s| **s == 200).count();

    // The API: summary counts and CSV ids.
    let http = client();
    let summary: Value = http
        .get(second.url("/api/feedback/summary"))
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
    let csv = http
        .get(second.url("/api/feedback.csv"))
        .send()
        .await
        .expect("csv")
        .text()
        .await
        .expect("csv text");
    let csv_ids: Vec<&str> = csv
        .split("\r\n")
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').next().unwrap_or_default())
        .collect();
    assert_eq!(csv_ids.len(), SUBMISSIONS, "one CSV row per submission");
    let csv_set: BTreeSet<String> = csv_ids.iter().map(|s| (*s).to_owned()).collect();
    assert_eq!(csv_set, all, "no id missing or duplicated in the CSV");

    // The file: every id exactly once, with its rating.
    drop(second);
    let (on_disk, total) = db_ratings(&db);
    assert_eq!(total, SUBMISSIONS, "no duplicate rows");
    let expected: BTreeMap<String, i64> = (0..SUBMISSIONS).map(|n| (id(n), rating(n))).collect();
    assert_eq!(on_disk, expected);

    eprintln!(
        "kill -9 after {} of {SUBMISSIONS} acknowledged; {failures_while_down} failed attempts \
         while down, {} in all; {repeats} ids acknowledged as repeats after the restart; {:?}",
        acked_before_kill.len(),
        failures.load(Ordering::SeqCst),
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
    let (on_disk, total) = db_ratings(&db);
    assert_eq!(total, 1);
    assert_eq!(on_disk.get(&id(1)), Some(&rating(1)));
}
