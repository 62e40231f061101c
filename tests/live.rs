//! Widgets after mount: option attributes changed live (custom elements and `data-fw-widget`
//! containers), coalesced per task, falling back when removed; the elements' methods (through
//! the bundle's side of the loader's calls, `embed::call`); the light-DOM fallback; CSS parts.
//! The loader's own side (properties, calls before the bundle starts, `pending`) is in
//! `e2e/live.test.mjs`.

#![cfg(target_arch = "wasm32")]

mod support;

use feedwidgets::platform::storage;
use support::feedback::{endpoint, feedback, forget, outbox, radio, wait_for_calls};
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

const BASE: &str = "https://news.test/live";

fn url(name: &str) -> String {
    format!("{BASE}/{name}.json")
}

/// The element Yew renders into: the same one as long as the widget was not mounted again.
fn widget_root(host: &Element) -> Element {
    find(host, ".fw-root").expect("the widget's root")
}

fn set(host: &Element, name: &str, value: &str) {
    host.set_attribute(name, value).expect("setAttribute");
}

fn unset(host: &Element, name: &str) {
    host.remove_attribute(name).expect("removeAttribute");
}

/// The carousel region's accessible name.
fn carousel_name(host: &Element) -> String {
    accessible_name(&region(host))
}

async fn wait_for_name(host: &Element, expected: &str) {
    wait_until(&format!("the carousel named {expected:?}"), 5_000, || {
        find(host, "section[aria-roledescription]").is_some() && carousel_name(host) == expected
    })
    .await;
}

