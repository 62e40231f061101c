//! The page's language in headless Chromium: on an Arabic page (`<html lang="ar" dir="rtl">`)
//! with an English feed, the widgets' own texts are Arabic and right to left, and the news
//! keep the feed's English, left to right. (Its own suite: the page's language is recorded
//! once, at the first boot.)

#![cfg(target_arch = "wasm32")]

mod support;

use support::feedback::{endpoint, feedback};
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// An Arabic page, as the loader finds it before any translator runs.
fn arabic_page() {
    html().set_attribute("lang", "ar").unwrap();
    html().set_attribute("dir", "rtl").unwrap();
    setup_on_page("ar");
}

/// An English feed: its `language` says so, its items name none.
fn english_feed() -> String {
    json_feed(
        r#"[{"id":"a","title":"Education ministers meet","summary":"An English summary.","date_published":"2024-07-26T10:00:00Z"},
            {"id":"b","title":"Second news"},
            {"id":"c","title":"Third news"}]"#,
        r#""language":"en""#,
    )
}

#[wasm_bindgen_test]
async fn an_arabic_page_shows_arabic_controls_around_english_news() {
    arabic_page();
    let host = carousel(
        "https://feeds.test/page-language/ar.json",
        &english_feed(),
        &[],
    )
    .await;
    let section = region(&host);
    assert_eq!(
        (section.get_attribute("lang"), section.get_attribute("dir")),
        (Some("ar".into()), Some("rtl".into())),
        "the widget speaks the page's language"
    );
    assert_eq!(position(&host), "1 من 3");
    let names = button_names(&host);
    assert!(
        names.iter().any(|n| n == "الشريحة السابقة")
            && names.iter().any(|n| n == "الشريحة التالية"),
        "Arabic buttons: {names:?}"
    );
    let slide = shown_slide(&host);
    assert_eq!(accessible_name(&slide), "1 من 3");
    assert_eq!(
        slide.get_attribute("aria-roledescription").as_deref(),
        Some("شريحة")
    );
    let content = content_of(&slide);
    assert_eq!(
        (content.get_attribute("lang"), content.get_attribute("dir")),
        (Some("en".into()), Some("ltr".into())),
        "the news keep the feed's language"
    );
    let title = heading_of(&slide).expect("a title");
    assert_eq!(title_of(&slide), "Education ministers meet");
    assert_eq!(computed(&title, "direction"), "ltr");
    assert_eq!(computed(&section, "direction"), "rtl");
}

#[wasm_bindgen_test]
async fn the_feedback_widget_asks_in_the_pages_language() {
    arabic_page();
    let url = "https://feeds.test/page-language/feedback.json";
    respond(url, 200, &english_feed());
    let host = feedback(&[("src", url), ("endpoint", &endpoint("page-ar"))]).await;
    let form = find(&host, "form").expect("the form");
    assert_eq!(form.get_attribute("lang").as_deref(), Some("ar"));
    assert_eq!(form.get_attribute("dir").as_deref(), Some("rtl"));
    assert!(
        form.text_content()
            .unwrap_or_default()
            .contains("بشكل عام، ما مدى رضاك عن الموقع الإلكتروني؟"),
        "the Arabic question"
    );
}
