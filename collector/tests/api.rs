//! End-to-end tests: a real server on loopback, a real SQLite file in a temp dir, a real
//! HTTP client. Assertions cover status, headers, bodies and the database contents.

use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};

use feedwidgets_collector::{serve, Config, StartError};
use reqwest::{header, Client, Response, StatusCode};
use serde_json::{json, Value};
use tempfile::TempDir;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

const ALLOWED: &str = "https://news.example";

struct Server {
    addr: SocketAddr,
    client: Client,
    db: PathBuf,
    stop: Option<oneshot::Sender<()>>,
    handle: JoinHandle<Result<(), StartError>>,
}

impl Server {
    fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    async fn post(&self, body: &Value) -> Response {
        self.post_with(body, &[]).await
    }

    async fn post_with(&self, body: &Value, headers: &[(&str, &str)]) -> Response {
        let mut req = self.client.post(self.url("/api/feedback")).json(body);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        req.send().await.expect("request reaches the server")
    }

    async fn get(&self, path: &str) -> Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request reaches the server")
    }

    async fn summary(&self) -> Value {
        let r = self.get("/api/feedback/summary").await;
        assert_eq!(r.status(), StatusCode::OK);
        r.json().await.expect("summary is JSON")
    }

    /// Graceful stop; returns once the server has finished.
    async fn stop(mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        let result = self.handle.await.expect("server task did not panic");
        assert!(result.is_ok(), "server stopped with {result:?}");
    }
}

fn config(dir: &Path) -> Config {
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
    }
}

async fn start(config: Config) -> Server {
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
        stop: Some(tx),
        handle,
    }
}

async fn start_default() -> (TempDir, Server) {
    let dir = tempfile::tempdir().expect("temp dir");
    let server = start(config(dir.path())).await;
    (dir, server)
}

fn id(n: u32) -> String {
    format!("0a1b2c3d-0000-4000-8000-{n:012x}")
}

