//! PostgreSQL for the suites: a fresh database per test on the server `FW_TEST_DATABASE_URL`
//! points at (CI starts one with `scripts/postgres.sh`). Without it the PostgreSQL tests say
//! they were skipped, except under `CI=true`, where a missing server is a failure.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio_postgres::NoTls;

/// The variable holding the server's URL (any database on it; tests create their own).
pub const URL_ENV: &str = "FW_TEST_DATABASE_URL";
/// The variable holding the cluster directory `scripts/postgres.sh` manages, for the tests
/// that stop and start the server.
pub const DIR_ENV: &str = "FW_TEST_PG_DIR";

/// Says a test was skipped where the runner cannot hide it: straight to the process's
/// stderr, which libtest's output capture (of `print!` and `eprint!`) does not take.
pub fn skipped(line: &str) {
    use std::io::Write as _;
    let _ = writeln!(std::io::stderr(), "{line}");
}

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// The server URL, or `None` after printing why the test is skipped. Panics under `CI=true`
/// when it is not set, since CI must never skip these.
pub fn server_url(test: &str) -> Option<String> {
    match std::env::var(URL_ENV) {
        Ok(url) if !url.trim().is_empty() => Some(url.trim().to_owned()),
        _ => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "{URL_ENV} is not set, and CI must run the PostgreSQL tests (scripts/test.sh \
                 starts a server with scripts/postgres.sh)"
            );
            skipped(&format!("{test}: skipped: {URL_ENV} not set"));
            None
        }
    }
}

/// `url` with its database name replaced by `name`.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let base = match base[scheme_end..].find('/') {
        Some(slash) => &base[..scheme_end + slash],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

/// A new, empty database for one test, and its URL; `None` when skipped.
pub async fn fresh_database(test: &str) -> Option<String> {
    let url = server_url(test)?;
    let name = format!(
        "fw_{}_{}_{}",
        test.chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
            .take(30)
            .collect::<String>()
            .to_ascii_lowercase(),
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    );
    let admin = connect(&url).await;
    // One statement each: PostgreSQL runs neither inside a transaction block.
    for sql in [
        format!("DROP DATABASE IF EXISTS {name}"),
        format!("CREATE DATABASE {name}"),
    ] {
        admin
            .batch_execute(&sql)
            .await
            .expect("create the test database");
    }
    Some(with_database(&url, &name))
}

/// A plain connection to `url` (its driver task runs in the background).
pub async fn connect(url: &str) -> tokio_postgres::Client {
    let (client, conn) = tokio_postgres::connect(url, NoTls)
        .await
        .expect("connect to the test PostgreSQL");
    tokio::spawn(async move {
        let _ = conn.await;
    });
    client
}

/// `submission_id -> (rating, key hash)` for every stored row, and the row count.
pub async fn records(url: &str) -> (BTreeMap<String, (i64, Option<Vec<u8>>)>, usize) {
    let client = connect(url).await;
    let rows = client
        .query("SELECT submission_id, rating, key_hash FROM feedback", &[])
        .await
        .expect("read the records");
    let total = rows.len();
    let map = rows
        .iter()
        .map(|r| {
            (
                r.get::<_, String>(0),
                (i64::from(r.get::<_, i32>(1)), r.get(2)),
            )
        })
        .collect();
    (map, total)
}
