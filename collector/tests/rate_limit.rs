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
        db_rows(&s.db).len(),
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
