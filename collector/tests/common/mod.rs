//! Shared by the end-to-end suites: a real server on loopback (the same `serve` the binary
//! runs), a real SQLite file in a temp dir, a real HTTP client.
//!
//! With `FW_TEST_BACKEND=postgres` (and `FW_TEST_DATABASE_URL`), [`start`] puts every server on
//! a fresh PostgreSQL database instead, so the API suites run unchanged on both backends
//! (scripts/test.sh runs them twice). Tests that open the SQLite file themselves say they were
//! skipped there ([`Server::sqlite_only`]).
//!
//! Each suite is its own crate and uses a subset of these helpers.
#![allow(dead_code)]

pub mod binary;
pub mod burst;
pub mod pg;

use std::net::SocketAddr;
use std::num::{NonZeroU32, NonZeroU64, NonZeroUsize};
use std::path::{Path, PathBuf};

use feedwidgets_collector::config::AdminToken;
use feedwidgets_collector::{serve, Config, StartError};
use reqwest::{header, Client, RequestBuilder, Response, StatusCode};
use serde_json::{json, Value};
use tempfile::TempDir;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// The only origin on the test allow-list.
pub const ALLOWED: &str = "https://news.example";
/// The admin token every test server is started with (unless a test changes it).
pub const TOKEN: &str = "test-admin-token-0123456789";
/// The `submission_key` [`payload`] sends.
pub const KEY: &str = "0123456789abcdef0123456789abcdef";
/// Another sender's key.
pub const OTHER_KEY: &str = "fedcba9876543210fedcba9876543210";

/// A running in-process server.
pub struct Server {
    /// Where it listens.
    pub addr: SocketAddr,
    /// A client that uses no proxy.
    pub client: Client,
    /// Its SQLite file.
    pub db: PathBuf,
    /// Its PostgreSQL database, when the suites run on PostgreSQL.
    pub database_url: Option<String>,
    stop: Option<oneshot::Sender<()>>,
    handle: JoinHandle<Result<(), StartError>>,
}

impl Server {
    /// `(submission_id, rating, comment, spam)` for every stored row, read straight from the
    /// storage (the SQLite file or the PostgreSQL database), ordered by id.
    pub async fn rows(&self) -> Vec<(String, i64, Option<String>, bool)> {
        let Some(url) = &self.database_url else {
            return db_rows(&self.db);
        };
        let client = pg::connect(url).await;
        client
            .query(
                "SELECT submission_id, rating, comment, spam FROM feedback ORDER BY submission_id",
                &[],
            )
            .await
            .expect("read the records")
            .iter()
            .map(|r| {
                (
                    r.get::<_, String>(0),
                    i64::from(r.get::<_, i32>(1)),
                    r.get(2),
                    r.get(3),
                )
            })
            .collect()
    }

    /// Runs one statement with text parameters (`?1`, `?2`… placeholders, which become `$1`…
    /// on PostgreSQL) on the storage.
    pub async fn execute(&self, sql: &str, params: &[&str]) {
        match &self.database_url {
            None => {
                let conn = rusqlite::Connection::open(&self.db).expect("open db");
                conn.execute(sql, rusqlite::params_from_iter(params.iter()))
                    .expect("execute");
            }
            Some(url) => {
                let params: Vec<&(dyn tokio_postgres::types::ToSql + Sync)> =
                    params.iter().map(|p| p as _).collect();
                pg::connect(url)
                    .await
                    .execute(&dollar_placeholders(sql), &params)
                    .await
                    .expect("execute");
            }
        }
    }

    /// The one row `sql` selects, every column as text: write `CAST(column AS TEXT)`, which
    /// both backends read the same way (booleans aside: `0`/`1` on SQLite, `false`/`true` on
    /// PostgreSQL).
    pub async fn text_row(&self, sql: &str, params: &[&str]) -> Vec<Option<String>> {
        match &self.database_url {
            None => {
                let conn = rusqlite::Connection::open(&self.db).expect("open db");
                conn.query_row(sql, rusqlite::params_from_iter(params.iter()), |row| {
                    (0..row.as_ref().column_count())
                        .map(|i| row.get::<_, Option<String>>(i))
                        .collect()
                })
                .expect("one row")
            }
            Some(url) => {
                let params: Vec<&(dyn tokio_postgres::types::ToSql + Sync)> =
                    params.iter().map(|p| p as _).collect();
                let row = pg::connect(url)
                    .await
                    .query_one(&dollar_placeholders(sql), &params)
                    .await
                    .expect("one row");
                (0..row.len()).map(|i| row.get(i)).collect()
            }
        }
    }

    /// Whether this test reads or writes the SQLite file itself; on PostgreSQL it says it
    /// was skipped and the caller returns.
    pub fn sqlite_only(&self, test: &str) -> bool {
        if self.database_url.is_some() {
            pg::skipped(&format!(
                "{test}: skipped on PostgreSQL: it opens the SQLite file itself"
            ));
            return false;
        }
        true
    }

    /// `http://addr/path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// POSTs `body` as JSON to `/api/feedback`.
    pub async fn post(&self, body: &Value) -> Response {
        self.post_with(body, &[]).await
    }

    /// POSTs `body` with extra headers.
    pub async fn post_with(&self, body: &Value, headers: &[(&str, &str)]) -> Response {
        let mut req = self.client.post(self.url("/api/feedback")).json(body);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        req.send().await.expect("request reaches the server")
    }

