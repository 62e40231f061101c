//! The translation disclaimer in headless Chromium: shown only while a translator's signal is
//! on the page (class, changed lang, `googtrans` cookie, proxy query, Microsoft's attributes),
//! live; its words per target language; its text sources; dismissing, remembered; focus;
//! events; right-to-left Arabic.

#![cfg(target_arch = "wasm32")]

mod support;

use feedwidgets::embed;
use feedwidgets::platform::storage;
use support::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

const LTR: &str = "translated-ltr";
const RTL: &str = "translated-rtl";

/// The banner: a region named "Translation disclaimer" (in the widget's language).
const REGION: &str = "[role=region]";

/// The dismiss button's name in English.
const DISMISS_EN: &str = "Dismiss the translation disclaimer";

const ICESCO_EN: &str = "Disclaimer: You are using Google Translate. ICESCO is not responsible for the accuracy of the information in the translated language.";

/// A disclaimer custom element with `attributes`, mounted (it may render nothing).
async fn disclaimer(attributes: &[(&str, &str)]) -> Mounted {
    let host = Mounted::add("fw-disclaimer", attributes);
    wait_for(&host, "div.fw-root").await;
    host
}

fn banner_text(host: &Element) -> Option<String> {
    text(host, "[role=region] p.fw-disclaimer__text")
}

/// Takes both translator classes off `<html>`.
fn untranslate() {
    set_html_class(LTR, false);
    set_html_class(RTL, false);
}

/// Where a dismissal is remembered (with storage's namespace).
const DISMISSAL: &str = "disclaimer:dismissed";

/// [`setup`], and no dismissal remembered from an earlier test.
fn fresh() {
    setup();
    storage::remove(DISMISSAL);
}

#[wasm_bindgen_test]
async fn shown_only_while_the_page_is_translated() {
    fresh();
    untranslate();
    let host = disclaimer(&[("org", "ICESCO")]).await;
    let shown = EventLog::on_document("fw:disclaimer:shown");
    // A span of time for a negative check: nothing shows.
    sleep(100).await;
    assert!(find(&host, REGION).is_none(), "nothing while untranslated");
    assert_eq!(
        find(&host, "div.fw-root").unwrap().child_element_count(),
        0,
        "renders nothing at all"
    );

    set_html_class(LTR, true);
    wait_for(&host, REGION).await;
    assert_eq!(banner_text(&host).as_deref(), Some(ICESCO_EN));
    wait_until("fw:disclaimer:shown", 2_000, || shown.count() == 1).await;

    set_html_class(LTR, false);
    wait_gone(&host, REGION).await;

    set_html_class(RTL, true);
    wait_for(&host, REGION).await;
    wait_until("a second fw:disclaimer:shown", 2_000, || shown.count() == 2).await;
    let event = &shown.events()[1];
    assert!(event.bubbles && event.composed);
    assert_eq!(event.target, JsValue::from(host.clone()));

    // Other classes on <html> do not count.
    untranslate();
    set_html_class("translated", true);
    set_html_class("notranslate", true);
    wait_gone(&host, REGION).await;
    // A span of time for a negative check: nothing shows.
    sleep(50).await;
    assert!(find(&host, REGION).is_none());
    set_html_class("translated", false);
    set_html_class("notranslate", false);
    drop(shown);
}

#[wasm_bindgen_test]
async fn shown_at_once_when_mounted_on_a_translated_page() {
    fresh();
    set_html_class(RTL, true);
    let shown = EventLog::on_document("fw:disclaimer:shown");
    let host = Mounted::add(
        "div",
        &[("data-fw-widget", "disclaimer"), ("data-org", "ICESCO")],
    );
    wait_for(&host, REGION).await;
    wait_until("fw:disclaimer:shown", 2_000, || shown.count() == 1).await;
    untranslate();
    drop(shown);
}

