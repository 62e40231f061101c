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
    assert_eq!(s.rows().await, vec![(sid.clone(), 4, None, false)]);

    // The widget's second request adds the comment and may change the rating.
    let mut p = payload(&sid, 5);
    p["comment"] = json!("Clear, thanks");
    p["elapsed_ms"] = json!(9999);
    assert_eq!(s.post(&p).await.status(), StatusCode::OK);
    assert_eq!(
        s.rows().await,
        vec![(sid.clone(), 5, Some("Clear, thanks".to_owned()), false)]
    );

    // A later request without a comment keeps it.
    let mut p = payload(&sid, 5);
    p["comment"] = Value::Null;
    assert_eq!(s.post(&p).await.status(), StatusCode::OK);
    assert_eq!(
        s.rows().await,
        vec![(sid.clone(), 5, Some("Clear, thanks".to_owned()), false)]
    );

    let row = s
        .text_row(
            "SELECT CAST(elapsed_ms AS TEXT), created_at, updated_at, received_at FROM feedback",
            &[],
        )
        .await;
    let [elapsed, created, updated, received] =
        [0, 1, 2, 3].map(|i| row[i].clone().unwrap_or_default());
    let elapsed: i64 = elapsed.parse().expect("a number");
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
    assert_eq!(s.rows().await, vec![(id(1), 1, None, true)]);

    // A clean follow-up with the same id cannot launder it.
    assert_eq!(s.post(&payload(&id(1), 5)).await.status(), StatusCode::OK);
    assert!(s.rows().await[0].3, "spam flag is sticky");

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

// ---------------------------------------------------------------- submission keys

/// `(rating, comment, spam, updated_at)` of one record, as text.
async fn record(s: &Server, sid: &str) -> Vec<Option<String>> {
    s.text_row(
        "SELECT CAST(rating AS TEXT), comment, CAST(spam AS TEXT), updated_at FROM feedback \
         WHERE submission_id = ?1",
        &[sid],
    )
    .await
}

#[tokio::test]
async fn an_id_replayed_with_another_key_is_409_and_changes_nothing() {
    let (_dir, s) = start_default().await;
    let sid = id(1);
    let mut p = payload(&sid, 1);
    p["comment"] = json!("Hard to find the form");
    assert_eq!(s.post(&p).await.status(), StatusCode::CREATED);
    let before = record(&s, &sid).await;

    // The attack from the issue: the id alone turned a 1 into a 5 with a new comment.
    let mut attack = payload(&sid, 5);
    attack["submission_key"] = json!(OTHER_KEY);
    attack["comment"] = json!("Great site!");
    let r = s.post(&attack).await;
    assert_error(r, StatusCode::CONFLICT, "submission_conflict", None).await;
    assert_eq!(record(&s, &sid).await, before, "not even updated_at moved");

    // A spam-flagged replay with the wrong key cannot hide the rating either.
    attack["honeypot"] = json!("gotcha");
    assert_eq!(s.post(&attack).await.status(), StatusCode::CONFLICT);
    assert_eq!(record(&s, &sid).await, before);
    assert_eq!(
        s.summary().await["overall"]["counts"],
        json!([1, 0, 0, 0, 0])
    );

    // The owner can still amend it.
    let mut own = payload(&sid, 2);
    own["comment"] = json!("Found it in the end");
    assert_eq!(s.post(&own).await.status(), StatusCode::OK);
    assert_eq!(record(&s, &sid).await[0].as_deref(), Some("2"));
}

#[tokio::test]
async fn the_spam_answer_is_identical_to_the_normal_one() {
    let (_dir, s) = start_default().await;
    let normal = s.post(&payload(&id(1), 4)).await;
    let mut spam_payload = payload(&id(2), 4);
    spam_payload["honeypot"] = json!("http://spam.example");
    let spam = s.post(&spam_payload).await;
    let shape = |r: &reqwest::Response| {
        let mut headers: Vec<(String, String)> = r
            .headers()
            .iter()
            .filter(|(k, _)| *k != reqwest::header::DATE)
            .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or_default().to_owned()))
            .collect();
        headers.sort();
        (r.status(), headers)
    };
    assert_eq!(shape(&normal), shape(&spam));
    let normal = normal.text().await.expect("body");
    let spam = spam.text().await.expect("body");
    assert_eq!(normal.replace(&id(1), "ID"), spam.replace(&id(2), "ID"));

    // Repeats too: 200 with the same body for both.
    let again = s.post(&payload(&id(1), 4)).await.status();
    let spam_again = s.post(&spam_payload).await.status();
    assert_eq!((again, spam_again), (StatusCode::OK, StatusCode::OK));
    assert_eq!(
        s.rows().await.iter().map(|r| r.3).collect::<Vec<_>>(),
        [false, true],
        "the spam is stored flagged"
    );
}

#[tokio::test]
async fn records_from_before_keys_cannot_be_amended() {
    if on_postgres() {
        pg::skipped("records_from_before_keys_cannot_be_amended: skipped on PostgreSQL: it seeds a SQLite file of the previous schema");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let c = config(dir.path());
    // A database written by the previous version: schema 1, no key column.
    std::fs::create_dir_all(c.db.parent().expect("parent")).expect("mkdir");
    let conn = rusqlite::Connection::open(&c.db).expect("create");
    conn.execute_batch(feedwidgets_collector::db::schema::v1_for_tests())
        .expect("v1 schema");
    conn.execute_batch(&format!(
        "PRAGMA user_version = 1;
         INSERT INTO feedback VALUES ('{}', 2, 'old comment', '/', 'en', 'en', 0, NULL, 0,
           '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');",
        id(1)
    ))
    .expect("old record");
    drop(conn);
    let s = start(c).await;
    let before = record(&s, &id(1)).await;
    for key in [KEY, OTHER_KEY] {
        let mut p = payload(&id(1), 5);
        p["submission_key"] = json!(key);
        assert_eq!(s.post(&p).await.status(), StatusCode::CONFLICT);
    }
    assert_eq!(record(&s, &id(1)).await, before);
    assert_eq!(
        s.summary().await["overall"]["counts"],
        json!([0, 1, 0, 0, 0])
    );
}
