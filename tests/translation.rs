//! Every widget on a machine-translated page, in headless Chromium: a simulated translator
//! (support's `Translator`, which does what Chrome's does: text nodes replaced by
//! `<font><font>translated</font></font>`, `translated-ltr` and `lang` on `<html>`) runs over the
//! page while the carousel moves, the feedback widget sends and the banner is dismissed, then
//! is undone. Each case runs twice: with a translator that honours `translate="no"` /
//! `notranslate`, and with one that does not (the worst case).

#![cfg(target_arch = "wasm32")]

mod support;

use feedwidgets::platform::storage;
use support::*;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

const MODES: [Marks; 2] = [Marks::Honoured, Marks::Ignored];

/// The current slide's title, as the reader sees it, with the translator's rewriting (prefix,
/// upper case) taken back when the marks were `Ignored` (then neighbouring slides kept in the
/// DOM were translated too, as they would be).
fn title(host: &Element, marks: Marks) -> String {
    let seen = text(host, "article:not([hidden]) .fw-carousel__title").unwrap_or_default();
    match marks {
        Marks::Honoured => seen,
        Marks::Ignored => {
            let plain = seen.strip_prefix(Translator::PREFIX).unwrap_or(&seen);
            let mut chars = plain.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_string() + &chars.as_str().to_lowercase()
            })
        }
    }
}

/// How many `<font>` wrappers are inside `host`'s shadow root.
fn fonts(host: &Element) -> usize {
    find_all(host, "font").len()
}

#[wasm_bindgen_test]
async fn the_simulated_translator_rewrites_text_and_can_be_undone() {
    setup();
    let plain = Mounted::add("p", &[("id", "t-plain")]);
    plain.set_text_content(Some("Hello"));
    let marked = Mounted::add("p", &[("id", "t-marked"), ("translate", "no")]);
    marked.set_text_content(Some("Keep"));
    let host = Mounted::add("div", &[("id", "t-shadow")]);
    let root = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    root.set_inner_html("<span>Inside</span>");

    let page_lang = html().get_attribute("lang");
    let translator = Translator::start(Marks::Honoured, "fr");
    assert!(html().class_list().contains("translated-ltr"));
    assert_eq!(html().get_attribute("lang").as_deref(), Some("fr"));
    assert_eq!(
        plain.inner_html(),
        r#"<font style="vertical-align: inherit;"><font style="vertical-align: inherit;">~HELLO</font></font>"#
    );
    assert_eq!(marked.inner_html(), "Keep", "the mark is honoured");
    assert_eq!(
        text(&host, "span").as_deref(),
        Some("~INSIDE"),
        "open shadow roots too"
    );
    translator.undo();
    assert_eq!(plain.inner_html(), "Hello");
    assert_eq!(root.inner_html(), "<span>Inside</span>");
    assert!(!html().class_list().contains("translated-ltr"));
    assert_eq!(html().get_attribute("lang"), page_lang);

    let translator = Translator::start(Marks::Ignored, "fr");
    assert_eq!(
        marked.text_content().as_deref(),
        Some("~KEEP"),
        "the mark is ignored"
    );
    translator.undo();
    assert_eq!(marked.inner_html(), "Keep");
}

#[wasm_bindgen_test]
async fn the_carousel_keeps_working_through_a_translation() {
    setup();
    for (n, marks) in MODES.into_iter().enumerate() {
        let url = format!("https://feeds.test/translation/carousel-{n}.json");
        respond(&url, 200, &three_items());
        let host = Mounted::add("fw-news-carousel", &[("src", &url)]);
        wait_for(&host, "section.fw-carousel").await;
        let mark = error_mark();

        let translator = Translator::start(marks, "ar");
        // A span of time for the translator and the carousel to meet (and, with the marks
        // honoured, for a negative check: nothing gets in).
        sleep(50).await;
        if marks == Marks::Ignored {
            assert!(fonts(&host) > 0, "{marks:?}: the translator got in");
        } else {
            assert_eq!(fonts(&host), 0, "{marks:?}: the marks kept it out");
        }
        press(&host, "Next slide");
        wait_for_position(&host, "2 of 3").await;
        assert_eq!(title(&host, marks), "Second", "{marks:?}");
        translator.again();
        press(&host, "Next slide");
        wait_for_position(&host, "3 of 3").await;
        assert_eq!(title(&host, marks), "Third", "{marks:?}");
        assert_eq!(
            attr(&host, "section.fw-carousel", "lang").as_deref(),
            Some("en"),
            "{marks:?}: the language chosen before the translation"
        );

        translator.undo();
        // A span of time for the page to settle after the translator went (nothing to see).
        sleep(50).await;
        press(&host, "Next slide");
        wait_for_position(&host, "1 of 3").await;
        assert_eq!(title(&host, marks), "First", "{marks:?}: still works after");
        assert_eq!(errors_since(mark), Vec::<String>::new(), "{marks:?}");
    }
}