#[wasm_bindgen_test]
async fn region_name_and_dismiss_button() {
    fresh();
    set_html_class(LTR, true);
    let host = disclaimer(&[("org", "ICESCO")]).await;
    let region = wait_for(&host, REGION).await;
    assert_eq!(region.get_attribute("role").as_deref(), Some("region"));
    assert_eq!(
        region.get_attribute("aria-label").as_deref(),
        Some("Translation disclaimer")
    );
    assert_eq!(region.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(region.get_attribute("dir").as_deref(), Some("ltr"));
    let dismiss = button_named(&host, DISMISS_EN);
    assert_eq!(
        dismiss.get_attribute("aria-label").as_deref(),
        Some("Dismiss the translation disclaimer")
    );
    assert_eq!(dismiss.get_attribute("type").as_deref(), Some("button"));
    untranslate();
}

#[wasm_bindgen_test]
async fn dismissing_hides_it_for_the_rest_of_the_page_life() {
    fresh();
    set_html_class(LTR, true);
    let host = disclaimer(&[("org", "ICESCO")]).await;
    wait_for(&host, REGION).await;
    let shown = EventLog::on(&host.clone().into(), "fw:disclaimer:shown");
    let dismissed = EventLog::on_document("fw:disclaimer:dismissed");

    press(&host, DISMISS_EN);
    wait_gone(&host, REGION).await;
    wait_until("fw:disclaimer:dismissed", 2_000, || dismissed.count() == 1).await;
    let event = &dismissed.events()[0];
    assert!(event.bubbles && event.composed);
    assert_eq!(event.target, JsValue::from(host.clone()));

    // The translator goes and comes back: still dismissed.
    set_html_class(LTR, false);
    // A span of time for the watcher to see the translator go (nothing on screen changes).
    sleep(50).await;
    set_html_class(RTL, true);
    // A span of time for a negative check: it does not come back.
    sleep(100).await;
    assert!(find(&host, REGION).is_none(), "stays dismissed");
    assert_eq!(shown.count(), 0, "and is not shown again");

    // Remembered: a disclaimer mounted later (another page of the site) stays hidden too.
    let other = disclaimer(&[("org", "ICESCO")]).await;
    // A span of time for a negative check: nothing shows.
    sleep(100).await;
    assert!(find(&other, REGION).is_none());
    untranslate();
    drop(shown);
    drop(dismissed);
    storage::remove(DISMISSAL);
}

#[wasm_bindgen_test]
async fn the_org_attribute_beats_the_feeds_organization() {
    fresh();
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
}

#[wasm_bindgen_test]
async fn the_feeds_own_text_wins_in_its_language() {
    fresh();
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
        attr(&french, REGION, "aria-label").as_deref(),
        Some("Avertissement sur la traduction")
    );
    untranslate();
}

#[wasm_bindgen_test]
async fn arabic_is_right_to_left() {
    fresh();
    set_html_class(RTL, true);
    let shown = EventLog::on_document("fw:disclaimer:shown");
    let host = disclaimer(&[("org", "الإيسيسكو"), ("lang", "ar")]).await;
    let region = wait_for(&host, REGION).await;
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
        attr(&host, "[role=region] button[aria-label]", "aria-label").as_deref(),
        Some("إغلاق تنبيه الترجمة")
    );
    wait_until("fw:disclaimer:shown", 2_000, || shown.count() == 1).await;
    untranslate();
    drop(shown);
}

#[wasm_bindgen_test]
async fn an_unmounted_disclaimer_stops_watching() {
    fresh();
    untranslate();
    let host = Mounted::hold(create("div", &[("id", "d-unmounted")]));
    body().append_child(&host).unwrap();
    let mut options = embed::WidgetOptions::default();
    options.insert("org", "ICESCO");
    embed::mount(&host, embed::WidgetKind::Disclaimer, options).unwrap();
    // Let it render first (see mounting.rs for unmounting in the same task).
    wait_for(&host, "div.fw-root").await;
    set_html_class(LTR, true);
    wait_for(&host, REGION).await;
    untranslate();
    wait_gone(&host, REGION).await;
    assert!(embed::unmount(&host));
    let shown = EventLog::on(&host.clone().into(), "fw:disclaimer:shown");

    set_html_class(LTR, true);
    // A span of time for a negative check: nothing comes back.
    sleep(150).await;
    assert_eq!(
        shadow(&host).child_nodes().length(),
        0,
        "nothing comes back"
    );
    assert_eq!(shown.count(), 0);
    untranslate();
    drop(shown);
}

