//! Per-client rate limiting of submissions.

mod common;

use std::num::NonZeroU32;

use reqwest::{header, StatusCode};

use common::*;

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
        s.rows().await.len(),
        3,
        "the refused submission was not stored"
    );
    // Reading is not limited.
    assert_eq!(
        s.admin_get("/api/feedback/summary").await.status(),
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

#[tokio::test]
async fn a_flood_of_refusals_is_logged_in_one_line() {
    use std::ffi::OsString;
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("feedback.sqlite3");
    let launch = common::binary::Launch {
        args: ["--rate-limit-per-minute", "1", "--rate-limit-burst", "1"]
            .iter()
            .map(OsString::from)
            .collect(),
        wrapper: Vec::new(),
        env: vec![("RUST_LOG".into(), "info".into())],
    };
    let c = common::binary::Collector::start_with(
        dir.path(),
        &db,
        common::binary::free_port(),
        1,
        &launch,
    )
    .await;
    let http = common::binary::client();
    let mut refused = 0;
    for n in 0..300 {
        let r = http
            .post(c.url("/api/feedback"))
            .json(&payload(&id(n), 4))
            .send()
            .await
            .expect("post");
        if r.status() == StatusCode::TOO_MANY_REQUESTS {
            refused += 1;
        }
    }
    assert!(refused >= 298, "{refused} refused");
    let log = std::fs::read_to_string(dir.path().join("collector-1.log")).expect("log");
    let lines = log.lines().filter(|l| l.contains("rate limit")).count();
    assert_eq!(lines, 1, "one line for {refused} refusals:\n{log}");
}