/// Rates 4 and sends while a translator in `marks` mode works on the page; checks what the
/// reader sees and what is posted.
async fn feedback_through_a_translation(marks: Marks, n: u32) {
    storage::remove("feedback:rated");
    let url = format!("https://collector.test/translation/feedback-{n}");
    respond_after(&url, 300, 201, "{}");
    let host = Mounted::add("fw-feedback", &[("endpoint", &url), ("remember-days", "0")]);
    wait_for(&host, "form").await;
    let mark = error_mark();

    let translator = Translator::start(marks, "ar");
    // A span of time for the widget to meet the translated page (nothing on screen tells).
    sleep(50).await;
    feedback::choose(&host, 4);
    wait_until("4 to be chosen", 2_000, || {
        is_checked(&feedback::radio(&host, 4))
    })
    .await;
    translator.again();
    feedback::submit(&host);
    // What the button says while sending must be current, translated or not.
    wait_until(
        &format!("{marks:?}: the button to say it is sending"),
        250,
        || {
            let now = text(&host, "button[type=submit]").unwrap_or_default();
            now == "Sending…" || now == format!("{}SENDING…", Translator::PREFIX)
        },
    )
    .await;
    wait_for(&host, "h2").await;
    let sent = calls_to(&url);
    assert_eq!(sent.len(), 1, "{marks:?}: one POST");
    assert_eq!(sent[0].method, "POST");
    let body = sent[0].json();
    let field = |key: &str| js_sys::Reflect::get(&body, &key.into()).unwrap();
    assert_eq!(field("rating").as_f64(), Some(4.0), "{marks:?}");
    assert_eq!(
        field("widget_language").as_string().as_deref(),
        Some("en"),
        "{marks:?}: the language chosen before the translation"
    );
    assert_eq!(field("translated").as_bool(), Some(true), "{marks:?}");
    assert_eq!(
        attr(&host, "div[role=status]", "lang").as_deref(),
        Some("en"),
        "{marks:?}"
    );

    translator.undo();
    // A span of time for a negative check: undoing breaks nothing.
    sleep(50).await;
    assert_eq!(
        text(&host, "h2").as_deref(),
        Some("Thank you for your feedback."),
        "{marks:?}"
    );
    assert_eq!(errors_since(mark), Vec::<String>::new(), "{marks:?}");
    storage::remove("feedback:rated");
}

#[wasm_bindgen_test]
async fn the_feedback_widget_keeps_working_through_a_translation() {
    setup();
    feedback_through_a_translation(Marks::Honoured, 0).await;
}

#[wasm_bindgen_test]
async fn the_feedback_widget_keeps_working_through_a_translator_that_ignores_the_marks() {
    setup();
    feedback_through_a_translation(Marks::Ignored, 1).await;
}

#[wasm_bindgen_test]
async fn the_banner_comes_with_the_translation_and_is_dismissed_through_it() {
    setup();
    for marks in MODES {
        storage::remove("disclaimer:dismissed");
        let host = Mounted::add("fw-disclaimer", &[("org", "ICESCO")]);
        wait_for(&host, "div.fw-root").await;
        // A span of time for the banner to start watching (nothing on screen tells).
        sleep(50).await;
        let mark = error_mark();

        // Into Arabic, a language of ours: our own Arabic, which a translator that honours
        // the marks leaves alone.
        let translator = Translator::start(marks, "ar");
        wait_for(&host, "[role=region]").await;
        translator.again();
        let sentence = text(&host, "p.fw-disclaimer__text").unwrap_or_default();
        assert!(
            sentence.contains("إخلاء مسؤولية") && sentence.contains("لا تتحمّل ICESCO"),
            "{marks:?}: {sentence}"
        );
        assert_eq!(
            fonts(&host) > 0,
            marks == Marks::Ignored,
            "{marks:?}: only a translator that ignores the marks gets in"
        );
        assert_eq!(attr(&host, "[role=region]", "lang").as_deref(), Some("ar"));
        translator.undo();
        wait_gone(&host, "[role=region]").await;

        // Into German, not a language of ours: the sentence is left to the translator.
        let translator = Translator::start(marks, "de");
        wait_for(&host, "[role=region]").await;
        translator.again();
        let sentence = text(&host, "p.fw-disclaimer__text").unwrap_or_default();
        assert!(
            sentence.starts_with("~DISCLAIMER: YOU ARE USING GOOGLE TRANSLATE. ICESCO"),
            "{marks:?}: translated: {sentence}"
        );
        assert_eq!(attr(&host, "[role=region]", "lang").as_deref(), Some("en"));
        press(&host, "Dismiss the translation disclaimer");
        wait_gone(&host, "[role=region]").await;

        translator.undo();
        // Spans of time for negative checks: the translator goes and comes back, and the
        // banner stays dismissed.
        sleep(50).await;
        let translator = Translator::start(marks, "de");
        sleep(100).await;
        assert!(
            find(&host, "[role=region]").is_none(),
            "{marks:?}: stays dismissed"
        );
        translator.undo();
        assert_eq!(errors_since(mark), Vec::<String>::new(), "{marks:?}");
    }
    storage::remove("disclaimer:dismissed");
}
