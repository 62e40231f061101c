//! Payload validation end to end: every refusal is a clear 4xx naming the field, with nothing stored.

mod common;

use reqwest::{header, StatusCode};
use serde_json::json;

use common::*;

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
    assert!(s.rows().await.is_empty());
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
    assert!(s.rows().await.is_empty());
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
    assert!(s.rows().await.is_empty());
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
    assert!(s.rows().await.is_empty());
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
    assert!(s.rows().await.is_empty());
}

#[tokio::test]
async fn comment_length_is_counted_after_nfc() {
    let (_dir, s) = start_default().await;
    // 1000 decomposed "é" are 2000 scalars before NFC and exactly 1000 after.
    let mut p = payload(&id(1), 4);
    p["comment"] = json!(format!("  {}  ", "e\u{301}".repeat(1000)));
    assert_eq!(s.post(&p).await.status(), StatusCode::CREATED);
    let rows = s.rows().await;
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
    assert_eq!(s.rows().await.len(), 1);
}

#[tokio::test]
async fn control_characters_in_comment_are_dropped_not_refused() {
    let (_dir, s) = start_default().await;
    let cases = [
        ("bell\u{7}", "bell"),
        ("nul\u{0}byte", "nulbyte"),
        ("esc\u{1b}[31m", "esc[31m"),
        ("lone\rcr", "lonecr"),
        ("vertical\u{b}tab", "verticaltab"),
        ("\u{7} padded \u{c}", "padded"),
        // Newlines and tabs are kept (CRLF becomes LF).
        ("line one\r\n\tline two", "line one\n\tline two"),
    ];
    for (n, (sent, stored)) in (1..).zip(cases) {
        let mut p = payload(&id(n), 4);
        p["comment"] = json!(sent);
        assert_eq!(s.post(&p).await.status(), StatusCode::CREATED, "{sent:?}");
        let rows = s.rows().await;
        let row = rows.iter().find(|r| r.0 == id(n)).expect("stored");
        assert_eq!(row.2.as_deref(), Some(stored), "{sent:?}");
    }
    // Nothing but control characters: stored without a comment.
    let mut p = payload(&id(99), 4);
    p["comment"] = json!("\u{7}\u{8}");
    assert_eq!(s.post(&p).await.status(), StatusCode::CREATED);
    let rows = s.rows().await;
    assert_eq!(
        rows.iter().find(|r| r.0 == id(99)).map(|r| r.2.clone()),
        Some(None)
    );
}

#[tokio::test]
async fn missing_or_malformed_submission_key_is_422() {
    let (_dir, s) = start_default().await;
    let mut p = payload(&id(1), 4);
    p.as_object_mut().expect("object").remove("submission_key");
    assert_error(
        s.post(&p).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "missing_field",
        Some("submission_key"),
    )
    .await;
    for bad in [
        json!("too-short"),
        json!("0123456789abcdef0123456789abcde="),
        json!("x".repeat(129)),
        json!(null),
        json!(12345),
    ] {
        let mut p = payload(&id(1), 4);
        p["submission_key"] = bad.clone();
        let r = s.post(&p).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert_eq!(json_body(r).await["field"], "submission_key", "{bad}");
    }
    assert!(s.rows().await.is_empty());
}

#[tokio::test]
async fn page_query_and_fragment_are_stripped() {
    let (_dir, s) = start_default().await;
    let mut p = payload(&id(1), 4);
    p["page"] = json!("/news/item-1?utm_source=x&email=a@b.example#comments");
    p["page_language"] = json!("EN-gb");
    assert_eq!(s.post(&p).await.status(), StatusCode::CREATED);
    let row = s
        .text_row("SELECT page, page_language FROM feedback", &[])
        .await;
    assert_eq!(row[0].as_deref(), Some("/news/item-1"));
    assert_eq!(row[1].as_deref(), Some("en-GB"));
}
