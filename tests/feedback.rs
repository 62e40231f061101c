//! The feedback widget in headless Chromium: the form in three languages, choosing and sending,
//! the request it makes, in-flight, success, failure and retry, where the endpoint comes from,
//! the submission key that makes a rating its sender's.

#![cfg(target_arch = "wasm32")]

mod support;

use support::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

const LABELS_EN: [&str; 5] = [
    "Extremely dissatisfied",
    "Dissatisfied",
    "Neither satisfied nor dissatisfied",
    "Satisfied",
    "Extremely satisfied",
];

fn endpoint(name: &str) -> String {
    format!("https://collector.test/feedback/{name}")
}

/// Forgets that this visitor rated and empties the outbox: every test is a new visitor.
fn forget() {
    feedwidgets::platform::storage::remove("feedback:rated");
    feedwidgets::platform::storage::remove("feedback:outbox");
}

/// A feedback custom element with `attributes`, its form shown (as to a new visitor).
async fn feedback(attributes: &[(&str, &str)]) -> Element {
    forget();
    let host = add("fw-feedback", attributes);
    wait_for(&host, "form.fw-feedback").await;
    host
}

fn choose(host: &Element, rating: u8) {
    click(host, &format!("input[name=rating][value='{rating}']"));
}

fn submit(host: &Element) {
    click(host, "button.fw-feedback__submit");
}

/// Chooses `rating`, lets the choice render, and sends it.
async fn send_rating(host: &Element, rating: u8) {
    choose(host, rating);
    sleep(20).await;
    submit(host);
}

fn field(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn keys(object: &JsValue) -> Vec<String> {
    let mut keys: Vec<String> = js_sys::Object::keys(object.unchecked_ref::<js_sys::Object>())
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    keys.sort();
    keys
}

fn is_uuid_v4(id: &str) -> bool {
    let bytes = id.as_bytes();
    id.len() == 36
        && bytes.iter().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => *b == b'-',
            _ => b.is_ascii_digit() || (b'a'..=b'f').contains(b),
        })
        && bytes[14] == b'4'
        && matches!(bytes[19], b'8' | b'9' | b'a' | b'b')
}

