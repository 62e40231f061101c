//! Start and restart: data survives a restart, an unusable configuration fails at start.

mod common;

use feedwidgets_collector::{serve, StartError};
use reqwest::StatusCode;
use serde_json::json;
use tokio::net::TcpListener;

use common::*;

#[tokio::test]
async fn restart_keeps_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    let s = start(config(dir.path())).await;
    let mut p = payload(&id(1), 2);
    p["comment"] = json!("kept");
    assert_eq!(s.post(&p).await.status(), StatusCode::CREATED);
    s.stop().await;

    let conn =
        rusqlite::Connection::open(dir.path().join("data/nested/feedback.sqlite3")).expect("open");
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("pragma");
    assert_eq!(mode, "wal");
    drop(conn);

    let s = start(config(dir.path())).await;
    assert_eq!(
        s.summary().await["overall"]["counts"],
        json!([0, 1, 0, 0, 0])
    );
    assert_eq!(
        s.post(&payload(&id(1), 2)).await.status(),
        StatusCode::OK,
        "the record survived, so this is a repeat"
    );
    assert_eq!(
        s.rows().await,
        vec![(id(1), 2, Some("kept".to_owned()), false)]
    );
    s.stop().await;
}

#[tokio::test]
async fn unusable_config_fails_at_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut c = config(dir.path());
    c.allowed_origins = vec!["https://a.example/path".to_owned()];
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let result = serve(&c, listener, async {}).await;
    assert!(matches!(result, Err(StartError::Config(_))), "{result:?}");
}