#[wasm_bindgen_test]
async fn it_waits_for_its_feed_rather_than_flash_the_built_in_text() {
    fresh();
    set_html_class(LTR, true);
    let url = "https://feeds.test/disclaimer/slow.json";
    hold(url);
    let host = Mounted::add("fw-disclaimer", &[("src", url), ("org", "ICESCO")]);
    wait_until("the feed to be requested", 5_000, || {
        !calls_to(url).is_empty()
    })
    .await;
    // A span of time for a negative check: nothing shows while the feed loads.
    sleep(150).await;
    assert!(
        find(&host, REGION).is_none(),
        "nothing is shown while the feed loads"
    );
    release(
        url,
        200,
        &json_feed(
            "[]",
            r#""_widgets":{"disclaimer":{"text":{"en":"Machine translation in use."}}}"#,
        ),
    );
    wait_for_text(
        &host,
        "p.fw-disclaimer__text",
        "Machine translation in use.",
    )
    .await;
    untranslate();
}

/// A stored dismissal, `<version>:<until ms>`.
fn record(stored: &str) -> (u32, f64) {
    let (version, until) = stored.split_once(':').expect("version:until");
    (version.parse().unwrap(), until.parse().unwrap())
}

/// The banner's region, waited for.
async fn region(host: &Element) -> Element {
    wait_for(host, REGION).await
}

/// Puts `lang` on `<html>` (`None` removes it); returns what was there.
fn set_page_lang(lang: Option<&str>) -> Option<String> {
    let before = html().get_attribute("lang");
    match lang {
        Some(lang) => html().set_attribute("lang", lang).unwrap(),
        None => html().remove_attribute("lang").unwrap(),
    }
    before
}

#[wasm_bindgen_test]
async fn a_changed_page_language_shows_it_in_that_language() {
    fresh();
    untranslate();
    let host = disclaimer(&[("org", "ICESCO")]).await;
    let changed = EventLog::on(&host.clone().into(), "fw:translation:changed");
    // Let it render (and start watching) on the untranslated page first: a span of time,
    // since watching shows nothing.
    sleep(50).await;
    let before = set_page_lang(Some("fr"));
    let banner = region(&host).await;
    assert_eq!(banner.get_attribute("lang").as_deref(), Some("fr"));
    assert_eq!(
        banner_text(&host).as_deref(),
        Some("Avertissement\u{202F}: vous utilisez Google Traduction. ICESCO n’est pas responsable de l’exactitude des informations dans la langue traduite.")
    );
    assert_eq!(
        attr(&host, "p.fw-disclaimer__text", "translate"),
        None,
        "our own French is not translated again (the root says translate=no)"
    );
    assert_eq!(
        attr(&host, "div.fw-root", "translate").as_deref(),
        Some("no")
    );
    wait_until("fw:translation:changed", 2_000, || changed.count() == 1).await;
    let event = &changed.events()[0];
    assert_eq!(event.field("translated").as_bool(), Some(true));
    assert_eq!(event.field("target").as_string().as_deref(), Some("fr"));
    assert!(event.bubbles && event.composed);

    // Back to the original: it goes, and says so.
    set_page_lang(before.as_deref());
    wait_gone(&host, REGION).await;
    wait_until("a second fw:translation:changed", 2_000, || {
        changed.count() == 2
    })
    .await;
    let event = &changed.events()[1];
    assert_eq!(event.field("translated").as_bool(), Some(false));
    assert!(event.field("target").is_null());
    drop(changed);
}

