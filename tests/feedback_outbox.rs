//! The feedback widget's outbox in headless Chromium: what is queued and what is final, retries
//! with the same submission id and key, back online, on the next page load, old and broken entries.

#![cfg(target_arch = "wasm32")]

mod support;

use support::feedback::*;
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_collector_error_queues_the_rating_and_offers_a_retry_with_the_same_id() {
    setup();
    let url = endpoint("retry");
    respond(&url, 500, r#"{"error":"down"}"#);
    let host = feedback(&[("endpoint", &url)]).await;
    let mark = error_mark();
    rate_and_submit(&host, 3).await;

    let message = wait_for(&host, "[role=alert]").await;
    assert_eq!(
        message.text_content().unwrap_or_default().trim(),
        "Not sent yet: your answer is saved on this device and will be sent when the connection is back."
    );
    assert_eq!(message.get_attribute("role").as_deref(), Some("alert"));
    wait_until("the error message to take focus", 2_000, || {
        focused(&host).is_some_and(|f| f == message)
    })
    .await;
    wait_for_button(&host, "Try again").await;
    assert!(!is_disabled(&find(&host, "button[type=submit]").unwrap()));
    assert!(
        is_checked(&find(&host, "input[value='3']").unwrap()),
        "the choice is kept"
    );
    wait_for_error(mark).await;

    respond(&url, 200, "{}");
    submit(&host);
    wait_for_heading(&host).await;
    let sent = calls_to(&url);
    assert_eq!(sent.len(), 2);
    let first = field(&sent[0].json(), "submission_id").as_string();
    let second = field(&sent[1].json(), "submission_id").as_string();
    assert!(first.is_some());
    assert_eq!(first, second, "a retry is the same submission");
    assert_eq!(field(&sent[1].json(), "rating").as_f64(), Some(3.0));
}

#[wasm_bindgen_test]
async fn a_network_error_is_a_failure_too() {
    setup();
    let url = endpoint("offline");
    network_error(&url, 50);
    let host = feedback(&[("endpoint", &url), ("lang", "fr")]).await;
    rate_and_submit(&host, 1).await;
    wait_for_text(
        &host,
        "[role=alert]",
        "Pas encore envoyée\u{202F}: votre réponse est enregistrée sur cet appareil et sera envoyée au retour de la connexion.",
    )
    .await;
    wait_for_button(&host, "Réessayer").await;
    assert!(find(&host, "h2").is_none());
}

#[wasm_bindgen_test]
async fn collector_down_then_up_delivers_once_after_online() {
    setup();
    let url = endpoint("down-up");
    network_error(&url, 20);
    let host = feedback(&[("endpoint", &url)]).await;
    let errors = EventLog::on_document("fw:feedback:error");
    let submitted = EventLog::on_document("fw:feedback:submitted");
    rate_and_submit(&host, 2).await;

    wait_for_text(&host, "[role=alert]", QUEUED_EN).await;
    let message = find(&host, "[role=alert]").unwrap();
    assert_eq!(message.get_attribute("role").as_deref(), Some("alert"));
    assert!(
        message
            .class_list()
            .contains("fw-feedback__message--queued"),
        "shown as saved, not as an error"
    );
    wait_until("the message to take focus", 2_000, || {
        focused(&host).is_some_and(|f| f == message)
    })
    .await;
    wait_for_button(&host, "Try again").await;
    let id = id_of(&calls_to(&url)[0]).expect("an id");
    let key = key_of(&calls_to(&url)[0]).expect("a key");
    let stored = outbox().expect("the rating waits in the outbox");
    assert!(stored.contains(&id), "{stored}");
    assert!(stored.contains(&key), "kept with its key: {stored}");
    assert_eq!(
        local("feedwidgets:feedback:outbox").as_deref(),
        Some(stored.as_str()),
        "in localStorage"
    );
    wait_until("fw:feedback:error", 2_000, || errors.count() == 1).await;
    assert_eq!(errors.events()[0].field("queued").as_bool(), Some(true));

    respond(&url, 201, "{}");
    go_online();
    wait_for_text(&host, "h2", "Thank you for your feedback.").await;
    // A span of time for a negative check: no second delivery follows.
    sleep(300).await;
    let sent = calls_to(&url);
    assert_eq!(sent.len(), 2, "the failed POST and exactly one delivery");
    assert!(sent
        .iter()
        .all(|call| id_of(call).as_deref() == Some(id.as_str())));
    assert!(
        sent.iter()
            .all(|call| key_of(call).as_deref() == Some(key.as_str())),
        "the retry carries the same key"
    );
    assert_eq!(outbox(), None, "the outbox is empty after delivery");
    assert_eq!(submitted.count(), 1);
    drop(errors);
    drop(submitted);
}

#[wasm_bindgen_test]
async fn the_outbox_is_sent_on_the_next_page_load() {
    setup();
    let url = endpoint("next-load");
    respond(&url, 503, "{}");
    let host = feedback(&[("endpoint", &url)]).await;
    rate_and_submit(&host, 3).await;
    wait_for_text(&host, "[role=alert]", QUEUED_EN).await;
    let id = id_of(&calls_to(&url)[0]).expect("an id");
    let key = key_of(&calls_to(&url)[0]).expect("a key");
    drop(host);
    // A span of time for a negative check: the widget's going takes nothing out.
    sleep(50).await;
    assert!(
        outbox().is_some_and(|o| o.contains(&id)),
        "kept after the widget is gone"
    );

    respond(&url, 200, "{}");
    // A new page load: a feedback widget mounts. The visitor rated (queued counts), so it
    // shows the short thanks, and it sends what waits.
    let next = add_feedback(&[("endpoint", &url)]);
    wait_for_text(
        &next,
        "p[role=status]",
        "Thanks, you already gave your feedback.",
    )
    .await;
    wait_until("the queued rating to be sent", 5_000, || {
        calls_to(&url).len() == 2
    })
    .await;
    wait_until("the outbox to empty", 2_000, || outbox().is_none()).await;
    assert_eq!(id_of(&calls_to(&url)[1]).as_deref(), Some(id.as_str()));
    assert_eq!(
        key_of(&calls_to(&url)[1]).as_deref(),
        Some(key.as_str()),
        "another widget sends the waiting rating with its own key"
    );
    assert_eq!(
        field(&calls_to(&url)[1].json(), "rating").as_f64(),
        Some(3.0)
    );
}

#[wasm_bindgen_test]
async fn a_refusal_is_final_and_not_kept() {
    setup();
    let url = endpoint("refused");
    respond(&url, 422, r#"{"error":"invalid_field"}"#);
    let host = feedback(&[("endpoint", &url)]).await;
    let errors = EventLog::on_document("fw:feedback:error");
    let mark = error_mark();
    rate_and_submit(&host, 1).await;
    wait_for_refusal(&host, REFUSED_EN).await;
    assert!(
        find(&host, "fieldset[disabled]").is_some(),
        "nothing more to choose: the choice would only be refused again"
    );
    wait_for_error(mark).await;
    assert_eq!(outbox(), None, "a final 4xx is not kept");
    wait_until("fw:feedback:error", 2_000, || errors.count() == 1).await;
    assert_eq!(errors.events()[0].field("queued").as_bool(), Some(false));
    assert_eq!(
        keys(&errors.events()[0].detail),
        ["queued", "rating", "submission_id"]
    );

    // Nothing sends it again: not the online event, not a new widget.
    go_online();
    let next = add_feedback(&[("endpoint", &url)]);
    wait_for(&next, "form legend").await;
    // A span of time for a negative check: nothing is sent again.
    sleep(200).await;
    assert_eq!(calls_to(&url).len(), 1, "one POST, refused, never repeated");
    drop(errors);
}

#[wasm_bindgen_test]
async fn a_conflict_is_a_refusal_in_every_language() {
    setup();
    // 409: the collector has this id from another key. Sending again cannot change that.
    let url = endpoint("conflict");
    respond(&url, 409, r#"{"error":"conflict"}"#);
    let errors = EventLog::on_document("fw:feedback:error");
    for (lang, message) in [
        ("en", REFUSED_EN),
        ("fr", "Votre réponse n’a pas pu être acceptée."),
        ("ar", "تعذّر قبول إجابتك."),
    ] {
        let host = feedback(&[("endpoint", &url), ("lang", lang), ("compact", "")]).await;
        choose(&host, 5);
        wait_for_refusal(&host, message).await;
        choose(&host, 2);
        // A span of time for a negative check: the new choice sends nothing.
        sleep(100).await;
        assert!(
            is_checked(&find(&host, "input[value='5']").unwrap()),
            "{lang}: compact sends nothing more on a new choice"
        );
    }
    assert_eq!(calls_to(&url).len(), 3, "one POST per widget");
    assert_eq!(outbox(), None);
    assert_eq!(errors.count(), 3);
    assert!(errors
        .events()
        .iter()
        .all(|event| event.field("queued").as_bool() == Some(false)));
    drop(errors);
}

#[wasm_bindgen_test]
async fn only_a_timeout_a_rate_limit_or_a_server_error_queues() {
    setup();
    for status in [408, 429, 503] {
        let url = endpoint(&format!("queues-{status}"));
        respond(&url, status, "{}");
        let host = feedback(&[("endpoint", &url)]).await;
        rate_and_submit(&host, 3).await;
        wait_for_text(&host, "[role=alert]", QUEUED_EN).await;
        wait_for_button(&host, "Try again").await;
        let key = key_of(&calls_to(&url)[0]).expect("a key");
        assert!(
            outbox().is_some_and(|stored| stored.contains(&key)),
            "{status}: kept with its key"
        );
    }
    forget();
}

#[wasm_bindgen_test]
async fn a_rating_queued_by_an_earlier_release_gets_a_key_it_keeps() {
    setup();
    let url = endpoint("legacy");
    respond(&url, 503, "{}");
    forget();
    // What the release before keys stored: a body without `submission_key`.
    let id = "0b7c3a52-6b1e-4c8e-9f00-5d1f0c6a7e21";
    let body = format!(
        r#"{{"submission_id":"{id}","rating":2,"page":"/","page_language":"en","widget_language":"en","translated":false,"elapsed_ms":900,"honeypot":""}}"#
    );
    let stored = format!(
        "[{{\"e\":{},\"i\":\"{id}\",\"b\":{},\"n\":1,\"d\":0}}]",
        js_sys::JSON::stringify(&url.as_str().into())
            .unwrap()
            .as_string()
            .unwrap(),
        js_sys::JSON::stringify(&body.as_str().into())
            .unwrap()
            .as_string()
            .unwrap()
    );
    feedwidgets::platform::storage::set("feedback:outbox", &stored);
    let host = add_feedback(&[("endpoint", &url)]);
    wait_for(&host, "form legend").await;
    let first = wait_for_calls(&url, 1).await;
    assert_eq!(id_of(&first[0]).as_deref(), Some(id));
    let key = key_of(&first[0]).expect("a key before it is sent");
    assert!(is_key(&key), "{key}");
    assert_eq!(field(&first[0].json(), "rating").as_f64(), Some(2.0));
    wait_until("the key to be stored with it", 2_000, || {
        outbox().is_some_and(|stored| stored.contains(&key))
    })
    .await;

    // The 503 has been taken in (a second failed attempt counted) before the network comes
    // back: an `online` while that first attempt is in flight would find nothing to send.
    wait_until("the first attempt to be answered", 5_000, || {
        outbox().is_some_and(|stored| stored.contains(r#""n":2"#))
    })
    .await;

    respond(&url, 201, "{}");
    go_online();
    wait_until("the outbox to empty", 5_000, || outbox().is_none()).await;
    let sent = calls_to(&url);
    assert_eq!(sent.len(), 2);
    assert_eq!(
        key_of(&sent[1]).as_deref(),
        Some(key.as_str()),
        "the same key again"
    );
}

#[wasm_bindgen_test]
async fn garbage_in_the_outbox_is_dropped_and_the_form_works() {
    setup();
    let url = endpoint("garbage");
    respond(&url, 201, "{}");
    forget();
    let mark = error_mark();
    for garbage in [
        "not json",
        "{}",
        r#"[7,null,{"e":1},{"e":"x","i":"y","b":"not json"},{"e":"x","i":"y","b":"{\"submission_key\":\"XYZ\"}"}]"#,
    ] {
        feedwidgets::platform::storage::set("feedback:outbox", garbage);
        let host = add_feedback(&[("endpoint", &url)]);
        wait_for(&host, "form legend").await;
        rate_and_submit(&host, 4).await;
        wait_for_heading(&host).await;
        drop(host);
        forget();
    }
    // A span of time for a negative check: nothing is sent from the garbage.
    sleep(100).await;
    assert_eq!(calls_to(&url).len(), 3, "only the three ratings were sent");
    assert!(calls_to("x").is_empty(), "nothing from the garbage");
    assert!(
        errors_since(mark).iter().all(|e| !e.contains("panicked")),
        "{:?}",
        errors_since(mark)
    );
}

/// A widget with `attributes` whose rating waits in the outbox: the collector answered 503.
async fn queued(url: &str, attributes: &[(&str, &str)], rating: u8) -> Mounted {
    respond(url, 503, "{}");
    let mut all = vec![("endpoint", url)];
    all.extend_from_slice(attributes);
    let host = feedback(&all).await;
    rate_and_submit(&host, rating).await;
    wait_for_text(&host, "[role=alert]", QUEUED_EN).await;
    host
}

/// The English heading of the comment step.
const COMMENT_HEADING_EN: &str = "Thank you, your answer is saved.";

#[wasm_bindgen_test]
async fn a_rating_the_retry_timer_delivers_shows_as_delivered_and_offers_the_comment() {
    setup();
    let url = endpoint("timer-delivered");
    let host = queued(&url, &[("comment", "")], 4).await;
    respond(&url, 200, "{}");
    // The first retry is due after 2.5 to 5 s.
    wait_until("the retry timer to send again", 8_000, || {
        calls_to(&url).len() == 2
    })
    .await;
    wait_for_text(&host, "h2", COMMENT_HEADING_EN).await;
    assert!(alert(&host).is_none(), "no longer \"not sent yet\"");
    assert!(
        find(&host, "textarea").is_some(),
        "the comment step is offered"
    );
    assert_eq!(outbox(), None);
    forget();
}

#[wasm_bindgen_test]
async fn a_rating_another_tab_delivers_shows_as_delivered() {
    setup();
    let url = endpoint("tab-delivered");
    let host = queued(&url, &[], 2).await;
    other_tab_sent();
    wait_for_text(&host, "h2", "Thank you for your feedback.").await;
    assert_eq!(calls_to(&url).len(), 1, "this tab sent nothing more");
    forget();
}

#[wasm_bindgen_test]
async fn reloading_with_a_queued_rating_says_it_is_saved_and_not_sent_yet() {
    setup();
    let url = endpoint("reload-queued");
    let host = queued(&url, &[], 3).await;
    drop(host);
    hold(&url);
    let next = add_feedback(&[("endpoint", &url)]);
    wait_for_text(&next, "p[role=status]", QUEUED_EN).await;
    wait_until("the page load to send what waits", 5_000, || {
        calls_to(&url).len() == 2
    })
    .await;
    release(&url, 200, "{}");
    wait_for_text(
        &next,
        "p[role=status]",
        "Thanks, you already gave your feedback.",
    )
    .await;
    assert_eq!(outbox(), None);
    forget();
}