fn payload(id: &str, rating: i64) -> Value {
    json!({
        "submission_id": id,
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
fn db_rows(db: &Path) -> Vec<(String, i64, Option<String>, bool)> {
    let conn = rusqlite::Connection::open(db).expect("open db");
    let mut stmt = conn
        .prepare("SELECT submission_id, rating, comment, spam FROM feedback ORDER BY submission_id")
        .expect("prepare");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

async fn json_body(r: Response) -> Value {
    r.json().await.expect("JSON body")
}

async fn assert_error(r: Response, status: StatusCode, code: &str, field: Option<&str>) {
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

// ---------------------------------------------------------------- validation

#[tokio::test]
async fn wrong_content_type_is_415_and_nothing_stored() {
    let (_dir, s) = start_default().await;
    let r = s
        .client
        .post(s.url("/api/feedback"))
        .header(header::CONTENT_TYPE, "text/plain")
        .body(payload(&id(1), 4).to_string())
        .send()
        .await
        .expect("send");
    assert_error(
        r,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
        None,
    )
    .await;
    let r = s
        .client
        .post(s.url("/api/feedback"))
        .body(payload(&id(1), 4).to_string())
        .send()
        .await
        .expect("send");
    assert_eq!(
        r.status(),
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "missing content type"
    );
    assert!(db_rows(&s.db).is_empty());
}

#[tokio::test]
async fn malformed_json_is_400() {
    let (_dir, s) = start_default().await;
    let r = s
        .client
        .post(s.url("/api/feedback"))
        .header(header::CONTENT_TYPE, "application/json")
        .body("{\"rating\": 4,")
        .send()
        .await
        .expect("send");
    assert_error(r, StatusCode::BAD_REQUEST, "invalid_json", None).await;
}

#[tokio::test]
async fn unknown_key_is_422_naming_it() {
    let (_dir, s) = start_default().await;
    let mut p = payload(&id(1), 4);
    p["user_email"] = json!("a@b.example");
    assert_error(
        s.post(&p).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "unknown_field",
        Some("user_email"),
    )
    .await;
    assert!(db_rows(&s.db).is_empty());
}

#[tokio::test]
async fn ratings_0_and_6_and_non_integers_are_422() {
    let (_dir, s) = start_default().await;
    for bad in [json!(0), json!(6), json!(4.5), json!("4")] {
        let mut p = payload(&id(1), 4);
        p["rating"] = bad.clone();
        let r = s.post(&p).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "rating {bad}");
        let body = json_body(r).await;
        assert_eq!(body["error"], "invalid_field");
        assert_eq!(body["field"], "rating", "rating {bad}");
    }
    let mut p = payload(&id(1), 4);
    p.as_object_mut().expect("object").remove("rating");
    assert_error(
        s.post(&p).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "missing_field",
        Some("rating"),
    )
    .await;
    assert!(db_rows(&s.db).is_empty());
}

#[tokio::test]
async fn bad_uuids_are_422() {
    let (_dir, s) = start_default().await;
    for bad in [
        "not-a-uuid",
        "0a1b2c3d-0000-1000-8000-000000000001", // version 1
        "0a1b2c3d000040008000000000000001",
        "",
    ] {
        assert_error(
            s.post(&payload(bad, 4)).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
            Some("submission_id"),
        )
        .await;
    }
}

#[tokio::test]
async fn other_fields_are_validated() {
    let (_dir, s) = start_default().await;
    let cases = [
        ("page", json!("news/item-1")),
        ("page", json!(format!("/{}", "a".repeat(512)))),
        ("page_language", json!("en_US")),
        ("widget_language", json!("a".repeat(36))),
        ("translated", json!("no")),
        ("elapsed_ms", json!(-1)),
    ];
    for (field, value) in cases {
        let mut p = payload(&id(1), 4);
        p[field] = value;
        let r = s.post(&p).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        assert_eq!(json_body(r).await["field"], field);
    }
    assert!(db_rows(&s.db).is_empty());
}

#[tokio::test]
async fn oversize_body_is_413() {
    let (_dir, s) = start_default().await;
    let mut p = payload(&id(1), 4);
    p["comment"] = json!("x".repeat(9000));
    assert_error(
        s.post(&p).await,
        StatusCode::PAYLOAD_TOO_LARGE,
        "body_too_large",
        None,
    )
    .await;
    assert!(db_rows(&s.db).is_empty());
}

#[tokio::test]
async fn comment_length_is_counted_after_nfc() {
    let (_dir, s) = start_default().await;
    // 1000 decomposed "é" are 2000 scalars before NFC and exactly 1000 after.
    let mut p = payload(&id(1), 4);
    p["comment"] = json!(format!("  {}  ", "e\u{301}".repeat(1000)));
    assert_eq!(s.post(&p).await.status(), StatusCode::CREATED);
    let rows = db_rows(&s.db);
    assert_eq!(rows[0].2.as_deref(), Some("\u{e9}".repeat(1000).as_str()));

    let mut p = payload(&id(2), 4);
    p["comment"] = json!("e\u{301}".repeat(1001));
    assert_error(
        s.post(&p).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_field",
        Some("comment"),
    )
    .await;
    assert_eq!(db_rows(&s.db).len(), 1);
}

#[tokio::test]
async fn control_characters_in_comment_are_422() {
    let (_dir, s) = start_default().await;
    for bad in ["bell\u{7}", "nul\u{0}byte", "esc\u{1b}[31m", "lone\rcr"] {
        let mut p = payload(&id(1), 4);
        p["comment"] = json!(bad);
        assert_error(
            s.post(&p).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
            Some("comment"),
        )
        .await;
    }
    // Newlines and tabs are fine.
    let mut p = payload(&id(1), 4);
    p["comment"] = json!("line one\r\n\tline two");
    assert_eq!(s.post(&p).await.status(), StatusCode::CREATED);
    assert_eq!(db_rows(&s.db)[0].2.as_deref(), Some("line one\n\tline two"));
}

#[tokio::test]
async fn page_query_and_fragment_are_stripped() {
    let (_dir, s) = start_default().await;
    let mut p = payload(&id(1), 4);
    p["page"] = json!("/news/item-1?utm_source=x&email=a@b.example#comments");
    p["page_language"] = json!("EN-gb");
    assert_eq!(s.post(&p).await.status(), StatusCode::CREATED);
    let conn = rusqlite::Connection::open(&s.db).expect("open");
    let (page, lang): (String, String) = conn
        .query_row("SELECT page, page_language FROM feedback", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .expect("row");
    assert_eq!(page, "/news/item-1");
    assert_eq!(lang, "en-GB");
}

// ---------------------------------------------------------------- idempotency

#[tokio::test]
async fn same_id_is_one_record_and_comment_updates_it() {
    let (_dir, s) = start_default().await;
    let sid = id(7);

    let r = s.post(&payload(&sid, 4)).await;
    assert_eq!(r.status(), StatusCode::CREATED);
    assert_eq!(
        json_body(r).await,
        json!({ "status": "accepted", "submission_id": sid })
    );

    // Exact repeat (a retry): 200, still one record. Upper case is the same id.
    let r = s.post(&payload(&sid.to_uppercase(), 4)).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(json_body(r).await["submission_id"], sid.as_str());
    assert_eq!(db_rows(&s.db), vec![(sid.clone(), 4, None, false)]);

    // The widget's second request adds the comment and may change the rating.
    let mut p = payload(&sid, 5);
    p["comment"] = json!("Clear, thanks");
    p["elapsed_ms"] = json!(9999);
    assert_eq!(s.post(&p).await.status(), StatusCode::OK);
    assert_eq!(
        db_rows(&s.db),
        vec![(sid.clone(), 5, Some("Clear, thanks".to_owned()), false)]
    );

    // A later request without a comment keeps it.
    let mut p = payload(&sid, 5);
    p["comment"] = Value::Null;
    assert_eq!(s.post(&p).await.status(), StatusCode::OK);
    assert_eq!(
        db_rows(&s.db),
        vec![(sid.clone(), 5, Some("Clear, thanks".to_owned()), false)]
    );

    let conn = rusqlite::Connection::open(&s.db).expect("open");
    let (elapsed, created, updated, received): (i64, String, String, String) = conn
        .query_row(
            "SELECT elapsed_ms, created_at, updated_at, received_at FROM feedback",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .expect("row");
    assert_eq!(elapsed, 5321, "time to the first rating is kept");
    assert!(updated >= created);
    assert!(
        received.ends_with('Z') && received.len() == 24,
        "{received}"
    );

    let summary = s.summary().await;
    assert_eq!(summary["overall"]["n"], 1);
    assert_eq!(summary["overall"]["counts"], json!([0, 0, 0, 0, 1]));
}

// ---------------------------------------------------------------- honeypot

#[tokio::test]
async fn honeypot_is_accepted_looking_but_never_counted() {
    let (_dir, s) = start_default().await;
    let mut p = payload(&id(1), 1);
    p["honeypot"] = json!("http://spam.example");
    let r = s.post(&p).await;
    assert_eq!(r.status(), StatusCode::ACCEPTED);
    assert_eq!(
        json_body(r).await,
        json!({ "status": "accepted", "submission_id": id(1) })
    );
    assert_eq!(db_rows(&s.db), vec![(id(1), 1, None, true)]);

    // A clean follow-up with the same id cannot launder it.
    assert_eq!(s.post(&payload(&id(1), 5)).await.status(), StatusCode::OK);
    assert!(db_rows(&s.db)[0].3, "spam flag is sticky");

    assert_eq!(
        s.post(&payload(&id(2), 5)).await.status(),
        StatusCode::CREATED
    );
    let summary = s.summary().await;
    assert_eq!(summary["overall"]["n"], 1);
    assert_eq!(summary["overall"]["counts"], json!([0, 0, 0, 0, 1]));
    let csv = s.get("/api/feedback.csv").await.text().await.expect("csv");
    assert!(!csv.contains(&id(1)));
    assert!(csv.contains(&id(2)));
}

// ---------------------------------------------------------------- rate limit

#[tokio::test]
async fn rate_limit_answers_429_with_retry_after() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut c = config(dir.path());
    c.rate_limit_per_minute = NonZeroU32::new(2).expect("non-zero");
    c.rate_limit_burst = NonZeroU32::new(3).expect("non-zero");
    let s = start(c).await;
    for n in 0..3 {
        assert_eq!(
            s.post(&payload(&id(n), 4)).await.status(),
            StatusCode::CREATED
        );
    }
    let r = s.post(&payload(&id(3), 4)).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = r.headers()[header::RETRY_AFTER]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    // 2 per minute = one token every 30 s.
    assert!((1..=30).contains(&retry), "Retry-After {retry}");
    assert_eq!(json_body(r).await["error"], "rate_limited");
    assert_eq!(
        db_rows(&s.db).len(),
        3,
        "the refused submission was not stored"
    );
    // Reading is not limited.
    assert_eq!(
        s.get("/api/feedback/summary").await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn forwarded_for_is_ignored_unless_trusted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut c = config(dir.path());
    c.rate_limit_per_minute = NonZeroU32::new(1).expect("non-zero");
    c.rate_limit_burst = NonZeroU32::new(1).expect("non-zero");
    let s = start(c.clone()).await;
    let xff = [("x-forwarded-for", "203.0.113.9")];
    assert_eq!(
        s.post_with(&payload(&id(1), 4), &xff).await.status(),
        StatusCode::CREATED
    );
    let other = [("x-forwarded-for", "203.0.113.10")];
    assert_eq!(
        s.post_with(&payload(&id(2), 4), &other).await.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "a spoofed header must not buy a fresh bucket"
    );
    s.stop().await;

    c.trust_forwarded_for = true;
    let s = start(c).await;
    assert_eq!(
        s.post_with(&payload(&id(3), 4), &xff).await.status(),
        StatusCode::CREATED
    );
    assert_eq!(
        s.post_with(&payload(&id(4), 4), &other).await.status(),
        StatusCode::CREATED
    );
    assert_eq!(
        s.post_with(&payload(&id(5), 4), &other).await.status(),
        StatusCode::TOO_MANY_REQUESTS
    );
}

// ---------------------------------------------------------------- origin / CORS

#[tokio::test]
async fn allowed_origin_gets_cors_headers() {
    let (_dir, s) = start_default().await;
    let r = s
        .post_with(&payload(&id(1), 4), &[("origin", ALLOWED)])
        .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    assert_eq!(r.headers()[header::ACCESS_CONTROL_ALLOW_ORIGIN], ALLOWED);
    assert!(r.headers().get_all(header::VARY).iter().any(|v| v
        .to_str()
        .is_ok_and(|v| v.to_ascii_lowercase().contains("origin"))));
    // Validation errors carry the header too, so the widget can read them.
    let r = s
        .post_with(&payload("bad", 4), &[("origin", ALLOWED)])
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.headers()[header::ACCESS_CONTROL_ALLOW_ORIGIN], ALLOWED);
}

#[tokio::test]
async fn cross_origin_429_exposes_retry_after() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut c = config(dir.path());
    c.rate_limit_per_minute = NonZeroU32::new(1).expect("non-zero");
    c.rate_limit_burst = NonZeroU32::new(1).expect("non-zero");
    let s = start(c).await;
    let origin = [("origin", ALLOWED)];
    assert_eq!(
        s.post_with(&payload(&id(1), 4), &origin).await.status(),
        StatusCode::CREATED
    );
    let r = s.post_with(&payload(&id(2), 4), &origin).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let h = r.headers();
    assert_eq!(h[header::ACCESS_CONTROL_ALLOW_ORIGIN], ALLOWED);
    assert!(h.contains_key(header::RETRY_AFTER));
    // Retry-After is not CORS-safelisted: the widget can read it only when it is exposed.
    assert!(h[header::ACCESS_CONTROL_EXPOSE_HEADERS]
        .to_str()
        .is_ok_and(|v| v.to_ascii_lowercase().contains("retry-after")));
}

#[tokio::test]
async fn read_endpoints_get_no_cors_headers() {
    let (_dir, s) = start_default().await;
    assert_eq!(
        s.post(&payload(&id(1), 4)).await.status(),
        StatusCode::CREATED
    );
    for path in [
        "/api/feedback/summary",
        "/api/feedback.csv",
        "/report",
        "/healthz",
    ] {
        let r = s
            .client
            .get(s.url(path))
            .header("origin", ALLOWED)
            .send()
            .await
            .expect("send");
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        assert!(
            r.headers()
                .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
                .is_none(),
            "{path}: an embedding site must not read the feedback cross-origin"
        );
        let r = s
            .client
            .request(reqwest::Method::OPTIONS, s.url(path))
            .header("origin", ALLOWED)
            .header("access-control-request-method", "GET")
            .send()
            .await
            .expect("send");
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "{path} preflight");
    }
}

#[tokio::test]
async fn wrong_method_and_unknown_api_path_are_json_errors() {
    let (_dir, s) = start_default().await;
    let r = s.get("/api/feedback").await;
    assert!(r.headers()[header::ALLOW]
        .to_str()
        .is_ok_and(|a| a.contains("POST")));
    assert_error(
        r,
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        None,
    )
    .await;
    let r = s
        .client
        .delete(s.url("/api/feedback/summary"))
        .send()
        .await
        .expect("send");
    assert_error(
        r,
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        None,
    )
    .await;
    assert_error(
        s.get("/api/feedbacks").await,
        StatusCode::NOT_FOUND,
        "not_found",
        None,
    )
    .await;
    let r = s
        .client
        .post(s.url("/api/v2/feedback"))
        .json(&payload(&id(1), 4))
        .send()
        .await
        .expect("send");
    assert_error(r, StatusCode::NOT_FOUND, "not_found", None).await;
    assert!(db_rows(&s.db).is_empty());
}

#[tokio::test]
async fn unknown_origin_is_403_and_not_stored() {
    let (_dir, s) = start_default().await;
    for origin in ["https://evil.example", "null", "https://news.example.evil"] {
        let r = s
            .post_with(&payload(&id(1), 4), &[("origin", origin)])
            .await;
        assert!(r
            .headers()
            .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
            .is_none());
        assert_error(r, StatusCode::FORBIDDEN, "origin_not_allowed", None).await;
    }
    assert!(db_rows(&s.db).is_empty());
}

#[tokio::test]
async fn same_origin_post_needs_no_listing() {
    let (_dir, s) = start_default().await;
    let own = format!("http://{}", s.addr);
    let r = s.post_with(&payload(&id(1), 4), &[("origin", &own)]).await;
    assert_eq!(r.status(), StatusCode::CREATED);
    assert!(r
        .headers()
        .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
        .is_none());
    // Same host, other port: a different origin.
    let other = format!("http://127.0.0.1:{}", s.addr.port().wrapping_add(1));
    let r = s
        .post_with(&payload(&id(2), 4), &[("origin", &other)])
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn preflight_is_answered_only_for_allowed_origins() {
    let (_dir, s) = start_default().await;
    let preflight = |origin: &'static str| {
        s.client
            .request(reqwest::Method::OPTIONS, s.url("/api/feedback"))
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type")
            .send()
    };
    let r = preflight(ALLOWED).await.expect("send");
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let h = r.headers();
    assert_eq!(h[header::ACCESS_CONTROL_ALLOW_ORIGIN], ALLOWED);
    assert!(h[header::ACCESS_CONTROL_ALLOW_METHODS]
        .to_str()
        .is_ok_and(|m| m.contains("POST")));
    assert!(h[header::ACCESS_CONTROL_ALLOW_HEADERS]
        .to_str()
        .is_ok_and(|m| m.to_ascii_lowercase().contains("content-type")));

    let r = preflight("https://evil.example").await.expect("send");
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert!(r
        .headers()
        .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
        .is_none());
}

// ---------------------------------------------------------------- summary / report / csv

/// Posts `counts[i]` ratings of `i + 1` for one page/language/translation cell.
async fn seed(
    s: &Server,
    next_id: &mut u32,
    page: &str,
    lang: &str,
    translated: bool,
    counts: [u32; 5],
) {
    for (i, c) in counts.iter().enumerate() {
        for _ in 0..*c {
            *next_id += 1;
            let mut p = payload(&id(*next_id), i as i64 + 1);
            p["page"] = json!(page);
            p["widget_language"] = json!(lang);
            p["translated"] = json!(translated);
            assert_eq!(s.post(&p).await.status(), StatusCode::CREATED);
        }
    }
}

#[tokio::test]
async fn summary_figures_are_exact() {
    let (_dir, s) = start_default().await;
    let empty = s.summary().await;
    assert_eq!(
        empty["overall"],
        json!({ "n": 0, "csat_percent": null, "mean": null, "counts": [0, 0, 0, 0, 0], "too_small": true })
    );

    let mut n = 0;
    seed(&s, &mut n, "/a", "en", false, [2, 3, 5, 10, 10]).await;
    seed(&s, &mut n, "/b", "ar", true, [0, 0, 1, 1, 1]).await;
    let mut spam = payload(&id(999), 1);
    spam["honeypot"] = json!("bot");
    assert_eq!(s.post(&spam).await.status(), StatusCode::ACCEPTED);

    let sm = s.summary().await;
    // 33 ratings, 22 satisfied = 66.67% -> 66.7; mean 125/33 = 3.788 -> 3.79.
    assert_eq!(
        sm["overall"],
        json!({ "n": 33, "csat_percent": 66.7, "mean": 3.79, "counts": [2, 3, 6, 11, 11], "too_small": false })
    );
    // /a: 30 ratings, 20 satisfied; mean 113/30 = 3.767 -> 3.77; exactly at the threshold.
    assert_eq!(
        sm["by_page"]["/a"],
        json!({ "n": 30, "csat_percent": 66.7, "mean": 3.77, "counts": [2, 3, 5, 10, 10], "too_small": false })
    );
    assert_eq!(
        sm["by_page"]["/b"],
        json!({ "n": 3, "csat_percent": 66.7, "mean": 4.0, "counts": [0, 0, 1, 1, 1], "too_small": true })
    );
    assert_eq!(sm["by_language"]["en"]["n"], 30);
    assert_eq!(sm["by_language"]["ar"]["too_small"], true);
    assert_eq!(
        sm["by_translated"]["true"]["counts"],
        json!([0, 0, 1, 1, 1])
    );
    assert_eq!(sm["by_translated"]["false"]["n"], 30);
    assert_eq!(sm["by_page"].as_object().map(|o| o.len()), Some(2));
}

#[tokio::test]
async fn report_page_is_accessible_and_escaped() {
    let (_dir, s) = start_default().await;
    let mut p = payload(&id(1), 5);
    p["page"] = json!("/x<script>alert(1)</script>");
    assert_eq!(s.post(&p).await.status(), StatusCode::CREATED);
    let r = s.get("/report").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers()[header::CONTENT_TYPE]
        .to_str()
        .is_ok_and(|c| c.starts_with("text/html")));
    let csp = r.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(csp.contains("default-src 'none'") && !csp.contains("script-src"));
    let html = r.text().await.expect("html");
    assert!(!html.contains("<script"), "no scripts, stored text escaped");
    assert!(html.contains("/x&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("role=\"img\""));
    assert!(html.contains("<title id=\"chart-title\">"));
    assert!(html.contains("<table>"));
    assert!(html.contains("too small"));
}

#[tokio::test]
async fn csv_is_quoted_and_defused() {
    let (_dir, s) = start_default().await;
    let mut p = payload(&id(1), 3);
    p["comment"] = json!("=HYPERLINK(\"http://x.example\",\"click\"), said \"me\"\nbye");
    assert_eq!(s.post(&p).await.status(), StatusCode::CREATED);
    let mut p = payload(&id(2), 4);
    p["comment"] = json!("@SUM(A1:A9)");
    p["elapsed_ms"] = Value::Null;
    assert_eq!(s.post(&p).await.status(), StatusCode::CREATED);
    assert_eq!(
        s.post(&payload(&id(3), 5)).await.status(),
        StatusCode::CREATED
    );

    let r = s.get("/api/feedback.csv").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    let csv = r.text().await.expect("csv");
    let mut lines = csv.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("id,received_at,rating,comment,page,page_language,widget_language,translated,elapsed_ms")
    );
    assert!(csv.contains(
        ",3,\"'=HYPERLINK(\"\"http://x.example\"\",\"\"click\"\"), said \"\"me\"\"\nbye\",/news/item-1,en,ar,false,5321\r\n"
    ));
    assert!(csv.contains(",4,'@SUM(A1:A9),/news/item-1,en,ar,false,\r\n"));
    assert!(csv.contains(&format!("{},", id(3))));
    assert!(csv.ends_with("\r\n"));
    assert_eq!(csv.matches("\r\n").count(), 4, "header + 3 records");
}

// ---------------------------------------------------------------- durability

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
        db_rows(&s.db),
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

// ---------------------------------------------------------------- static files

#[tokio::test]
async fn static_site_bundle_and_wasm_mime() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("site")).expect("mkdir");
    std::fs::create_dir_all(dir.path().join("dist")).expect("mkdir");
    std::fs::write(dir.path().join("site/index.html"), "<h1>demo</h1>").expect("write");
    std::fs::write(
        dir.path().join("dist/feedwidgets_bg.wasm"),
        b"\0asm\x01\0\0\0",
    )
    .expect("write");
    std::fs::write(dir.path().join("dist/feedwidgets.js"), "export {}").expect("write");
    let s = start(config(dir.path())).await;

    let r = s.get("/").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers()[header::CONTENT_TYPE]
        .to_str()
        .is_ok_and(|c| c.starts_with("text/html")));
    assert_eq!(r.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(r.text().await.expect("body"), "<h1>demo</h1>");

    let r = s.get("/dist/feedwidgets_bg.wasm").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()[header::CONTENT_TYPE], "application/wasm");
    assert_eq!(r.bytes().await.expect("body").as_ref(), b"\0asm\x01\0\0\0");

    let r = s.get("/dist/feedwidgets.js").await;
    assert!(r.headers()[header::CONTENT_TYPE]
        .to_str()
        .is_ok_and(|c| c.contains("javascript")));

    assert_eq!(
        s.get("/dist/missing.js").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(s.get("/nope.html").await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        s.get("/../Cargo.toml").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn missing_bundle_dir_is_404() {
    let (_dir, s) = start_default().await;
    assert_eq!(
        s.get("/dist/feedwidgets.js").await.status(),
        StatusCode::NOT_FOUND
    );
    // The API still works without the static directories.
    assert_eq!(
        s.post(&payload(&id(1), 4)).await.status(),
        StatusCode::CREATED
    );
}