#[wasm_bindgen_test]
async fn the_googtrans_cookie_shows_it_and_offers_the_original() {
    fresh();
    untranslate();
    let host = disclaimer(&[("org", "ICESCO")]).await;
    // A span of time for a negative check: nothing shows before the cookie.
    sleep(50).await;
    assert!(find(&host, REGION).is_none());
    // Cookies cannot be observed: the banner finds it on its next check (every 2 s).
    set_cookie("googtrans=/en/ar; path=/");
    wait_until("the banner after the cookie", 3_000, || {
        find(&host, REGION).is_some()
    })
    .await;
    let banner = region(&host).await;
    assert_eq!(banner.get_attribute("lang").as_deref(), Some("ar"));
    assert_eq!(banner.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(
        text(&host, "button.fw-disclaimer__original").as_deref(),
        Some("عرض الصفحة الأصلية"),
        "a way back: clears the cookie and reloads"
    );
    set_cookie("googtrans=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/");
    assert!(!cookies().contains("googtrans"));
    wait_until("the banner to go with the cookie", 3_000, || {
        find(&host, REGION).is_none()
    })
    .await;
    // "/en/en" is how translation menus say "the original".
    set_cookie("googtrans=/en/en; path=/");
    // A real timer under test: the cookie is checked every 2 s.
    sleep(2_300).await;
    assert!(find(&host, REGION).is_none());
    set_cookie("googtrans=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/");
}

#[wasm_bindgen_test]
async fn the_translation_proxy_query_and_microsoft_attributes_show_it() {
    fresh();
    untranslate();
    let path = web_sys::window().unwrap().location().pathname().unwrap();
    replace_url(&format!("{path}?_x_tr_sl=en&_x_tr_tl=fr&_x_tr_hl=fr"));
    let proxied = disclaimer(&[("org", "ICESCO")]).await;
    assert_eq!(
        region(&proxied).await.get_attribute("lang").as_deref(),
        Some("fr")
    );
    replace_url(&path);
    wait_until("the banner to go with the query", 3_000, || {
        find(&proxied, REGION).is_none()
    })
    .await;
    drop(proxied);

    let host = disclaimer(&[("org", "ICESCO")]).await;
    let marked = Mounted::add("p", &[("id", "ms-marked")]);
    marked.set_attribute("_msttexthash", "12345").unwrap();
    let banner = region(&host).await;
    assert_eq!(
        banner.get_attribute("lang").as_deref(),
        Some("en"),
        "no target known: the page's language"
    );
    assert_eq!(
        attr(&host, "p.fw-disclaimer__text", "translate").as_deref(),
        Some("yes"),
        "left to the translator"
    );
    assert!(find(&host, ".fw-disclaimer__original").is_none());
    drop(marked);
    wait_until("the banner to go with the attributes", 3_000, || {
        find(&host, REGION).is_none()
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_language_we_do_not_speak_leaves_the_sentence_to_the_translator() {
    fresh();
    untranslate();
    let host = disclaimer(&[("org", "ICESCO"), ("lang", "ar")]).await;
    let before = set_page_lang(Some("de"));
    set_html_class(LTR, true);
    let banner = region(&host).await;
    assert_eq!(banner.get_attribute("lang").as_deref(), Some("ar"));
    assert_eq!(
        attr(&host, "p.fw-disclaimer__text", "translate").as_deref(),
        Some("yes")
    );
    assert!(
        banner_text(&host).unwrap_or_default().contains("الإيسيسكو")
            || banner_text(&host).unwrap_or_default().contains("ICESCO")
    );
    // The buttons stay ours.
    let dismiss = find(&host, "[role=region] button[aria-label]").unwrap();
    assert_eq!(dismiss.get_attribute("translate"), None);
    assert!(dismiss.closest("[translate=no]").unwrap().is_some());
    // Into English (a language of ours): our English, vetted.
    set_page_lang(Some("en-GB"));
    // A span of time for the watcher to see English (nothing on screen tells).
    sleep(20).await;
    set_page_lang(Some("fr"));
    wait_for_text(
        &host,
        "p.fw-disclaimer__text",
        "Avertissement\u{202F}: vous utilisez Google Traduction. ICESCO n’est pas responsable de l’exactitude des informations dans la langue traduite.",
    )
    .await;
    assert_eq!(attr(&host, "p.fw-disclaimer__text", "translate"), None);
    untranslate();
    set_page_lang(before.as_deref());
}

#[wasm_bindgen_test]
async fn a_dismissal_is_remembered_for_its_days_and_until_a_new_version() {
    fresh();
    set_html_class(LTR, true);
    let url = "https://feeds.test/disclaimer/version-1.json";
    respond(
        url,
        200,
        &json_feed("[]", r#""_widgets":{"disclaimer":{"version":1}}"#),
    );
    let host = disclaimer(&[("src", url)]).await;
    region(&host).await;
    let now = js_sys::Date::now();
    press(&host, DISMISS_EN);
    wait_gone(&host, REGION).await;
    let stored = storage::get(DISMISSAL).expect("the dismissal is stored");
    let (version, until) = record(&stored);
    assert_eq!(version, 1);
    let days = (until - now) / 86_400_000.0;
    assert!((29.99..30.01).contains(&days), "30 days by default: {days}");
    drop(host);

    // Same version: still dismissed. A higher version in the feed: shown again.
    let same = disclaimer(&[("src", url)]).await;
    // A span of time for a negative check: nothing shows.
    sleep(100).await;
    assert!(find(&same, REGION).is_none());
    let newer = "https://feeds.test/disclaimer/version-2.json";
    respond(
        newer,
        200,
        &json_feed("[]", r#""_widgets":{"disclaimer":{"version":2}}"#),
    );
    let again = disclaimer(&[("src", newer), ("remember-days", "7")]).await;
    region(&again).await;
    press(&again, DISMISS_EN);
    wait_gone(&again, REGION).await;
    let (version, until) = record(&storage::get(DISMISSAL).unwrap());
    assert_eq!(version, 2);
    let days = (until - js_sys::Date::now()) / 86_400_000.0;
    assert!((6.99..7.01).contains(&days), "remember-days: {days}");
    drop(same);
    drop(again);

    // Zero days: dismissed for this page only, nothing stored.
    storage::remove(DISMISSAL);
    let once = disclaimer(&[("remember-days", "0")]).await;
    region(&once).await;
    press(&once, DISMISS_EN);
    wait_gone(&once, REGION).await;
    assert_eq!(storage::get(DISMISSAL), None);
    untranslate();
}

#[wasm_bindgen_test]
async fn dismissing_from_the_keyboard_leaves_the_focus_on_the_widget() {
    fresh();
    set_html_class(LTR, true);
    let host = disclaimer(&[("org", "ICESCO")]).await;
    let banner = region(&host).await;
    assert_eq!(banner.get_attribute("data-nosnippet").as_deref(), Some(""));
    let before = Mounted::add("button", &[("id", "before-banner")]);
    let dismiss: web_sys::HtmlElement = button_named(&host, DISMISS_EN).dyn_into().unwrap();
    assert_eq!(
        document().active_element().map(|e| e.tag_name()),
        Some("BODY".into()),
        "showing it does not steal the focus"
    );
    dismiss.focus().unwrap();
    dismiss.click();
    wait_gone(&host, REGION).await;
    assert_eq!(
        document().active_element(),
        Some(host.clone()),
        "the focus stays where the banner was"
    );
    assert_eq!(host.get_attribute("tabindex").as_deref(), Some("-1"));
    before
        .unchecked_ref::<web_sys::HtmlElement>()
        .focus()
        .unwrap();
    assert_eq!(
        host.get_attribute("tabindex"),
        None,
        "focusable for that moment only"
    );

    // A mouse user who never focused the banner keeps the focus where it was.
    storage::remove(DISMISSAL);
    let other = disclaimer(&[("org", "ICESCO")]).await;
    region(&other).await;
    press(&other, DISMISS_EN);
    wait_gone(&other, REGION).await;
    assert_eq!(document().active_element(), Some(before.clone()));
    untranslate();
    storage::remove(DISMISSAL);
}

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
export function fwd_box(element) { const r = element.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; }
"#)]
extern "C" {
    /// An element's left, top, width and height on screen.
    #[wasm_bindgen(js_name = fwd_box)]
    fn box_of(element: &Element) -> Vec<f64>;
}

/// Where a part of the banner is on screen, as (left, top, width, height).
fn part(host: &Element, selector: &str) -> (f64, f64, f64, f64) {
    let element = find(host, selector).unwrap_or_else(|| panic!("{selector} in the banner"));
    match box_of(&element)[..] {
        [left, top, width, height] => (left, top, width, height),
        _ => panic!("a box for {selector}"),
    }
}

/// A banner `width` px wide with "View the original page" (Google's cookie for French).
async fn banner_with_original(width: u32) -> Mounted {
    let host = disclaimer(&[("org", "ICESCO"), ("style", &format!("width: {width}px"))]).await;
    wait_for(&host, ".fw-disclaimer__original").await;
    host
}

/// The sentence's box, checked to take at least 60 % of the banner's width.
fn wide_sentence(host: &Element) -> (f64, f64, f64, f64) {
    let (_, _, banner_width, _) = part(host, REGION);
    let sentence = part(host, ".fw-disclaimer__text");
    assert!(
        sentence.2 >= 0.6 * banner_width,
        "the sentence is {} px of a {banner_width} px banner",
        sentence.2
    );
    sentence
}

#[wasm_bindgen_test]
async fn on_a_phone_the_sentence_keeps_its_width_above_the_buttons() {
    fresh();
    untranslate();
    set_cookie("googtrans=/en/fr; path=/");
    let phone = banner_with_original(375).await;
    let desktop = banner_with_original(1280).await;
    // Cleared before anything can fail, so a failure here leaves no cookie to the next tests;
    // the banners stay until the next cookie check, and what follows awaits nothing.
    set_cookie("googtrans=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/");
    let (_, text_top, _, text_height) = wide_sentence(&phone);
    for button in [".fw-disclaimer__original", ".fw-disclaimer__dismiss"] {
        let (_, top, width, height) = part(&phone, button);
        assert!(
            top >= text_top + text_height - 0.5,
            "{button} below the sentence: {top} vs {}",
            text_top + text_height
        );
        assert!(
            width >= 24.0 && height >= 24.0,
            "{button}: {width}x{height}"
        );
    }

    // On a desktop the buttons stay beside the sentence, as before.
    let (text_left, text_top, text_width, text_height) = wide_sentence(&desktop);
    let (left, top, width, height) = part(&desktop, ".fw-disclaimer__original");
    assert!(
        top < text_top + text_height,
        "beside the sentence, not below it"
    );
    assert!(left >= text_left + text_width, "after the sentence");
    assert!(width >= 24.0 && height >= 24.0, "{width}x{height}");
}

/// The host's sticky edge as the page computes it: `(position, top, bottom)`.
fn placement(host: &Element) -> (String, String, String) {
    (
        computed(host, "position"),
        computed(host, "top"),
        computed(host, "bottom"),
    )
}

fn sticky(edge: &str) -> (String, String, String) {
    let (top, bottom) = if edge == "top" {
        ("0px", "auto")
    } else {
        ("auto", "0px")
    };
    ("sticky".into(), top.into(), bottom.into())
}

fn in_flow() -> (String, String, String) {
    ("static".into(), "auto".into(), "auto".into())
}

#[wasm_bindgen_test]
async fn a_top_or_bottom_banner_is_a_sticky_bar_that_covers_nothing() {
    fresh();
    set_html_class(LTR, true);
    let inline = disclaimer(&[("org", "ICESCO")]).await;
    let top = disclaimer(&[("org", "ICESCO"), ("position", "top")]).await;
    let after_top = add("p", &[]);
    after_top.set_text_content(Some("The page goes on."));
    let bottom = Mounted::add(
        "div",
        &[
            ("data-fw-widget", "disclaimer"),
            ("data-position", "bottom"),
        ],
    );
    let after_bottom = add("p", &[]);
    after_bottom.set_text_content(Some("The page goes on."));
    for host in [&inline, &top, &bottom] {
        wait_for(host, REGION).await;
    }
    assert_eq!(placement(&inline), in_flow(), "inline by default");
    assert_eq!(placement(&top), sticky("top"));
    assert_eq!(placement(&bottom), sticky("bottom"));
    // Sticky keeps the bar's place in the flow: what follows starts below it.
    for (host, after) in [(&top, &after_top), (&bottom, &after_bottom)] {
        let (_, bar_top, _, bar_height) = match box_of(host)[..] {
            [l, t, w, h] => (l, t, w, h),
            _ => panic!("a box"),
        };
        let next_top = box_of(after)[1];
        assert!(bar_height > 0.0, "the bar has its height");
        assert!(
            next_top >= bar_top + bar_height - 0.5,
            "the next paragraph at {next_top}, the bar ends at {}",
            bar_top + bar_height
        );
    }
    // No banner, no bar: an empty sticky host would sit on top of nothing, but the page's own
    // style for the element is the page's again.
    untranslate();
    wait_gone(&top, REGION).await;
    wait_gone(&bottom, REGION).await;
    assert_eq!(placement(&top), in_flow());
    assert_eq!(placement(&bottom), in_flow());
    remove(&after_top);
    remove(&after_bottom);
}

#[wasm_bindgen_test]
async fn the_position_attribute_beats_the_feeds_position() {
    fresh();
    set_html_class(LTR, true);
    let url = "https://feeds.test/disclaimer/position.json";
    respond(
        url,
        200,
        &json_feed("[]", r#""_widgets":{"disclaimer":{"position":"bottom"}}"#),
    );
    let from_feed = disclaimer(&[("src", url)]).await;
    let from_attribute = disclaimer(&[("src", url), ("position", "top")]).await;
    let inline = disclaimer(&[("src", url), ("position", "inline")]).await;
    let unknown = disclaimer(&[("src", url), ("position", "fixed")]).await;
    for host in [&from_feed, &from_attribute, &inline, &unknown] {
        wait_for(host, REGION).await;
    }
    assert_eq!(placement(&from_feed), sticky("bottom"));
    assert_eq!(placement(&from_attribute), sticky("top"));
    assert_eq!(placement(&inline), in_flow());
    assert_eq!(
        placement(&unknown),
        sticky("bottom"),
        "not a position: the feed's"
    );

    untranslate();
}
