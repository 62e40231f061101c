//! The feedback widget's comment step in headless Chromium: the same submission, from the
//! attribute or the feed, skipped, refused.

#![cfg(target_arch = "wasm32")]

mod support;

use support::feedback::*;
use support::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_comment_step_updates_the_same_submission() {
    setup();
    let url = endpoint("comment");
    respond_after(&url, 100, 201, "{}");
    let host = feedback(&[("endpoint", &url), ("comment", "")]).await;
    let submitted = EventLog::on_document("fw:feedback:submitted");
    rate_and_submit(&host, 4).await;

    let heading = wait_for_heading(&host).await;
    assert_eq!(
        heading.text_content().unwrap_or_default(),
        "Thank you, your answer is saved."
    );
    assert!(heading.closest("[role=status]").unwrap().is_some());
    wait_until("the comment step's heading to take focus", 2_000, || {
        focused(&host).is_some_and(|f| f == heading)
    })
    .await;
    assert_eq!(
        calls_to(&url).len(),
        1,
        "the rating is saved before the comment"
    );
    assert_eq!(
        field(&calls_to(&url)[0].json(), "comment"),
        JsValue::UNDEFINED
    );

    let area = find(&host, "textarea#fw-comment").expect("a comment field");
    assert_eq!(area.get_attribute("maxlength").as_deref(), Some("1000"));
    assert_eq!(
        text(&host, "label[for=fw-comment]").as_deref(),
        Some("Anything to add? (optional)")
    );
    assert_eq!(
        area.get_attribute("aria-describedby").as_deref(),
        Some("fw-comment-hint fw-comment-count")
    );
    assert!(text(&host, "#fw-comment-hint")
        .unwrap_or_default()
        .contains("personal information"));
    assert_eq!(
        text(&host, "#fw-comment-count").as_deref(),
        Some("0 / 1000")
    );
    assert_eq!(
        find_button(&host, "Skip")
            .map(|button| accessible_name(&button))
            .as_deref(),
        Some("Skip")
    );
    type_text(&area, "Très utile, merci.");
    wait_for_text(&host, "#fw-comment-count", "18 / 1000").await;
    submit(&host);

    wait_for_text(&host, "h2", "Thank you for your feedback.").await;
    let sent = calls_to(&url);
    assert_eq!(sent.len(), 2, "two POSTs: the rating, then the comment");
    assert_eq!(id_of(&sent[0]), id_of(&sent[1]), "the same submission_id");
    let key = key_of(&sent[0]).expect("the rating carries a key");
    assert!(is_key(&key), "{key}");
    assert_eq!(
        key_of(&sent[1]).as_deref(),
        Some(key.as_str()),
        "the comment carries the rating's key"
    );
    let second = sent[1].json();
    assert_eq!(
        field(&second, "comment").as_string().as_deref(),
        Some("Très utile, merci.")
    );
    assert_eq!(field(&second, "rating").as_f64(), Some(4.0));
    assert_eq!(submitted.count(), 2);
    assert!(find(&host, "textarea").is_none());
    drop(submitted);
}

#[wasm_bindgen_test]
async fn the_comment_step_comes_from_the_feed_and_can_be_skipped() {
    setup();
    let url = endpoint("skip");
    let feed = "https://feeds.test/feedback/comment.json";
    respond(
        feed,
        200,
        &json_feed(
            "[]",
            &format!(r#""_widgets":{{"feedback":{{"endpoint":"{url}","comment":true}}}}"#),
        ),
    );
    respond(&url, 201, "{}");
    forget();
    let host = add_feedback(&[("src", feed), ("lang", "ar")]);
    wait_for(&host, "form legend").await;
    rate_and_submit(&host, 2).await;
    wait_for_text(&host, "h2", "شكرًا لك، حُفظت إجابتك.").await;
    assert_eq!(attr(&host, "form", "dir").as_deref(), Some("rtl"));
    press(&host, "تخطٍّ");
    wait_for_text(&host, "h2", "شكرًا لك على ملاحظاتك.").await;
    // A span of time for a negative check: nothing more is sent.
    sleep(100).await;
    assert_eq!(calls_to(&url).len(), 1, "skipping sends nothing more");

    // Without the option, no comment step.
    let plain_url = endpoint("no-comment");
    respond(&plain_url, 201, "{}");
    let plain = feedback(&[("endpoint", &plain_url), ("comment", "false")]).await;
    rate_and_submit(&plain, 5).await;
    wait_for_text(&plain, "h2", "Thank you for your feedback.").await;
    assert!(find(&plain, "textarea").is_none());
}

#[wasm_bindgen_test]
async fn a_refused_comment_keeps_the_saved_rating() {
    setup();
    let url = endpoint("comment-refused");
    respond(&url, 201, "{}");
    let host = feedback(&[("endpoint", &url), ("comment", "")]).await;
    rate_and_submit(&host, 4).await;
    wait_for_text(&host, "h2", "Thank you, your answer is saved.").await;
    respond(&url, 422, r#"{"error":"invalid_field"}"#);
    let area = find(&host, "textarea#fw-comment").unwrap();
    type_text(&area, "Merci");
    submit(&host);
    wait_for_refusal(
        &host,
        "Your comment could not be accepted. Your answer is saved.",
    )
    .await;
    assert!(area.has_attribute("readonly"), "the comment as it was sent");
    let sent = calls_to(&url);
    assert_eq!(sent.len(), 2);
    assert_eq!(key_of(&sent[0]), key_of(&sent[1]));
    assert_eq!(outbox(), None);
}
