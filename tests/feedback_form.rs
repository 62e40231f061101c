//! The feedback form in headless Chromium: its texts in three languages and from the feed, the
//! native right-to-left radio group, the honeypot, and where the endpoint comes from.

#![cfg(target_arch = "wasm32")]

mod support;

use support::feedback::*;
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_form_in_english() {
    setup();
    let host = feedback(&[("endpoint", &endpoint("form-en"))]).await;
    let form = find(&host, "form").unwrap();
    assert_eq!(form.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(form.get_attribute("dir").as_deref(), Some("ltr"));
    assert_eq!(
        text(&host, "fieldset > legend").as_deref(),
        Some("Overall, how satisfied are you with the website?")
    );
    let options = find_all(&host, "fieldset label");
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
        assert_eq!(
            radio_named(&host, LABELS_EN[index]),
            radio,
            "each radio is named by its label"
        );
    }
    let button = find(&host, "button[type=submit]").unwrap();
    assert_eq!(button_named(&host, "Send"), button);
    assert_eq!(button.get_attribute("type").as_deref(), Some("submit"));
    assert_eq!(text(&host, "button[type=submit]").as_deref(), Some("Send"));
    assert!(!is_disabled(&button));
    assert!(alert(&host).is_none(), "no message");
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
        text(&french, "fieldset label").as_deref(),
        Some("Pas du tout satisfait")
    );
    assert_eq!(
        text(&french, "button[type=submit]").as_deref(),
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
        text(&arabic, "button[type=submit]").as_deref(),
        Some("إرسال")
    );
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
    let english = add_feedback(&[("src", url)]);
    let french = add_feedback(&[("src", url), ("lang", "fr")]);
    wait_for_text(&english, "legend", "Was this page useful?").await;
    let labels: Vec<String> = find_all(&english, "fieldset label")
        .iter()
        .map(|l| l.text_content().unwrap_or_default().trim().to_string())
        .collect();
    assert_eq!(
        labels,
        ["Not at all", "A little", "Somewhat", "Very", "Completely"]
    );
    wait_for_text(&french, "legend", "Cette page vous a-t-elle aidé ?").await;
    assert_eq!(
        text(&french, "fieldset label").as_deref(),
        Some("Pas du tout satisfait"),
        "no French labels in the feed: the built-in ones"
    );
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
    let (first, second) = (rect(&radios[0])[0], rect(&radios[1])[0]);
    assert!(
        first > second,
        "right to left: the first answer is on the right"
    );
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
    let rect = rect(&trap);
    assert!(rect[1] <= 0.0, "off-screen: {rect:?}");
    assert_ne!(
        computed(&trap, "display"),
        "none",
        "hidden by position, not display:none only"
    );
    trap.unchecked_ref::<web_sys::HtmlInputElement>()
        .set_value("https://spam.example");
    rate_and_submit(&host, 5).await;
    let sent = wait_for_calls(&url, 1).await;
    assert_eq!(
        field(&sent[0].json(), "honeypot").as_string().as_deref(),
        Some("https://spam.example")
    );
    wait_for_heading(&host).await;
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
    let with_attribute = add_feedback(&[("src", feed_url), ("endpoint", &from_attribute)]);
    wait_for(&with_attribute, "form").await;
    rate_and_submit(&with_attribute, 2).await;
    wait_for_heading(&with_attribute).await;
    forget();
    assert_eq!(calls_to(&from_attribute).len(), 1);
    assert!(
        calls_to(&from_feed).is_empty(),
        "the feed's endpoint is not used"
    );

    let feed_only = Mounted::add(
        "div",
        &[("data-fw-widget", "feedback"), ("data-src", feed_url)],
    );
    wait_for(&feed_only, "form").await;
    rate_and_submit(&feed_only, 5).await;
    wait_for_heading(&feed_only).await;
    assert_eq!(
        calls_to(&from_feed).len(),
        1,
        "without the attribute, the feed's endpoint"
    );
    assert_eq!(calls_to(feed_url).len(), 1, "the feed was fetched once");
}

#[wasm_bindgen_test]
async fn a_relative_endpoint_is_resolved_against_the_page() {
    setup();
    let url = "/fw-tests/feedback/relative-collector";
    respond(url, 204, "");
    let host = feedback(&[("endpoint", url)]).await;
    rate_and_submit(&host, 4).await;
    wait_for_heading(&host).await;
    assert_eq!(calls_to(url).len(), 1);
}

#[wasm_bindgen_test]
async fn without_an_endpoint_feedback_cannot_be_collected() {
    setup();
    let mark = error_mark();
    forget();
    let bare = add_feedback(&[]);
    wait_for_text(
        &bare,
        "p[role=status]",
        "Feedback cannot be collected on this page right now.",
    )
    .await;
    let status = find(&bare, "p[role=status]").unwrap();
    assert!(status.class_list().contains("fw-status--error"));
    assert!(find(&bare, "form").is_none());
    wait_for_error(mark).await;

    let url = "https://feeds.test/feedback/no-endpoint.json";
    respond(url, 200, &json_feed("[]", r#""_widgets":{"feedback":{}}"#));
    let with_feed = add_feedback(&[("src", url), ("lang", "ar")]);
    wait_for_text(
        &with_feed,
        "p.fw-status.fw-status--error",
        "لا يمكن جمع الملاحظات في هذه الصفحة حاليًا.",
    )
    .await;
    let bad = add_feedback(&[("endpoint", "javascript:alert(1)")]);
    wait_for_text(
        &bad,
        "p.fw-status.fw-status--error",
        "Feedback cannot be collected on this page right now.",
    )
    .await;
}

/// The options' boxes (left, top, width, height), worst to best.
fn option_boxes(host: &web_sys::Element) -> Vec<Vec<f64>> {
    find_all(host, ".fw-feedback__option")
        .iter()
        .map(border_box)
        .collect()
}

#[wasm_bindgen_test]
async fn on_a_phone_the_scale_is_a_list_in_order_and_wide_it_is_one_row() {
    setup();
    let url = endpoint("scale-layout");
    for width in ["320px", "375px", "560px"] {
        let style = format!("width: {width}");
        let host = feedback(&[("endpoint", &url), ("style", &style)]).await;
        let boxes = option_boxes(&host);
        assert_eq!(boxes.len(), 5);
        for pair in boxes.windows(2) {
            assert!(
                pair[1][1] >= pair[0][1] + pair[0][3],
                "{width}: each answer below the one before it: {boxes:?}"
            );
            assert!((pair[1][0] - pair[0][0]).abs() < 1.0, "{width}: one column");
        }
        for rating in 1..=5 {
            let target = border_box(&radio(&host, rating));
            assert!(
                target[2] >= 24.0 && target[3] >= 24.0,
                "{width}: {target:?}"
            );
        }
    }
    for (lang, sign) in [("en", 1.0), ("ar", -1.0)] {
        let host = feedback(&[
            ("endpoint", &url),
            ("lang", lang),
            ("style", "width: 900px"),
        ])
        .await;
        let boxes = option_boxes(&host);
        for pair in boxes.windows(2) {
            assert!(
                (pair[1][1] - pair[0][1]).abs() < 1.0,
                "{lang}: one row: {boxes:?}"
            );
            assert!(
                (pair[1][0] - pair[0][0]) * sign > 0.0,
                "{lang}: in reading order: {boxes:?}"
            );
        }
        for rating in 1..=5 {
            let target = border_box(&radio(&host, rating));
            assert!(target[2] >= 24.0 && target[3] >= 24.0, "{lang}: {target:?}");
        }
    }
}
