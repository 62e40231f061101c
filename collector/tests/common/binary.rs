//! The collector binary as a child process, for the suites that need a real process (kill -9,
//! resident memory, file-size limits).

use std::ffi::OsString;
use std::net::{SocketAddr, TcpListener as StdListener};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use reqwest::{Client, StatusCode};

use super::TOKEN;

/// The binary cargo built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_feedwidgets-collector");

/// The collector as a child process; killed (SIGKILL) on drop so a failing test leaks nothing.
pub struct Collector {
    /// The process.
    pub child: Child,
    /// Where it listens.
    pub addr: SocketAddr,
}

impl Drop for Collector {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// How to launch the binary besides the common flags.
#[derive(Default, Clone)]
pub struct Launch {
    /// Extra flags.
    pub args: Vec<OsString>,
    /// A command the binary runs under (e.g. `sh -c '...; exec "$@"' sh`), empty for none.
    pub wrapper: Vec<OsString>,
    /// Environment variables set after the defaults (e.g. another `RUST_LOG`).
    pub env: Vec<(OsString, OsString)>,
}

impl Collector {
    /// Starts the binary with default flags.
    pub async fn start(dir: &Path, db: &Path, addr: SocketAddr, run: u32) -> Collector {
        Self::start_with(dir, db, addr, run, &Launch::default()).await
    }

    /// Starts the binary on `addr` with the database `db`, the test admin token and (unless
    /// `launch` has its own) a rate limit that never interferes, and waits until `/healthz` answers 200. Retries the start
    /// for a while in case the port is still held by a process that was just killed.
    pub async fn start_with(
        dir: &Path,
        db: &Path,
        addr: SocketAddr,
        run: u32,
        launch: &Launch,
    ) -> Collector {
        let deadline = Instant::now() + Duration::from_secs(10);
        let client = client();
        let log_path = dir.join(format!("collector-{run}.log"));
        // A rate limit that never interferes, unless the launch sets its own (clap refuses
        // a flag given twice).
        let own_limit = launch.args.iter().any(|a| a == "--rate-limit-burst");
        // A database URL replaces the SQLite file (clap refuses both).
        let db_flag: Vec<&std::ffi::OsStr> = if launch.args.iter().any(|a| a == "--database-url") {
            Vec::new()
        } else {
            vec!["--db".as_ref(), db.as_os_str()]
        };
        let limit: &[&str] = if own_limit {
            &[]
        } else {
            &[
                "--rate-limit-per-minute",
                "1000000",
                "--rate-limit-burst",
                "1000000",
            ]
        };
        loop {
            let log = std::fs::File::create(&log_path).expect("log");
            let mut cmd = match launch.wrapper.split_first() {
                Some((program, rest)) => {
                    let mut c = Command::new(program);
                    c.args(rest).arg(BIN);
                    c
                }
                None => Command::new(BIN),
            };
            let child = cmd
                .arg("--listen")
                .arg(addr.to_string())
                .args(&db_flag)
                .args(limit)
                .arg("--site-dir")
                .arg(dir.join("site"))
                .arg("--bundle-dir")
                .arg(dir.join("dist"))
                .args(&launch.args)
                .env("RUST_LOG", "warn")
                .env("FW_ADMIN_TOKEN", TOKEN)
                .env_remove("FW_ADMIN_TOKEN_FILE")
                .env_remove("FW_ALLOWED_ORIGINS")
                .env_remove("FW_TRUST_FORWARDED_FOR")
                .env_remove("FW_RETENTION_DAYS")
                .envs(launch.env.iter().map(|(k, v)| (k, v)))
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
                    let log = std::fs::read_to_string(&log_path).unwrap_or_default();
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

    /// `http://addr/path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// SIGKILL (what `Child::kill` sends on Unix), then reap.
    pub fn kill_9(&mut self) -> ExitStatus {
        self.child.kill().expect("SIGKILL");
        self.child.wait().expect("wait")
    }

    /// Waits up to `limit` for the process to exit by itself.
    pub async fn wait_exit(&mut self, limit: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return Some(status);
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        None
    }

    /// A field of `/proc/PID/status` in kB (`VmRSS`, `VmHWM`...).
    pub fn proc_status_kb(&self, field: &str) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .expect("read /proc/PID/status");
        status
            .lines()
            .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or_else(|| panic!("no {field} in /proc/PID/status"))
    }
}

/// A client with a short timeout and no proxy.
pub fn client() -> Client {
    Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(3))
        .build()
        .expect("client")
}

/// A loopback port that was free a moment ago.
pub fn free_port() -> SocketAddr {
    let l = StdListener::bind("127.0.0.1:0").expect("bind loopback");
    l.local_addr().expect("local addr")
}
