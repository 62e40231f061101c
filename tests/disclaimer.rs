//! The translation disclaimer in headless Chromium: shown only while `<html>` carries a
//! translator's class, live; its text sources; dismissing; events; right-to-left Arabic.

#![cfg(target_arch = "wasm32")]

mod support;

use feedwidgets::embed;
use support::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

const LTR: &str = "translated-ltr";
const RTL: &str = "translated-rtl";

const ICESCO_EN: &str = "Disclaimer: You are using Google Translate. ICESCO is not responsible for the accuracy of the information in the translated language.";

/// A disclaimer custom element with `attributes`, mounted (it may render nothing).
async fn disclaimer(attributes: &[(&str, &str)]) -> Element {
    let host = add("fw-disclaimer", attributes);
    wait_for(&host, "div.fw-root").await;
    host
}

fn banner_text(host: &Element) -> Option<String> {
    text(host, "div.fw-disclaimer p.fw-disclaimer__text")
}

/// Takes both translator classes off `<html>`.
fn untranslate() {
    set_html_class(LTR, false);
    set_html_class(RTL, false);
}

#[wasm_bindgen_test]
async fn shown_only_while_the_page_is_translated() {
    setup();
    untranslate();
    let host = disclaimer(&[("org", "ICESCO")]).await;
    let shown = EventLog::on_document("fw:disclaimer:shown");
    sleep(100).await;
    assert!(
        find(&host, ".fw-disclaimer").is_none(),
        "nothing while untranslated"
    );
    assert_eq!(
        find(&host, "div.fw-root").unwrap().child_element_count(),
        0,
        "renders nothing at all"
    );

    set_html_class(LTR, true);
    wait_for(&host, "div.fw-disclaimer").await;
    assert_eq!(banner_text(&host).as_deref(), Some(ICESCO_EN));
    wait_until("fw:disclaimer:shown", 2_000, || shown.count() == 1).await;

    set_html_class(LTR, false);
    wait_gone(&host, "div.fw-disclaimer").await;

    set_html_class(RTL, true);
    wait_for(&host, "div.fw-disclaimer").await;
    wait_until("a second fw:disclaimer:shown", 2_000, || shown.count() == 2).await;
    let event = &shown.events()[1];
    assert!(event.bubbles && event.composed);
    assert_eq!(event.target, JsValue::from(host.clone()));

    // Other classes on <html> do not count.
    untranslate();
    set_html_class("translated", true);
    set_html_class("notranslate", true);
    wait_gone(&host, "div.fw-disclaimer").await;
    sleep(50).await;
    assert!(find(&host, "div.fw-disclaimer").is_none());
    set_html_class("translated", false);
    set_html_class("notranslate", false);
    drop(shown);
    remove(&host);
}

#[wasm_bindgen_test]
async fn shown_at_once_when_mounted_on_a_translated_page() {
    setup();
    set_html_class(RTL, true);
    let shown = EventLog::on_document("fw:disclaimer:shown");
    let host = add(
        "div",
        &[("data-fw-widget", "disclaimer"), ("data-org", "ICESCO")],
    );
    wait_for(&host, "div.fw-disclaimer").await;
    wait_until("fw:disclaimer:shown", 2_000, || shown.count() == 1).await;
    untranslate();
    drop(shown);
    remove(&host);
}

