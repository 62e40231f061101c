//! The Origin allow-list and CORS: only submissions answer cross-origin.

mod common;

use std::num::NonZeroU32;

use reqwest::{header, StatusCode};

use common::*;

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
        let r = admin(s.client.get(s.url(path)))
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
    assert!(s.rows().await.is_empty());
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
    assert!(s.rows().await.is_empty());
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
