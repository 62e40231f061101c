//! A rating belongs to its sender: the same id with the same key updates it, another key is
//! refused with 409 and changes nothing, and a spam answer cannot be told from a real one.

mod common;

use reqwest::StatusCode;
use serde_json::{json, Value};

use common::*;

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

#[tokio::test]
async fn honeypot_is_accepted_looking_but_never_counted() {
    let (_dir, s) = start_default().await;
    let mut p = payload(&id(1), 1);
    p["honeypot"] = json!("http://spam.example");
    let r = s.post(&p).await;
    assert_eq!(r.status(), StatusCode::CREATED);
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
    let csv = s.csv().await;
    assert!(!csv.contains(&id(1)));
    assert!(csv.contains(&id(2)));
}