#[wasm_bindgen_test]
async fn region_name_and_dismiss_button() {
    setup();
    set_html_class(LTR, true);
    let host = disclaimer(&[("org", "ICESCO")]).await;
    let region = wait_for(&host, "div.fw-disclaimer").await;
    assert_eq!(region.get_attribute("role").as_deref(), Some("region"));
    assert_eq!(
        region.get_attribute("aria-label").as_deref(),
        Some("Translation disclaimer")
    );
    assert_eq!(region.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(region.get_attribute("dir").as_deref(), Some("ltr"));
    let dismiss = find(&host, "button.fw-disclaimer__dismiss").expect("a dismiss button");
    assert_eq!(
        dismiss.get_attribute("aria-label").as_deref(),
        Some("Dismiss the translation disclaimer")
    );
    assert_eq!(dismiss.get_attribute("type").as_deref(), Some("button"));
    untranslate();
    remove(&host);
}

#[wasm_bindgen_test]
async fn dismissing_hides_it_for_the_rest_of_the_page_life() {
    setup();
    set_html_class(LTR, true);
    let host = disclaimer(&[("org", "ICESCO")]).await;
    wait_for(&host, "div.fw-disclaimer").await;
    let shown = EventLog::on(&host.clone().into(), "fw:disclaimer:shown");
    let dismissed = EventLog::on_document("fw:disclaimer:dismissed");

    click(&host, "button.fw-disclaimer__dismiss");
    wait_gone(&host, "div.fw-disclaimer").await;
    wait_until("fw:disclaimer:dismissed", 2_000, || dismissed.count() == 1).await;
    let event = &dismissed.events()[0];
    assert!(event.bubbles && event.composed);
    assert_eq!(event.target, JsValue::from(host.clone()));

    // The translator goes and comes back: still dismissed.
    set_html_class(LTR, false);
    sleep(50).await;
    set_html_class(RTL, true);
    sleep(100).await;
    assert!(
        find(&host, "div.fw-disclaimer").is_none(),
        "stays dismissed"
    );
    assert_eq!(shown.count(), 0, "and is not shown again");

    // Another disclaimer on the page is not affected.
    let other = disclaimer(&[("org", "ICESCO")]).await;
    wait_for(&other, "div.fw-disclaimer").await;
    untranslate();
    drop(shown);
    drop(dismissed);
    remove(&host);
    remove(&other);
}

#[wasm_bindgen_test]
async fn the_org_attribute_beats_the_feeds_organization() {
    setup();
    set_html_class(LTR, true);
    let url = "https://feeds.test/disclaimer/org.json";
    respond(
        url,
        200,
        &json_feed(
            "[]",
            r#""_widgets":{"disclaimer":{"organization":"Feed Org"}}"#,
        ),
    );
    let from_attribute = disclaimer(&[("src", url), ("org", "ICESCO")]).await;
    let from_feed = disclaimer(&[("src", url)]).await;
    let from_nobody = disclaimer(&[]).await;

    wait_for_text(&from_attribute, "p.fw-disclaimer__text", ICESCO_EN).await;
    wait_for_text(
        &from_feed,
        "p.fw-disclaimer__text",
        "Disclaimer: You are using Google Translate. Feed Org is not responsible for the accuracy of the information in the translated language.",
    )
    .await;
    wait_for_text(
        &from_nobody,
        "p.fw-disclaimer__text",
        "Disclaimer: You are using Google Translate. The publisher of this website is not responsible for the accuracy of the information in the translated language.",
    )
    .await;
    assert_eq!(calls_to(url).len(), 1);
    untranslate();
    for host in [&from_attribute, &from_feed, &from_nobody] {
        remove(host);
    }
}

#[wasm_bindgen_test]
async fn the_feeds_own_text_wins_in_its_language() {
    setup();
    set_html_class(LTR, true);
    let url = "https://feeds.test/disclaimer/text.json";
    respond(
        url,
        200,
        &json_feed(
            "[]",
            r#""_widgets":{"disclaimer":{"organization":"Feed Org",
                "text":{"en":"This page was translated by a machine.","ar":"هذه الصفحة مترجمة آليًا."}}}"#,
        ),
    );
    let english = disclaimer(&[("src", url), ("org", "ICESCO")]).await;
    let arabic = disclaimer(&[("src", url), ("lang", "ar")]).await;
    let french = disclaimer(&[("src", url), ("lang", "fr"), ("org", "ICESCO")]).await;

    wait_for_text(
        &english,
        "p.fw-disclaimer__text",
        "This page was translated by a machine.",
    )
    .await;
    wait_for_text(&arabic, "p.fw-disclaimer__text", "هذه الصفحة مترجمة آليًا.").await;
    wait_for_text(
        &french,
        "p.fw-disclaimer__text",
        "Avertissement\u{202F}: vous utilisez Google Traduction. ICESCO n’est pas responsable de l’exactitude des informations dans la langue traduite.",
    )
    .await;
    assert_eq!(
        attr(&french, ".fw-disclaimer", "aria-label").as_deref(),
        Some("Avertissement sur la traduction")
    );
    untranslate();
    for host in [&english, &arabic, &french] {
        remove(host);
    }
}

#[wasm_bindgen_test]
async fn arabic_is_right_to_left() {
    setup();
    set_html_class(RTL, true);
    let shown = EventLog::on_document("fw:disclaimer:shown");
    let host = disclaimer(&[("org", "الإيسيسكو"), ("lang", "ar")]).await;
    let region = wait_for(&host, "div.fw-disclaimer").await;
    assert_eq!(region.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(region.get_attribute("lang").as_deref(), Some("ar"));
    assert_eq!(
        region.get_attribute("aria-label").as_deref(),
        Some("تنبيه بشأن الترجمة")
    );
    assert_eq!(
        banner_text(&host).as_deref(),
        Some("إخلاء مسؤولية: أنت تستخدم ترجمة Google. لا تتحمّل الإيسيسكو مسؤولية دقة المعلومات في اللغة المترجَم إليها.")
    );
    assert_eq!(
        attr(&host, "button.fw-disclaimer__dismiss", "aria-label").as_deref(),
        Some("إغلاق تنبيه الترجمة")
    );
    wait_until("fw:disclaimer:shown", 2_000, || shown.count() == 1).await;
    untranslate();
    drop(shown);
    remove(&host);
}

#[wasm_bindgen_test]
async fn an_unmounted_disclaimer_stops_watching() {
    setup();
    untranslate();
    let host = create("div", &[("id", "d-unmounted")]);
    body().append_child(&host).unwrap();
    let mut options = embed::WidgetOptions::default();
    options.insert("org", "ICESCO");
    embed::mount(&host, embed::WidgetKind::Disclaimer, options).unwrap();
    // Let it render first (see mounting.rs for unmounting in the same task).
    sleep(50).await;
    set_html_class(LTR, true);
    wait_for(&host, "div.fw-disclaimer").await;
    untranslate();
    wait_gone(&host, "div.fw-disclaimer").await;
    assert!(embed::unmount(&host));
    let shown = EventLog::on(&host.clone().into(), "fw:disclaimer:shown");

    set_html_class(LTR, true);
    sleep(150).await;
    assert_eq!(
        shadow(&host).child_nodes().length(),
        0,
        "nothing comes back"
    );
    assert_eq!(shown.count(), 0);
    untranslate();
    drop(shown);
    remove(&host);
}

#[wasm_bindgen_test]
async fn it_waits_for_its_feed_rather_than_flash_the_built_in_text() {
    setup();
    set_html_class(LTR, true);
    let url = "https://feeds.test/disclaimer/slow.json";
    respond_after(
        url,
        400,
        200,
        &json_feed(
            "[]",
            r#""_widgets":{"disclaimer":{"text":{"en":"Machine translation in use."}}}"#,
        ),
    );
    let host = add("fw-disclaimer", &[("src", url), ("org", "ICESCO")]);
    sleep(150).await;
    assert!(
        find(&host, "div.fw-disclaimer").is_none(),
        "nothing is shown while the feed loads"
    );
    wait_for_text(
        &host,
        "p.fw-disclaimer__text",
        "Machine translation in use.",
    )
    .await;
    untranslate();
    remove(&host);
}
