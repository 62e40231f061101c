//! Sending a rating in headless Chromium: the request it makes, in flight, thanked, sent once
//! however it is pressed, compact, what the body says about the page and its languages.

#![cfg(target_arch = "wasm32")]

mod support;

use support::feedback::*;
use support::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn sending_without_a_choice_asks_for_one_and_sends_nothing() {
    setup();
    let url = endpoint("no-choice");
    respond(&url, 204, "");
    let host = feedback(&[("endpoint", &url)]).await;
    submit(&host);
    let message = wait_for(&host, "[role=alert]").await;
    assert_eq!(message.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(
        text(&host, "[role=alert]").as_deref(),
        Some("Please choose an answer first.")
    );
    // A span of time for a negative check: no request follows.
    sleep(200).await;
    assert!(calls_to(&url).is_empty(), "no request without a choice");
    assert!(find(&host, "form").is_some(), "the form stays");

    choose(&host, 2);
    wait_gone(&host, "[role=alert]").await;
}

#[wasm_bindgen_test]
async fn a_rating_is_posted_as_json_and_thanked() {
    setup();
    let url = endpoint("post");
    respond_after(&url, 300, 201, "");
    let host = feedback(&[("endpoint", &url)]).await;
    let submitted = EventLog::on_document("fw:feedback:submitted");
    // A real time under test: elapsed_ms counts from showing the form.
    sleep(120).await;
    choose(&host, 4);
    wait_until("4 to be chosen", 2_000, || is_checked(&radio(&host, 4))).await;
    assert!(is_checked(&find(&host, "input[value='4']").unwrap()));
    submit(&host);

    // In flight.
    wait_for_button(&host, "Sending…").await;
    assert!(is_disabled(&find(&host, "button[type=submit]").unwrap()));
    assert!(
        find(&host, "fieldset[disabled]").is_some(),
        "the choice is frozen while sending"
    );

    let sent = wait_for_calls(&url, 1).await;
    assert_eq!(sent.len(), 1);
    let request = &sent[0];
    assert_eq!(request.method, "POST");
    assert_eq!(request.content_type.as_deref(), Some("application/json"));
    let body = request.json();
    assert_eq!(
        keys(&body),
        [
            "elapsed_ms",
            "honeypot",
            "page",
            "page_language",
            "rating",
            "submission_id",
            "submission_key",
            "translated",
            "widget_language"
        ]
    );
    let id = field(&body, "submission_id")
        .as_string()
        .expect("a string id");
    assert!(is_uuid_v4(&id), "a UUID v4: {id}");
    let key = field(&body, "submission_key")
        .as_string()
        .expect("a string key");
    assert!(is_key(&key), "32 lowercase hex digits: {key}");
    assert_ne!(
        key,
        id.replace('-', ""),
        "the key is not derived from the id"
    );
    assert_eq!(field(&body, "rating").as_f64(), Some(4.0));
    assert_eq!(field(&body, "page").as_string(), Some(location_path()));
    assert_eq!(
        field(&body, "page_language").as_string().as_deref(),
        Some("en")
    );
    assert_eq!(
        field(&body, "widget_language").as_string().as_deref(),
        Some("en")
    );
    assert_eq!(field(&body, "translated").as_bool(), Some(false));
    assert_eq!(field(&body, "honeypot").as_string().as_deref(), Some(""));
    let elapsed = field(&body, "elapsed_ms").as_f64().expect("a number");
    assert!(
        (100.0..60_000.0).contains(&elapsed),
        "elapsed_ms counts from showing the form: {elapsed}"
    );

    // Thanked.
    let thanks = wait_for_heading(&host).await;
    assert_eq!(
        thanks.text_content().unwrap_or_default().trim(),
        "Thank you for your feedback."
    );
    assert!(
        thanks.closest("[role=status]").unwrap().is_some(),
        "the thanks is announced as a status"
    );
    wait_until("the thanks to take focus", 2_000, || {
        focused(&host).is_some_and(|f| f == thanks)
    })
    .await;
    assert!(find(&host, "form").is_none(), "the form is replaced");
    wait_until("fw:feedback:submitted", 2_000, || submitted.count() == 1).await;
    let event = &submitted.events()[0];
    assert_eq!(event.field("submission_id").as_string(), Some(id));
    assert_eq!(event.field("rating").as_f64(), Some(4.0));
    assert!(event.bubbles && event.composed);
    assert_eq!(event.target, JsValue::from(host.clone()));
    assert_eq!(
        keys(&event.detail),
        ["queued", "rating", "submission_id"],
        "the key is never dispatched"
    );
    let shown = shadow(&host).inner_html();
    assert!(!shown.contains(&key), "the key is never shown: {shown}");
    drop(submitted);
}

#[wasm_bindgen_test]
async fn a_double_click_sends_once() {
    setup();
    let url = endpoint("double");
    respond_after(&url, 200, 200, "{}");
    let host = feedback(&[("endpoint", &url)]).await;
    rate_and_submit(&host, 5).await;
    submit(&host);
    wait_for_heading(&host).await;
    // A span of time for a negative check: no second request follows.
    sleep(100).await;
    assert_eq!(calls_to(&url).len(), 1, "one request for two clicks");
}

#[wasm_bindgen_test]
async fn a_choice_and_a_submit_in_the_same_task_send_that_choice() {
    setup();
    let url = endpoint("same-task");
    respond(&url, 201, "{}");
    let host = feedback(&[("endpoint", &url)]).await;
    // No render between the two: a script, or two events in one task.
    choose(&host, 4);
    submit(&host);
    wait_for_heading(&host).await;
    let sent = calls_to(&url);
    assert_eq!(sent.len(), 1, "one POST");
    assert_eq!(field(&sent[0].json(), "rating").as_f64(), Some(4.0));
}

#[wasm_bindgen_test]
async fn compact_sends_on_choice_once() {
    setup();
    let url = endpoint("compact");
    respond_after(&url, 200, 201, "{}");
    let host = feedback(&[("endpoint", &url), ("compact", "")]).await;
    let rated = EventLog::on_document("fw:feedback:rated");
    assert!(
        find(&host, "button[type=submit]").is_none(),
        "no send button: choosing sends"
    );
    choose(&host, 5);
    wait_for(&host, "fieldset[disabled]").await;
    choose(&host, 1);
    wait_for_heading(&host).await;
    // A span of time for a negative check: no second request follows.
    sleep(100).await;
    let sent = calls_to(&url);
    assert_eq!(sent.len(), 1, "one POST");
    assert_eq!(field(&sent[0].json(), "rating").as_f64(), Some(5.0));
    assert_eq!(rated.count(), 1);
    assert_eq!(rated.events()[0].field("rating").as_f64(), Some(5.0));
    assert_eq!(
        rated.events()[0].field("submission_id").as_string(),
        id_of(&sent[0])
    );
    drop(rated);
}

/// What the browser does on an arrow key in a radio group: the key goes down, then the next
/// radio is checked with a click (and a change).
fn arrow_to(host: &web_sys::Element, from: u8, to: u8) {
    key_down(&radio(host, from), "ArrowRight");
    choose(host, to);
}

#[wasm_bindgen_test]
async fn compact_moves_on_arrow_keys_and_sends_on_enter_or_space() {
    setup();
    let url = endpoint("compact-keys");
    respond(&url, 200, "{}");
    let host = feedback(&[("endpoint", &url), ("compact", "")]).await;
    arrow_to(&host, 1, 2);
    arrow_to(&host, 2, 3);
    // A span of time for a negative check: moving through the group sends nothing.
    sleep(150).await;
    assert!(calls_to(&url).is_empty(), "no POST on the arrow keys");
    assert!(is_checked(&radio(&host, 3)));
    assert!(heading(&host).is_none(), "the form stays");
    key_down(&radio(&host, 3), "Enter");
    wait_for_heading(&host).await;
    let sent = calls_to(&url);
    assert_eq!(sent.len(), 1, "Enter sends the checked answer once");
    assert_eq!(field(&sent[0].json(), "rating").as_f64(), Some(3.0));

    let url = endpoint("compact-space");
    respond(&url, 200, "{}");
    let host = feedback(&[("endpoint", &url), ("compact", "")]).await;
    arrow_to(&host, 1, 4);
    // Space: the key goes down, then the browser clicks the focused radio.
    key_down(&radio(&host, 4), " ");
    choose(&host, 4);
    wait_for_heading(&host).await;
    let sent = calls_to(&url);
    assert_eq!(sent.len(), 1, "Space sends once");
    assert_eq!(field(&sent[0].json(), "rating").as_f64(), Some(4.0));
}

#[wasm_bindgen_test]
async fn compact_says_politely_that_a_rating_waits() {
    setup();
    let url = endpoint("compact-polite");
    respond(&url, 503, "{}");
    let host = feedback(&[("endpoint", &url), ("compact", "")]).await;
    choose(&host, 5);
    wait_for_text(&host, "[role=status]", QUEUED_EN).await;
    assert!(
        alert(&host).is_none(),
        "a pick is answered by a status, not an alert"
    );
    forget();
}

#[wasm_bindgen_test]
async fn the_page_is_sent_without_query_fragment_or_email() {
    setup();
    let original = location_href();
    let url = endpoint("page");
    respond(&url, 200, "{}");
    let host = feedback(&[("endpoint", &url)]).await;

    replace_url("/fw-tests/people/jane.doe@example.org/profile?token=secret#details");
    rate_and_submit(&host, 2).await;
    let sent = wait_for_calls(&url, 1).await;
    replace_url(&original);
    assert_eq!(
        field(&sent[0].json(), "page").as_string().as_deref(),
        Some("/fw-tests/people/[email]/profile")
    );
    assert!(!sent[0]
        .body
        .as_deref()
        .unwrap_or_default()
        .contains("secret"));
    wait_for_heading(&host).await;
}

#[wasm_bindgen_test]
async fn languages_and_translation_are_reported() {
    setup();
    // A translator rewrites <html lang> and marks <html>; a second boot call (a second loader)
    // cannot replace the language recorded at the first.
    let html = html();
    let original_lang = html.get_attribute("lang");
    feedwidgets::embed::boot(Some("fr".into()));
    html.set_attribute("lang", "ar").unwrap();
    set_html_class("translated-rtl", true);

    let url = endpoint("languages");
    respond(&url, 200, "{}");
    let plain = feedback(&[("endpoint", &url)]).await;
    let arabic = feedback(&[("endpoint", &url), ("lang", "ar")]).await;
    forget();
    assert_eq!(
        attr(&plain, "form", "lang").as_deref(),
        Some("en"),
        "the page's language from before the translation"
    );
    for (host, rating) in [(&plain, 1), (&arabic, 5)] {
        rate_and_submit(host, rating).await;
        wait_for_heading(host).await;
    }
    set_html_class("translated-rtl", false);
    match original_lang {
        Some(lang) => html.set_attribute("lang", &lang).unwrap(),
        None => html.remove_attribute("lang").unwrap(),
    }

    let sent = calls_to(&url);
    assert_eq!(sent.len(), 2);
    let plain_body = sent[0].json();
    let arabic_body = sent[1].json();
    assert_eq!(
        field(&plain_body, "page_language").as_string().as_deref(),
        Some("en")
    );
    assert_eq!(
        field(&plain_body, "widget_language").as_string().as_deref(),
        Some("en")
    );
    assert_eq!(field(&plain_body, "translated").as_bool(), Some(true));
    assert_eq!(
        field(&arabic_body, "page_language").as_string().as_deref(),
        Some("en")
    );
    assert_eq!(
        field(&arabic_body, "widget_language")
            .as_string()
            .as_deref(),
        Some("ar")
    );
    assert_eq!(field(&arabic_body, "rating").as_f64(), Some(5.0));
    assert_eq!(text(&arabic, "h2").as_deref(), Some("شكرًا لك على ملاحظاتك."));
}

#[wasm_bindgen_test]
async fn two_widgets_make_two_submissions() {
    setup();
    let url = endpoint("two");
    respond(&url, 200, "{}");
    let first = feedback(&[("endpoint", &url)]).await;
    let second = feedback(&[("endpoint", &url)]).await;
    for host in [&first, &second] {
        rate_and_submit(host, 3).await;
        wait_for_heading(host).await;
    }
    let sent = calls_to(&url);
    assert_eq!(sent.len(), 2);
    assert_ne!(
        field(&sent[0].json(), "submission_id").as_string(),
        field(&sent[1].json(), "submission_id").as_string(),
        "each widget has its own submission id"
    );
}