    /// GET without credentials.
    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request reaches the server")
    }

    /// GET with the admin token as a Bearer credential.
    pub async fn admin_get(&self, path: &str) -> Response {
        admin(self.client.get(self.url(path)))
            .send()
            .await
            .expect("request reaches the server")
    }

    /// The summary JSON (as admin).
    pub async fn summary(&self) -> Value {
        let r = self.admin_get("/api/feedback/summary").await;
        assert_eq!(r.status(), StatusCode::OK);
        r.json().await.expect("summary is JSON")
    }

    /// The CSV export (as admin).
    pub async fn csv(&self) -> String {
        let r = self.admin_get("/api/feedback.csv").await;
        assert_eq!(r.status(), StatusCode::OK);
        r.text().await.expect("csv")
    }

    /// Graceful stop; returns once the server has finished.
    pub async fn stop(mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        let result = self.handle.await.expect("server task did not panic");
        assert!(result.is_ok(), "server stopped with {result:?}");
    }
}

/// Adds the admin token as a Bearer credential.
pub fn admin(req: RequestBuilder) -> RequestBuilder {
    req.header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
}

/// The test configuration: everything in `dir`, a rate limit that never interferes.
pub fn config(dir: &Path) -> Config {
    Config {
        listen: ([127, 0, 0, 1], 0).into(),
        db: dir.join("data/nested/feedback.sqlite3"),
        allowed_origins: vec![ALLOWED.to_owned()],
        rate_limit_per_minute: NonZeroU32::new(10_000).expect("non-zero"),
        rate_limit_burst: NonZeroU32::new(10_000).expect("non-zero"),
        max_comment_chars: 1000,
        site_dir: dir.join("site"),
        bundle_dir: dir.join("dist"),
        trust_forwarded_for: false,
        admin_token_file: None,
        admin_token: Some(AdminToken(TOKEN.to_owned())),
        header_read_timeout_secs: NonZeroU64::new(10).expect("non-zero"),
        request_timeout_secs: NonZeroU64::new(30).expect("non-zero"),
        max_connections: NonZeroUsize::new(512).expect("non-zero"),
        retention_days: None,
        write_queue: NonZeroUsize::new(1024).expect("non-zero"),
        database_url: None,
    }
}

/// `?1` … `?9` placeholders as PostgreSQL writes them (`$1` …).
fn dollar_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '?' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('$');
        } else {
            out.push(c);
        }
    }
    out
}

/// The variable that puts the suites on PostgreSQL (`postgres`); SQLite otherwise.
pub const BACKEND_ENV: &str = "FW_TEST_BACKEND";

/// Whether the suites run on PostgreSQL this time.
pub fn on_postgres() -> bool {
    std::env::var(BACKEND_ENV).as_deref() == Ok("postgres")
}

/// Starts `config` on a fresh loopback port (on a fresh PostgreSQL database when the suites
/// run on PostgreSQL and the test did not choose a database itself).
pub async fn start(mut config: Config) -> Server {
    if on_postgres() && config.database_url.is_none() {
        let url = pg::fresh_database("api")
            .await
            .unwrap_or_else(|| panic!("{BACKEND_ENV}=postgres needs {}", pg::URL_ENV));
        config.database_url = Some(feedwidgets_collector::config::DatabaseUrl(url));
    }
    let database_url = config.database_url.as_ref().map(|url| url.0.clone());
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let addr = listener.local_addr().expect("local addr");
    let (tx, rx) = oneshot::channel::<()>();
    let db = config.db.clone();
    let handle = tokio::spawn(async move {
        serve(&config, listener, async move {
            let _ = rx.await;
        })
        .await
    });
    let client = Client::builder().no_proxy().build().expect("client");
    Server {
        addr,
        client,
        db,
        database_url,
        stop: Some(tx),
        handle,
    }
}

/// A server with the test configuration in a new temp dir.
pub async fn start_default() -> (TempDir, Server) {
    let dir = tempfile::tempdir().expect("temp dir");
    let server = start(config(dir.path())).await;
    (dir, server)
}

/// The `n`th test submission id.
pub fn id(n: u32) -> String {
    format!("0a1b2c3d-0000-4000-8000-{n:012x}")
}

/// A valid payload with [`KEY`].
pub fn payload(id: &str, rating: i64) -> Value {
    json!({
        "submission_id": id,
        "submission_key": KEY,
        "rating": rating,
        "page": "/news/item-1",
        "page_language": "en",
        "widget_language": "ar",
        "translated": false,
        "elapsed_ms": 5321,
        "honeypot": ""
    })
}

/// `(submission_id, rating, comment, spam)` for every stored row, read straight from SQLite.
pub fn db_rows(db: &Path) -> Vec<(String, i64, Option<String>, bool)> {
    let conn = rusqlite::Connection::open(db).expect("open db");
    let mut stmt = conn
        .prepare("SELECT submission_id, rating, comment, spam FROM feedback ORDER BY submission_id")
        .expect("prepare");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

/// The body as JSON.
pub async fn json_body(r: Response) -> Value {
    r.json().await.expect("JSON body")
}

/// Asserts an error answer: status, JSON body with `code`, `field` and a message.
pub async fn assert_error(r: Response, status: StatusCode, code: &str, field: Option<&str>) {
    assert_eq!(r.status(), status);
    assert_eq!(
        r.headers()[header::CONTENT_TYPE],
        "application/json",
        "errors are JSON"
    );
    let body = json_body(r).await;
    assert_eq!(body["error"], code, "{body}");
    match field {
        Some(f) => assert_eq!(body["field"], f, "{body}"),
        None => assert!(body.get("field").is_none(), "{body}"),
    }
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
}

/// Polls `check` every 20 ms until it holds or `limit` passes; returns whether it held.
pub async fn eventually<F>(limit: std::time::Duration, mut check: F) -> bool
where
    F: FnMut() -> bool,
{
    let deadline = std::time::Instant::now() + limit;
    loop {
        if check() {
            return true;
        }
        if std::time::Instant::now() > deadline {
            return false;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}