/// Whether `element` (in the page's light DOM) takes any room on screen.
fn is_rendered(element: &Element) -> bool {
    element.client_width() > 0 || element.client_height() > 0 || {
        let rects = js_sys::Reflect::get(element, &"getClientRects".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .and_then(|f| f.call0(element).ok());
        rects
            .and_then(|r| js_sys::Reflect::get(&r, &"length".into()).ok())
            .and_then(|n| n.as_f64())
            .is_some_and(|n| n > 0.0)
    }
}

// ---------------------------------------------------------------------------------------------
// Live attributes

#[wasm_bindgen_test]
async fn a_new_src_fetches_the_new_feed_in_place() {
    setup();
    let (first, second) = (url("src-a"), url("src-b"));
    let host = carousel(&first, &three_items(), &[]).await;
    wait_for_title(&host, "First").await;
    let root = widget_root(&host);
    respond(&second, 200, &numbered_items(4));
    set(&host, "src", &second);
    wait_for_title(&host, "News 1").await;
    wait_for_position(&host, "1 of 4").await;
    assert_eq!(calls_to(&second).len(), 1, "the new feed is fetched once");
    assert_eq!(
        widget_root(&host),
        root,
        "updated in place, not mounted again"
    );
}

#[wasm_bindgen_test]
async fn a_new_src_replaces_a_refreshed_feed() {
    setup();
    let (first, second) = (url("refresh-a"), url("refresh-b"));
    let host = carousel(&first, &three_items(), &[("refresh", "2")]).await;
    wait_for_position(&host, "1 of 3").await;
    // The next fetch of the live feed brings a fourth item.
    respond(&first, 200, &numbered_items(4));
    wait_for_position(&host, "1 of 4").await;
    wait_until("the new items announced", 5_000, || {
        announcement(&host).is_some_and(|a| !a.is_empty())
    })
    .await;
    respond(&second, 200, &numbered_items(2));
    // The new feed shows from its first load, not from a refresh of it an hour later.
    set(&host, "refresh", "3600");
    set(&host, "src", &second);
    wait_for_position(&host, "1 of 2").await;
}

#[wasm_bindgen_test]
async fn a_new_lang_re_renders_in_that_language_on_the_same_slide_and_removal_falls_back() {
    setup();
    let feed = url("lang");
    let host = carousel(&feed, &three_items(), &[("lang", "fr")]).await;
    wait_for_name(&host, "Actualités").await;
    press(&host, "Diapositive suivante");
    wait_for_title(&host, "Second").await;

    set(&host, "lang", "ar");
    wait_for_name(&host, "الأخبار").await;
    assert_eq!(region(&host).get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(
        shown_title(&host),
        "Second",
        "the reader stays on their slide"
    );

    // No lang: the feed has none, so the page's ("en").
    unset(&host, "lang");
    wait_for_name(&host, "News").await;
    assert_eq!(shown_title(&host), "Second");
    assert_eq!(calls_to(&feed).len(), 1, "a new language fetches nothing");
}

#[wasm_bindgen_test]
async fn removing_an_attribute_falls_back_to_the_feed_then_the_default() {
    setup();
    let feed = json_feed(
        r#"[{"id":"a","title":"First"},{"id":"b","title":"Second"}]"#,
        r#""_widgets":{"carousel":{"label":{"en":"Feed news"}}}"#,
    );
    let host = carousel(&url("fallback"), &feed, &[("label", "Page news")]).await;
    wait_for_name(&host, "Page news").await;
    unset(&host, "label");
    wait_for_name(&host, "Feed news").await;
    set(&host, "label", "Again");
    wait_for_name(&host, "Again").await;
}

#[wasm_bindgen_test]
async fn per_view_applies_at_once_and_goes_back_when_removed() {
    setup();
    let style = "display:block;width:1000px";
    let host = carousel(&url("per-view"), &numbered_items(6), &[("style", style)]).await;
    assert_eq!(shown_slides(&host).len(), 1);
    set(&host, "per-view", "3");
    wait_until("three slides in view", 5_000, || {
        shown_slides(&host).len() == 3
    })
    .await;
    wait_for_position(&host, "1–3 of 6").await;
    unset(&host, "per-view");
    wait_until("one slide in view again", 5_000, || {
        shown_slides(&host).len() == 1
    })
    .await;
}

#[wasm_bindgen_test]
async fn autoplay_and_interval_apply_at_once_and_removal_stops_rotation() {
    setup();
    let host = carousel(&url("autoplay"), &numbered_items(4), &[]).await;
    assert!(find_button(&host, "Stop automatic slide show").is_none());
    // Both in one task: one update, with a rotation every 2 s rather than the default 6 s.
    set(&host, "autoplay", "");
    set(&host, "interval", "2000");
    wait_for_button(&host, "Stop automatic slide show").await;
    wait_until("the next slide within 4 s", 4_000, || {
        position(&host) == "2 of 4"
    })
    .await;
    unset(&host, "autoplay");
    wait_until("no rotation button", 5_000, || {
        find_button(&host, "Stop automatic slide show").is_none()
    })
    .await;
    assert_eq!(live(&host).as_deref(), Some("polite"), "no longer rotating");
}

#[wasm_bindgen_test]
async fn loop_applies_at_once() {
    setup();
    let host = carousel(&url("loop"), &numbered_items(3), &[("loop", "false")]).await;
    assert!(
        aria_disabled(&button_named(&host, "Previous slide")),
        "no loop: stops at the ends"
    );
    unset(&host, "loop");
    wait_until("previous enabled", 5_000, || {
        !aria_disabled(&button_named(&host, "Previous slide"))
    })
    .await;
    press(&host, "Previous slide");
    wait_for_position(&host, "3 of 3").await;
}

#[wasm_bindgen_test]
async fn changes_in_one_task_are_coalesced() {
    setup();
    let (first, skipped, last) = (url("co-a"), url("co-b"), url("co-c"));
    let host = carousel(&first, &three_items(), &[]).await;
    respond(&skipped, 200, &numbered_items(2));
    respond(&last, 200, &numbered_items(5));
    let mark = calls().len();
    set(&host, "src", &skipped);
    set(&host, "lang", "fr");
    set(&host, "src", &last);
    wait_for_position(&host, "1 sur 5").await;
    let asked: Vec<String> = calls()[mark..].iter().map(|c| c.url.clone()).collect();
    assert_eq!(
        asked,
        vec![last.clone()],
        "only the last src of the task is fetched"
    );
}

#[wasm_bindgen_test]
async fn container_data_attributes_are_live() {
    setup();
    let (first, second) = (url("data-a"), url("data-b"));
    respond(&first, 200, &three_items());
    respond(&second, 200, &numbered_items(2));
    let host = Mounted::add(
        "div",
        &[("data-fw-widget", "news-carousel"), ("data-src", &first)],
    );
    wait_for_title(&host, "First").await;
    set(&host, "data-src", &second);
    set(&host, "data-lang", "fr");
    wait_for_name(&host, "Actualités").await;
    wait_for_title(&host, "News 1").await;
    // A container's other attributes are the CMS's: a class change is no option.
    set(&host, "class", "cms-block");
    rendered().await;
    assert_eq!(shown_title(&host), "News 1");
}

#[wasm_bindgen_test]
async fn feedback_question_and_endpoint_are_live() {
    setup();
    let (first, second) = (endpoint("live-a"), endpoint("live-b"));
    respond(&second, 201, "{}");
    let host = feedback(&[("endpoint", &first), ("question", "Useful?")]).await;
    wait_for_text(&host, "legend", "Useful?").await;
    set(&host, "question", "Clear?");
    wait_for_text(&host, "legend", "Clear?").await;
    unset(&host, "question");
    wait_for_text(
        &host,
        "legend",
        "Overall, how satisfied are you with the website?",
    )
    .await;
    set(&host, "endpoint", &second);
    rendered().await;
    support::feedback::rate_and_submit(&host, 4).await;
    let sent = wait_for_calls(&second, 1).await;
    assert_eq!(sent[0].method, "POST");
    assert!(
        calls_to(&first).is_empty(),
        "nothing goes to the old endpoint"
    );
    forget();
}

#[wasm_bindgen_test]
async fn disclaimer_org_and_position_are_live() {
    setup();
    storage::remove("disclaimer:dismissed");
    set_html_class("translated-ltr", true);
    let host = Mounted::add("fw-disclaimer", &[("org", "ICESCO")]);
    wait_until("the banner naming ICESCO", 5_000, || {
        text(&host, "p.fw-disclaimer__text").is_some_and(|t| t.contains("ICESCO"))
    })
    .await;
    set(&host, "org", "UNESCO");
    wait_until("the banner naming UNESCO", 5_000, || {
        text(&host, "p.fw-disclaimer__text").is_some_and(|t| t.contains("UNESCO"))
    })
    .await;
    assert_eq!(host.get_attribute("fw-sticky"), None);
    set(&host, "position", "bottom");
    wait_until("a sticky bar", 5_000, || {
        host.get_attribute("fw-sticky").as_deref() == Some("bottom")
    })
    .await;
    unset(&host, "position");
    wait_until("inline again", 5_000, || {
        host.get_attribute("fw-sticky").is_none()
    })
    .await;
    set_html_class("translated-ltr", false);
}

// ---------------------------------------------------------------------------------------------
// Methods

#[wasm_bindgen_test]
async fn carousel_methods_move_and_current_index_reads_the_live_position() {
    setup();
    let host = carousel(&url("methods"), &numbered_items(5), &[("loop", "false")]).await;
    wait_for_title(&host, "News 1").await;
    assert_eq!(call(&host, "currentIndex", None), Some(0));
    call(&host, "next", None);
    assert_eq!(
        call(&host, "currentIndex", None),
        Some(1),
        "at once, before the render"
    );
    wait_for_title(&host, "News 2").await;
    call(&host, "goTo", Some(3.0));
    wait_for_title(&host, "News 4").await;
    call(&host, "previous", None);
    wait_for_title(&host, "News 3").await;
    call(&host, "goTo", Some(99.0));
    wait_for_title(&host, "News 5").await;
    assert_eq!(
        call(&host, "currentIndex", None),
        Some(4),
        "clamped to the last slide"
    );
    let events = EventLog::on(&host.js(), "fw:carousel:change");
    call(&host, "goTo", Some(0.0));
    wait_for_title(&host, "News 1").await;
    assert_eq!(
        events.count(),
        1,
        "a method's move is told like the reader's"
    );
}

#[wasm_bindgen_test]
async fn calls_before_the_feed_arrives_wait_for_it() {
    setup();
    let feed = url("early-calls");
    hold(&feed);
    let host = Mounted::add("fw-news-carousel", &[("src", &feed)]);
    rendered().await;
    call(&host, "next", None);
    call(&host, "next", None);
    call(&host, "previous", None);
    release(&feed, 200, &numbered_items(4));
    wait_for_title(&host, "News 2").await;
    assert_eq!(call(&host, "currentIndex", None), Some(1));
}

#[wasm_bindgen_test]
async fn play_and_pause_drive_rotation() {
    setup();
    let host = carousel(&url("play"), &numbered_items(3), &[("autoplay", "")]).await;
    wait_for_button(&host, "Stop automatic slide show").await;
    call(&host, "pause", None);
    wait_for_button(&host, "Start automatic slide show").await;
    assert_eq!(live(&host).as_deref(), Some("polite"));
    call(&host, "play", None);
    wait_for_button(&host, "Stop automatic slide show").await;
    assert_eq!(live(&host).as_deref(), Some("off"), "rotating again");
}

#[wasm_bindgen_test]
async fn feedback_reset_returns_to_the_first_step() {
    setup();
    let collector = endpoint("reset");
    respond(&collector, 201, "{}");
    let host = feedback(&[("endpoint", &collector)]).await;
    support::feedback::rate_and_submit(&host, 5).await;
    support::feedback::wait_for_heading(&host).await;
    call(&host, "reset", None);
    wait_until("the form again", 5_000, || find(&host, "legend").is_some()).await;
    assert!(!is_checked(&radio(&host, 5)), "nothing chosen");
    support::feedback::rate_and_submit(&host, 2).await;
    let sent = wait_for_calls(&collector, 2).await;
    let ids: Vec<_> = sent.iter().map(support::feedback::id_of).collect();
    assert_ne!(ids[0], ids[1], "a reset form is a new submission");
    forget();
}

#[wasm_bindgen_test]
async fn feedback_reset_keeps_a_queued_rating_in_the_outbox() {
    setup();
    let collector = endpoint("reset-queued");
    respond(&collector, 503, "{}");
    let host = feedback(&[("endpoint", &collector)]).await;
    support::feedback::rate_and_submit(&host, 3).await;
    wait_for_button(&host, "Try again").await;
    let id = support::feedback::id_of(&calls_to(&collector)[0]).expect("an id");
    assert!(outbox().is_some_and(|o| o.contains(&id)), "queued");
    call(&host, "reset", None);
    wait_until("the form again", 5_000, || {
        find(&host, "legend").is_some() && !is_checked(&radio(&host, 3))
    })
    .await;
    assert!(
        outbox().is_some_and(|o| o.contains(&id)),
        "the unsent rating still waits to be sent"
    );
    forget();
}

#[wasm_bindgen_test]
async fn disclaimer_show_and_dismiss_for_a_host_switcher() {
    setup();
    storage::remove("disclaimer:dismissed");
    let host = Mounted::add("fw-disclaimer", &[("org", "ICESCO")]);
    rendered().await;
    assert!(
        find(&host, "[role=region]").is_none(),
        "untranslated: nothing"
    );
    call(&host, "show", None);
    wait_for(&host, "[role=region]").await;
    let events = EventLog::on(&host.js(), "fw:disclaimer:dismissed");
    call(&host, "dismiss", None);
    wait_gone(&host, "[role=region]").await;
    assert_eq!(events.count(), 1);
    storage::remove("disclaimer:dismissed");
}

// ---------------------------------------------------------------------------------------------
// Light-DOM fallback and parts

#[wasm_bindgen_test]
async fn the_light_dom_fallback_shows_until_the_widget_renders() {
    setup();
    let feed = url("fallback-dom");
    hold(&feed);
    let host = Mounted::hold(create("fw-news-carousel", &[("src", &feed)]));
    let link = create("a", &[("href", "https://news.test/all")]);
    link.set_text_content(Some("All the news"));
    host.append_child(&link).expect("append_child");
    body().append_child(&host).expect("append_child");
    rendered().await;
    assert!(
        is_rendered(&link),
        "the fallback shows while the feed loads"
    );
    assert!(
        find(&host, "[role=status]").is_none_or(|status| !is_rendered(&status)),
        "and the loading status does not show beside it"
    );
    release(&feed, 200, &three_items());
    // One or the other at every look, never both: the slides show when the fallback goes.
    wait_until("the slides instead of the fallback", 5_000, || {
        let shown = find(&host, "section[aria-roledescription]").is_some_and(|s| is_rendered(&s));
        assert!(
            !(shown && is_rendered(&link)),
            "the fallback and the slides at once"
        );
        shown
    })
    .await;
    assert!(!is_rendered(&link), "hidden once the slides show");
    assert_eq!(shown_title(&host), "First");
}

#[wasm_bindgen_test]
async fn the_fallback_goes_with_an_error_too() {
    setup();
    let feed = url("fallback-error");
    hold(&feed);
    let host = Mounted::hold(create("fw-feedback", &[("src", &feed)]));
    let link = create("a", &[("href", "https://news.test/form")]);
    link.set_text_content(Some("Tell us what you think"));
    host.append_child(&link).expect("append_child");
    body().append_child(&host).expect("append_child");
    rendered().await;
    assert!(
        is_rendered(&link),
        "the fallback shows while the feed loads"
    );
    release(&feed, 500, "");
    let unavailable = "Feedback cannot be collected on this page right now.";
    wait_until("the widget's error instead of the fallback", 5_000, || {
        let error = shadow(&host)
            .text_content()
            .is_some_and(|t| t.contains(unavailable));
        error && !is_rendered(&link)
    })
    .await;
}

#[wasm_bindgen_test]
async fn parts_are_styled_from_the_host_page() {
    setup();
    let style = add_page_style(
        "fw-news-carousel::part(title) { color: rgb(1, 2, 3) }
         fw-news-carousel::part(nav) { outline-color: rgb(4, 5, 6) }
         fw-feedback::part(submit) { color: rgb(7, 8, 9) }",
    );
    let host = carousel(&url("parts"), &three_items(), &[]).await;
    let title = heading_of(&shown_slide(&host)).expect("a title");
    assert_eq!(computed(&title, "color"), "rgb(1, 2, 3)");
    let next = button_named(&host, "Next slide");
    assert_eq!(computed(&next, "outline-color"), "rgb(4, 5, 6)");
    let form = feedback(&[("endpoint", &endpoint("parts"))]).await;
    let submit = find(&form, "button[type=submit]").expect("submit");
    assert_eq!(computed(&submit, "color"), "rgb(7, 8, 9)");
    style.remove();
    forget();
}

/// The `part` names found in the host's shadow tree, sorted, each once.
fn parts_in(host: &Element) -> Vec<String> {
    let mut parts: Vec<String> = find_all(host, "[part]")
        .iter()
        .filter_map(|element| element.get_attribute("part"))
        .flat_map(|names| {
            names
                .split_whitespace()
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .collect();
    parts.sort();
    parts.dedup();
    parts
}

fn sorted(names: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = names.iter().map(|name| name.to_string()).collect();
    names.sort();
    names
}

#[wasm_bindgen_test]
async fn every_part_the_kinds_table_names_is_in_the_widgets() {
    use feedwidgets::embed::WidgetKind;
    setup();
    let carousel = carousel(&url("all-parts"), &three_items(), &[]).await;
    assert_eq!(
        parts_in(&carousel),
        sorted(WidgetKind::Carousel.api().parts)
    );
    let form = feedback(&[("endpoint", &endpoint("all-parts"))]).await;
    assert_eq!(parts_in(&form), sorted(WidgetKind::Feedback.api().parts));
    storage::remove("disclaimer:dismissed");
    let banner = Mounted::add("fw-disclaimer", &[("org", "ICESCO")]);
    rendered().await;
    call(&banner, "show", None);
    wait_for(&banner, "[role=region]").await;
    assert_eq!(
        parts_in(&banner),
        sorted(WidgetKind::Disclaimer.api().parts)
    );
    forget();
}