/// A submission key as the collector expects it: 32 lowercase hex digits (128 bits).
fn is_key(key: &str) -> bool {
    key.len() == 32 && key.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

fn location_href() -> String {
    web_sys::window().unwrap().location().href().unwrap()
}

fn location_path() -> String {
    web_sys::window().unwrap().location().pathname().unwrap()
}

/// Waits for `count` calls to `url`; returns them.
async fn wait_for_calls(url: &str, count: usize) -> Vec<Call> {
    wait_until(&format!("{count} request(s) to {url}"), 5_000, || {
        calls_to(url).len() >= count
    })
    .await;
    calls_to(url)
}

#[wasm_bindgen_test]
async fn the_form_in_english() {
    setup();
    let host = feedback(&[("endpoint", &endpoint("form-en"))]).await;
    let form = find(&host, "form.fw-feedback").unwrap();
    assert_eq!(form.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(form.get_attribute("dir").as_deref(), Some("ltr"));
    assert_eq!(
        text(&host, "fieldset > legend").as_deref(),
        Some("Overall, how satisfied are you with the website?")
    );
    let options = find_all(&host, "fieldset label.fw-feedback__option");
    assert_eq!(options.len(), 5);
    for (index, option) in options.iter().enumerate() {
        let radio = option
            .query_selector("input[type=radio][name=rating]")
            .unwrap()
            .expect("a radio inside each label");
        assert_eq!(radio.get_attribute("value"), Some((index + 1).to_string()));
        assert!(!is_checked(&radio), "nothing is chosen at first");
        assert_eq!(
            option.text_content().unwrap_or_default().trim(),
            LABELS_EN[index]
        );
    }
    let button = find(&host, "button.fw-feedback__submit").unwrap();
    assert_eq!(button.get_attribute("type").as_deref(), Some("submit"));
    assert_eq!(
        text(&host, "button.fw-feedback__submit").as_deref(),
        Some("Send")
    );
    assert!(!is_disabled(&button));
    assert!(find(&host, ".fw-feedback__message").is_none());
    remove(&host);
}

#[wasm_bindgen_test]
async fn the_form_in_french_and_arabic() {
    setup();
    let french = feedback(&[("endpoint", &endpoint("form-fr")), ("lang", "fr")]).await;
    assert_eq!(
        text(&french, "legend").as_deref(),
        Some("Dans l’ensemble, dans quelle mesure êtes-vous satisfait du site web\u{202F}?")
    );
    assert_eq!(
        text(&french, "label.fw-feedback__option").as_deref(),
        Some("Pas du tout satisfait")
    );
    assert_eq!(
        text(&french, "button.fw-feedback__submit").as_deref(),
        Some("Envoyer")
    );
    assert_eq!(attr(&french, "form", "lang").as_deref(), Some("fr"));

    let arabic = feedback(&[("endpoint", &endpoint("form-ar")), ("lang", "ar")]).await;
    assert_eq!(attr(&arabic, "form", "dir").as_deref(), Some("rtl"));
    assert_eq!(attr(&arabic, "form", "lang").as_deref(), Some("ar"));
    assert_eq!(
        text(&arabic, "legend").as_deref(),
        Some("بشكل عام، ما مدى رضاك عن الموقع الإلكتروني؟")
    );
    assert_eq!(
        text(&arabic, "button.fw-feedback__submit").as_deref(),
        Some("إرسال")
    );
    remove(&french);
    remove(&arabic);
}

#[wasm_bindgen_test]
async fn the_feed_can_set_the_question_and_labels_per_language() {
    setup();
    let url = "https://feeds.test/feedback/texts.json";
    respond(
        url,
        200,
        &json_feed(
            "[]",
            &format!(
                r#""_widgets":{{"feedback":{{"endpoint":"{}",
                    "question":{{"en":"Was this page useful?","fr":"Cette page vous a-t-elle aidé ?"}},
                    "labels":{{"en":["Not at all","A little","Somewhat","Very","Completely"]}}}}}}"#,
                endpoint("texts")
            ),
        ),
    );
    forget();
    let english = add("fw-feedback", &[("src", url)]);
    let french = add("fw-feedback", &[("src", url), ("lang", "fr")]);
    wait_for_text(&english, "legend", "Was this page useful?").await;
    let labels: Vec<String> = find_all(&english, "label.fw-feedback__option")
        .iter()
        .map(|l| l.text_content().unwrap_or_default().trim().to_string())
        .collect();
    assert_eq!(
        labels,
        ["Not at all", "A little", "Somewhat", "Very", "Completely"]
    );
    wait_for_text(&french, "legend", "Cette page vous a-t-elle aidé ?").await;
    assert_eq!(
        text(&french, "label.fw-feedback__option").as_deref(),
        Some("Pas du tout satisfait"),
        "no French labels in the feed: the built-in ones"
    );
    remove(&english);
    remove(&french);
}

#[wasm_bindgen_test]
async fn sending_without_a_choice_asks_for_one_and_sends_nothing() {
    setup();
    let url = endpoint("no-choice");
    respond(&url, 204, "");
    let host = feedback(&[("endpoint", &url)]).await;
    submit(&host);
    let message = wait_for(&host, "p.fw-feedback__message").await;
    assert_eq!(message.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(
        text(&host, "p.fw-feedback__message").as_deref(),
        Some("Please choose an answer first.")
    );
    sleep(200).await;
    assert!(calls_to(&url).is_empty(), "no request without a choice");
    assert!(find(&host, "form.fw-feedback").is_some(), "the form stays");

    choose(&host, 2);
    wait_gone(&host, "p.fw-feedback__message").await;
    remove(&host);
}

#[wasm_bindgen_test]
async fn a_rating_is_posted_as_json_and_thanked() {
    setup();
    let url = endpoint("post");
    respond_after(&url, 300, 201, "");
    let host = feedback(&[("endpoint", &url)]).await;
    let submitted = EventLog::on_document("fw:feedback:submitted");
    sleep(120).await;
    choose(&host, 4);
    sleep(20).await;
    assert!(is_checked(&find(&host, "input[value='4']").unwrap()));
    submit(&host);

    // In flight.
    wait_for_text(&host, "button.fw-feedback__submit", "Sending…").await;
    assert!(is_disabled(
        &find(&host, "button.fw-feedback__submit").unwrap()
    ));
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
    let thanks = wait_for(&host, "h2.fw-feedback__thanks").await;
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
    remove(&host);
}

#[wasm_bindgen_test]
async fn a_double_click_sends_once() {
    setup();
    let url = endpoint("double");
    respond_after(&url, 200, 200, "{}");
    let host = feedback(&[("endpoint", &url)]).await;
    choose(&host, 5);
    sleep(20).await;
    submit(&host);
    submit(&host);
    wait_for(&host, "h2.fw-feedback__thanks").await;
    sleep(100).await;
    assert_eq!(calls_to(&url).len(), 1, "one request for two clicks");
    remove(&host);
}

#[wasm_bindgen_test]
async fn a_collector_error_queues_the_rating_and_offers_a_retry_with_the_same_id() {
    setup();
    let url = endpoint("retry");
    respond(&url, 500, r#"{"error":"down"}"#);
    let host = feedback(&[("endpoint", &url)]).await;
    let mark = error_mark();
    choose(&host, 3);
    sleep(20).await;
    submit(&host);

    let message = wait_for(&host, "p.fw-feedback__message").await;
    assert_eq!(
        message.text_content().unwrap_or_default().trim(),
        "Not sent yet: your answer is saved on this device and will be sent when the connection is back."
    );
    assert_eq!(message.get_attribute("role").as_deref(), Some("alert"));
    wait_until("the error message to take focus", 2_000, || {
        focused(&host).is_some_and(|f| f == message)
    })
    .await;
    wait_for_text(&host, "button.fw-feedback__submit", "Try again").await;
    assert!(!is_disabled(
        &find(&host, "button.fw-feedback__submit").unwrap()
    ));
    assert!(
        is_checked(&find(&host, "input[value='3']").unwrap()),
        "the choice is kept"
    );
    wait_for_error(mark).await;

    respond(&url, 200, "{}");
    submit(&host);
    wait_for(&host, "h2.fw-feedback__thanks").await;
    let sent = calls_to(&url);
    assert_eq!(sent.len(), 2);
    let first = field(&sent[0].json(), "submission_id").as_string();
    let second = field(&sent[1].json(), "submission_id").as_string();
    assert!(first.is_some());
    assert_eq!(first, second, "a retry is the same submission");
    assert_eq!(field(&sent[1].json(), "rating").as_f64(), Some(3.0));
    remove(&host);
}

#[wasm_bindgen_test]
async fn a_network_error_is_a_failure_too() {
    setup();
    let url = endpoint("offline");
    network_error(&url, 50);
    let host = feedback(&[("endpoint", &url), ("lang", "fr")]).await;
    choose(&host, 1);
    sleep(20).await;
    submit(&host);
    wait_for_text(
        &host,
        "p.fw-feedback__message",
        "Pas encore envoyée\u{202F}: votre réponse est enregistrée sur cet appareil et sera envoyée au retour de la connexion.",
    )
    .await;
    wait_for_text(&host, "button.fw-feedback__submit", "Réessayer").await;
    assert!(find(&host, "h2.fw-feedback__thanks").is_none());
    remove(&host);
}

#[wasm_bindgen_test]
async fn the_endpoint_attribute_beats_the_feeds() {
    setup();
    let feed_url = "https://feeds.test/feedback/endpoint.json";
    let from_feed = endpoint("from-feed");
    let from_attribute = endpoint("from-attribute");
    respond(
        feed_url,
        200,
        &json_feed(
            "[]",
            &format!(r#""_widgets":{{"feedback":{{"endpoint":"{from_feed}"}}}}"#),
        ),
    );
    respond(&from_feed, 200, "{}");
    respond(&from_attribute, 200, "{}");

    forget();
    let with_attribute = add(
        "fw-feedback",
        &[("src", feed_url), ("endpoint", &from_attribute)],
    );
    wait_for(&with_attribute, "form").await;
    choose(&with_attribute, 2);
    sleep(20).await;
    submit(&with_attribute);
    wait_for(&with_attribute, "h2.fw-feedback__thanks").await;
    forget();
    assert_eq!(calls_to(&from_attribute).len(), 1);
    assert!(
        calls_to(&from_feed).is_empty(),
        "the feed's endpoint is not used"
    );

    let feed_only = add(
        "div",
        &[("data-fw-widget", "feedback"), ("data-src", feed_url)],
    );
    wait_for(&feed_only, "form").await;
    choose(&feed_only, 5);
    sleep(20).await;
    submit(&feed_only);
    wait_for(&feed_only, "h2.fw-feedback__thanks").await;
    assert_eq!(
        calls_to(&from_feed).len(),
        1,
        "without the attribute, the feed's endpoint"
    );
    assert_eq!(calls_to(feed_url).len(), 1, "the feed was fetched once");
    remove(&with_attribute);
    remove(&feed_only);
}

#[wasm_bindgen_test]
async fn a_relative_endpoint_is_resolved_against_the_page() {
    setup();
    let url = "/fw-tests/feedback/relative-collector";
    respond(url, 204, "");
    let host = feedback(&[("endpoint", url)]).await;
    choose(&host, 4);
    sleep(20).await;
    submit(&host);
    wait_for(&host, "h2.fw-feedback__thanks").await;
    assert_eq!(calls_to(url).len(), 1);
    remove(&host);
}

#[wasm_bindgen_test]
async fn without_an_endpoint_feedback_cannot_be_collected() {
    setup();
    let mark = error_mark();
    forget();
    let bare = add("fw-feedback", &[]);
    wait_for_text(
        &bare,
        "p.fw-status",
        "Feedback cannot be collected on this page right now.",
    )
    .await;
    let status = find(&bare, "p.fw-status").unwrap();
    assert!(status.class_list().contains("fw-status--error"));
    assert!(find(&bare, "form").is_none());
    wait_for_error(mark).await;

    let url = "https://feeds.test/feedback/no-endpoint.json";
    respond(url, 200, &json_feed("[]", r#""_widgets":{"feedback":{}}"#));
    let with_feed = add("fw-feedback", &[("src", url), ("lang", "ar")]);
    wait_for_text(
        &with_feed,
        "p.fw-status.fw-status--error",
        "لا يمكن جمع الملاحظات في هذه الصفحة حاليًا.",
    )
    .await;
    let bad = add("fw-feedback", &[("endpoint", "javascript:alert(1)")]);
    wait_for_text(
        &bad,
        "p.fw-status.fw-status--error",
        "Feedback cannot be collected on this page right now.",
    )
    .await;
    for host in [&bare, &with_feed, &bad] {
        remove(host);
    }
}

#[wasm_bindgen_test]
async fn the_page_is_sent_without_query_fragment_or_email() {
    setup();
    let original = location_href();
    let url = endpoint("page");
    respond(&url, 200, "{}");
    let host = feedback(&[("endpoint", &url)]).await;

    replace_url("/fw-tests/people/jane.doe@example.org/profile?token=secret#details");
    choose(&host, 2);
    sleep(20).await;
    submit(&host);
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
    wait_for(&host, "h2.fw-feedback__thanks").await;
    remove(&host);
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
        choose(host, rating);
        sleep(20).await;
        submit(host);
        wait_for(host, "h2.fw-feedback__thanks").await;
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
    assert_eq!(
        text(&arabic, "h2.fw-feedback__thanks").as_deref(),
        Some("شكرًا لك على ملاحظاتك.")
    );
    remove(&plain);
    remove(&arabic);
}

#[wasm_bindgen_test]
async fn two_widgets_make_two_submissions() {
    setup();
    let url = endpoint("two");
    respond(&url, 200, "{}");
    let first = feedback(&[("endpoint", &url)]).await;
    let second = feedback(&[("endpoint", &url)]).await;
    for host in [&first, &second] {
        choose(host, 3);
        sleep(20).await;
        submit(host);
        wait_for(host, "h2.fw-feedback__thanks").await;
    }
    let sent = calls_to(&url);
    assert_eq!(sent.len(), 2);
    assert_ne!(
        field(&sent[0].json(), "submission_id").as_string(),
        field(&sent[1].json(), "submission_id").as_string(),
        "each widget has its own submission id"
    );
    remove(&first);
    remove(&second);
}

// ---------------------------------------------------------------------------------------------
// Issue #4: the comment step, compact, the outbox, remembering, the honeypot, RTL.

#[wasm_bindgen(inline_js = r#"
const saved = {};
export function fwfb_block_storage(blocked) {
  for (const name of ["localStorage", "sessionStorage"]) {
    if (blocked) {
      saved[name] = Object.getOwnPropertyDescriptor(window, name);
      Object.defineProperty(window, name, {
        configurable: true,
        get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
      });
    } else if (saved[name]) {
      Object.defineProperty(window, name, saved[name]);
    } else {
      delete window[name];
    }
  }
}
export function fwfb_type(element, text) {
  element.value = text;
  element.dispatchEvent(new Event("input", { bubbles: true }));
}
export function fwfb_online() { window.dispatchEvent(new Event("online")); }
export function fwfb_local(key) { return localStorage.getItem(key); }
export function fwfb_rect(element) { const r = element.getBoundingClientRect(); return [r.left, r.right, r.width]; }
"#)]
extern "C" {
    fn fwfb_block_storage(blocked: bool);
    fn fwfb_type(element: &Element, text: &str);
    fn fwfb_online();
    fn fwfb_local(key: &str) -> Option<String>;
    fn fwfb_rect(element: &Element) -> Vec<f64>;
}

use wasm_bindgen::prelude::wasm_bindgen;

const QUEUED_EN: &str =
    "Not sent yet: your answer is saved on this device and will be sent when the connection is back.";

fn outbox() -> Option<String> {
    feedwidgets::platform::storage::get("feedback:outbox")
}

fn id_of(call: &Call) -> Option<String> {
    field(&call.json(), "submission_id").as_string()
}

fn key_of(call: &Call) -> Option<String> {
    field(&call.json(), "submission_key").as_string()
}

#[wasm_bindgen_test]
async fn the_comment_step_updates_the_same_submission() {
    setup();
    let url = endpoint("comment");
    respond_after(&url, 100, 201, "{}");
    let host = feedback(&[("endpoint", &url), ("comment", "")]).await;
    let submitted = EventLog::on_document("fw:feedback:submitted");
    choose(&host, 4);
    sleep(20).await;
    submit(&host);

    let heading = wait_for(&host, "h2.fw-feedback__thanks").await;
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
        text(&host, "button.fw-feedback__skip").as_deref(),
        Some("Skip")
    );
    fwfb_type(&area, "Très utile, merci.");
    wait_for_text(&host, "#fw-comment-count", "18 / 1000").await;
    submit(&host);

    wait_for_text(
        &host,
        "h2.fw-feedback__thanks",
        "Thank you for your feedback.",
    )
    .await;
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
    remove(&host);
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
    let host = add("fw-feedback", &[("src", feed), ("lang", "ar")]);
    wait_for(&host, "form legend").await;
    choose(&host, 2);
    sleep(20).await;
    submit(&host);
    wait_for_text(&host, "h2.fw-feedback__thanks", "شكرًا لك، حُفظت إجابتك.").await;
    assert_eq!(attr(&host, "form", "dir").as_deref(), Some("rtl"));
    click(&host, "button.fw-feedback__skip");
    wait_for_text(&host, "h2.fw-feedback__thanks", "شكرًا لك على ملاحظاتك.").await;
    sleep(100).await;
    assert_eq!(calls_to(&url).len(), 1, "skipping sends nothing more");

    // Without the option, no comment step.
    let plain_url = endpoint("no-comment");
    respond(&plain_url, 201, "{}");
    let plain = feedback(&[("endpoint", &plain_url), ("comment", "false")]).await;
    choose(&plain, 5);
    sleep(20).await;
    submit(&plain);
    wait_for_text(
        &plain,
        "h2.fw-feedback__thanks",
        "Thank you for your feedback.",
    )
    .await;
    assert!(find(&plain, "textarea").is_none());
    remove(&host);
    remove(&plain);
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
    wait_for(&host, "h2.fw-feedback__thanks").await;
    let sent = calls_to(&url);
    assert_eq!(sent.len(), 1, "one POST");
    assert_eq!(field(&sent[0].json(), "rating").as_f64(), Some(4.0));
    remove(&host);
}

#[wasm_bindgen_test]
async fn compact_sends_on_choice_once() {
    setup();
    let url = endpoint("compact");
    respond_after(&url, 200, 201, "{}");
    let host = feedback(&[("endpoint", &url), ("compact", "")]).await;
    let rated = EventLog::on_document("fw:feedback:rated");
    assert!(
        find(&host, "button.fw-feedback__submit").is_none(),
        "no send button: choosing sends"
    );
    choose(&host, 5);
    wait_for(&host, "fieldset[disabled]").await;
    choose(&host, 1);
    wait_for(&host, "h2.fw-feedback__thanks").await;
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
    remove(&host);
}

#[wasm_bindgen_test]
async fn collector_down_then_up_delivers_once_after_online() {
    setup();
    let url = endpoint("down-up");
    network_error(&url, 20);
    let host = feedback(&[("endpoint", &url)]).await;
    let errors = EventLog::on_document("fw:feedback:error");
    let submitted = EventLog::on_document("fw:feedback:submitted");
    choose(&host, 2);
    sleep(20).await;
    submit(&host);

    wait_for_text(&host, "p.fw-feedback__message", QUEUED_EN).await;
    let message = find(&host, "p.fw-feedback__message").unwrap();
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
    wait_for_text(&host, "button.fw-feedback__submit", "Try again").await;
    let id = id_of(&calls_to(&url)[0]).expect("an id");
    let key = key_of(&calls_to(&url)[0]).expect("a key");
    let stored = outbox().expect("the rating waits in the outbox");
    assert!(stored.contains(&id), "{stored}");
    assert!(stored.contains(&key), "kept with its key: {stored}");
    assert_eq!(
        fwfb_local("feedwidgets:feedback:outbox").as_deref(),
        Some(stored.as_str()),
        "in localStorage"
    );
    wait_until("fw:feedback:error", 2_000, || errors.count() == 1).await;
    assert_eq!(errors.events()[0].field("queued").as_bool(), Some(true));

    respond(&url, 201, "{}");
    fwfb_online();
    wait_for_text(
        &host,
        "h2.fw-feedback__thanks",
        "Thank you for your feedback.",
    )
    .await;
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
    remove(&host);
}

#[wasm_bindgen_test]
async fn the_outbox_is_sent_on_the_next_page_load() {
    setup();
    let url = endpoint("next-load");
    respond(&url, 503, "{}");
    let host = feedback(&[("endpoint", &url)]).await;
    choose(&host, 3);
    sleep(20).await;
    submit(&host);
    wait_for_text(&host, "p.fw-feedback__message", QUEUED_EN).await;
    let id = id_of(&calls_to(&url)[0]).expect("an id");
    let key = key_of(&calls_to(&url)[0]).expect("a key");
    remove(&host);
    sleep(50).await;
    assert!(
        outbox().is_some_and(|o| o.contains(&id)),
        "kept after the widget is gone"
    );

    respond(&url, 200, "{}");
    // A new page load: a feedback widget mounts. The visitor rated (queued counts), so it
    // shows the short thanks, and it sends what waits.
    let next = add("fw-feedback", &[("endpoint", &url)]);
    wait_for_text(
        &next,
        "p.fw-status",
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
    remove(&next);
}

const REFUSED_EN: &str = "Your answer could not be accepted.";

/// Waits until the refusal `message` is shown as an alert, focused, with no button to send
/// again and the choice frozen.
async fn wait_for_refusal(host: &Element, message: &str) {
    wait_for_text(host, "p.fw-feedback__message", message).await;
    let shown = find(host, "p.fw-feedback__message").unwrap();
    assert_eq!(shown.get_attribute("role").as_deref(), Some("alert"));
    assert!(
        !shown.class_list().contains("fw-feedback__message--queued"),
        "not shown as saved"
    );
    wait_until("the refusal to take focus", 2_000, || {
        focused(host).is_some_and(|f| f == shown)
    })
    .await;
    assert!(
        find(host, "button.fw-feedback__submit").is_none(),
        "no retry that can only be refused again"
    );
    assert!(find(host, "button.fw-feedback__skip").is_none());
}

#[wasm_bindgen_test]
async fn a_refusal_is_final_and_not_kept() {
    setup();
    let url = endpoint("refused");
    respond(&url, 422, r#"{"error":"invalid_field"}"#);
    let host = feedback(&[("endpoint", &url)]).await;
    let errors = EventLog::on_document("fw:feedback:error");
    let mark = error_mark();
    send_rating(&host, 1).await;
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
    fwfb_online();
    let next = add("fw-feedback", &[("endpoint", &url)]);
    wait_for(&next, "form legend").await;
    sleep(200).await;
    assert_eq!(calls_to(&url).len(), 1, "one POST, refused, never repeated");
    drop(errors);
    remove(&host);
    remove(&next);
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
        sleep(100).await;
        assert!(
            is_checked(&find(&host, "input[value='5']").unwrap()),
            "{lang}: compact sends nothing more on a new choice"
        );
        remove(&host);
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
async fn a_refused_comment_keeps_the_saved_rating() {
    setup();
    let url = endpoint("comment-refused");
    respond(&url, 201, "{}");
    let host = feedback(&[("endpoint", &url), ("comment", "")]).await;
    send_rating(&host, 4).await;
    wait_for_text(
        &host,
        "h2.fw-feedback__thanks",
        "Thank you, your answer is saved.",
    )
    .await;
    respond(&url, 422, r#"{"error":"invalid_field"}"#);
    let area = find(&host, "textarea#fw-comment").unwrap();
    fwfb_type(&area, "Merci");
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
    remove(&host);
}

#[wasm_bindgen_test]
async fn only_a_timeout_a_rate_limit_or_a_server_error_queues() {
    setup();
    for status in [408, 429, 503] {
        let url = endpoint(&format!("queues-{status}"));
        respond(&url, status, "{}");
        let host = feedback(&[("endpoint", &url)]).await;
        send_rating(&host, 3).await;
        wait_for_text(&host, "p.fw-feedback__message", QUEUED_EN).await;
        wait_for_text(&host, "button.fw-feedback__submit", "Try again").await;
        let key = key_of(&calls_to(&url)[0]).expect("a key");
        assert!(
            outbox().is_some_and(|stored| stored.contains(&key)),
            "{status}: kept with its key"
        );
        remove(&host);
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
    let host = add("fw-feedback", &[("endpoint", &url)]);
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
    fwfb_online();
    wait_until("the outbox to empty", 5_000, || outbox().is_none()).await;
    let sent = calls_to(&url);
    assert_eq!(sent.len(), 2);
    assert_eq!(
        key_of(&sent[1]).as_deref(),
        Some(key.as_str()),
        "the same key again"
    );
    remove(&host);
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
        let host = add("fw-feedback", &[("endpoint", &url)]);
        wait_for(&host, "form legend").await;
        send_rating(&host, 4).await;
        wait_for(&host, "h2.fw-feedback__thanks").await;
        remove(&host);
        forget();
    }
    sleep(100).await;
    assert_eq!(calls_to(&url).len(), 3, "only the three ratings were sent");
    assert!(calls_to("x").is_empty(), "nothing from the garbage");
    assert!(
        errors_since(mark).iter().all(|e| !e.contains("panicked")),
        "{:?}",
        errors_since(mark)
    );
}

#[wasm_bindgen_test]
async fn a_remembered_rating_shows_the_short_thanks() {
    setup();
    let url = endpoint("remembered");
    respond(&url, 201, "{}");
    let host = feedback(&[("endpoint", &url)]).await;
    choose(&host, 5);
    sleep(20).await;
    submit(&host);
    wait_for(&host, "h2.fw-feedback__thanks").await;
    assert!(
        fwfb_local("feedwidgets:feedback:rated").is_some(),
        "remembered in localStorage"
    );

    let again = add("fw-feedback", &[("endpoint", &url), ("lang", "fr")]);
    wait_for_text(
        &again,
        "p.fw-status",
        "Merci, vous avez déjà donné votre avis.",
    )
    .await;
    assert_eq!(
        attr(&again, "p.fw-status", "role").as_deref(),
        Some("status")
    );
    assert!(find(&again, "form").is_none());

    // Per page: a rating on another page does not count here.
    let per_page = add(
        "fw-feedback",
        &[("endpoint", &url), ("remember-scope", "page")],
    );
    wait_for(&per_page, "form legend").await;
    // Zero days: never remembered.
    let never = add("fw-feedback", &[("endpoint", &url), ("remember-days", "0")]);
    wait_for(&never, "form legend").await;
    // An old rating no longer counts.
    feedwidgets::platform::storage::set("feedback:rated", "1000");
    let old = add("fw-feedback", &[("endpoint", &url)]);
    wait_for(&old, "form legend").await;
    for host in [&host, &again, &per_page, &never, &old] {
        remove(host);
    }
    forget();
}

#[wasm_bindgen_test]
async fn with_storage_blocked_it_works_and_remembers_for_the_page() {
    setup();
    let url = endpoint("blocked");
    respond(&url, 201, "{}");
    forget();
    fwfb_block_storage(true);
    let window: JsValue = web_sys::window().unwrap().into();
    assert!(
        js_sys::Reflect::get(&window, &"localStorage".into()).is_err(),
        "the stub throws as a blocking browser does"
    );
    let host = add("fw-feedback", &[("endpoint", &url)]);
    wait_for(&host, "form legend").await;
    choose(&host, 4);
    sleep(20).await;
    submit(&host);
    wait_for(&host, "h2.fw-feedback__thanks").await;
    assert_eq!(calls_to(&url).len(), 1);
    let again = add("fw-feedback", &[("endpoint", &url)]);
    wait_for_text(
        &again,
        "p.fw-status",
        "Thanks, you already gave your feedback.",
    )
    .await;
    fwfb_block_storage(false);
    assert_eq!(
        fwfb_local("feedwidgets:feedback:rated"),
        None,
        "nothing reached localStorage"
    );
    remove(&host);
    remove(&again);
    forget();
}

#[wasm_bindgen_test]
async fn the_honeypot_is_hidden_from_people_and_sent() {
    setup();
    let url = endpoint("honeypot");
    respond(&url, 202, "{}");
    let host = feedback(&[("endpoint", &url)]).await;
    let trap = find(&host, "input[name=website]").expect("a honeypot field");
    assert_eq!(trap.get_attribute("tabindex").as_deref(), Some("-1"));
    assert_eq!(trap.get_attribute("autocomplete").as_deref(), Some("off"));
    assert!(trap.closest("[aria-hidden=true]").unwrap().is_some());
    let rect = fwfb_rect(&trap);
    assert!(rect[1] <= 0.0, "off-screen: {rect:?}");
    assert_ne!(
        computed(&trap, "display"),
        "none",
        "hidden by position, not display:none only"
    );
    trap.unchecked_ref::<web_sys::HtmlInputElement>()
        .set_value("https://spam.example");
    choose(&host, 5);
    sleep(20).await;
    submit(&host);
    let sent = wait_for_calls(&url, 1).await;
    assert_eq!(
        field(&sent[0].json(), "honeypot").as_string().as_deref(),
        Some("https://spam.example")
    );
    wait_for(&host, "h2.fw-feedback__thanks").await;
    remove(&host);
}

#[wasm_bindgen_test]
async fn in_arabic_the_scale_is_a_native_rtl_radio_group() {
    setup();
    let host = feedback(&[("endpoint", &endpoint("rtl")), ("lang", "ar")]).await;
    let form = find(&host, "form").unwrap();
    assert_eq!(form.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(form.get_attribute("lang").as_deref(), Some("ar"));
    // Arrow keys move the choice because the group is the browser's own: five native radios
    // sharing one name in one fieldset, none taken out of the tab order or re-scripted.
    let radios = find_all(&host, "fieldset input[type=radio][name=rating]");
    assert_eq!(radios.len(), 5);
    assert!(radios.iter().all(|r| !r.has_attribute("tabindex")));
    let (first, second) = (fwfb_rect(&radios[0])[0], fwfb_rect(&radios[1])[0]);
    assert!(
        first > second,
        "right to left: the first answer is on the right"
    );
    remove(&host);
}
