//! Several slides side by side (`per-view`) in headless Chromium: as many as the carousel's
//! width holds, re-laid out when it is resized, full views at the ends, the position range,
//! the picker per view, mirrored in Arabic, and a bounded DOM.

#![cfg(target_arch = "wasm32")]

mod support;

use support::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function box_left(element) { return element.getBoundingClientRect().left; }
export function box_top(element) { return element.getBoundingClientRect().top; }
"#)]
extern "C" {
    fn box_left(element: &Element) -> f64;
    fn box_top(element: &Element) -> f64;
}

/// The titles of the slides shown, in DOM order, after checking that every other slide in
/// the DOM is hidden and inert and every shown one is neither.
fn shown_titles(host: &Element) -> Vec<String> {
    let mut titles = Vec::new();
    for slide in slides(host) {
        if slide.has_attribute("hidden") {
            assert!(slide.has_attribute("inert"), "a hidden slide is inert too");
        } else {
            assert!(!slide.has_attribute("inert"), "a shown slide is not inert");
            titles.push(title_of(&slide));
        }
    }
    titles
}

/// A carousel of `count` items, `per-view` 3, `width_px` wide.
async fn wide_carousel(url: &str, count: usize, width_px: u32, extra: &[(&str, &str)]) -> Mounted {
    let style = format!("display:block;width:{width_px}px");
    let mut attributes = vec![("per-view", "3"), ("style", style.as_str())];
    attributes.extend_from_slice(extra);
    carousel(url, &numbered_items(count), &attributes).await
}

async fn wait_for_shown(host: &Element, count: usize) {
    wait_until(&format!("{count} slides shown"), 5_000, || {
        shown_slides(host).len() == count
    })
    .await;
}

fn left_of(element: &Element) -> f64 {
    box_left(element)
}

#[wasm_bindgen_test]
async fn a_wide_carousel_shows_three_side_by_side_and_moves_one_at_a_time() {
    setup();
    let host = wide_carousel("https://feeds.test/per-view/wide.json", 10, 900, &[]).await;
    wait_for_shown(&host, 3).await;
    assert_eq!(shown_titles(&host), ["News 1", "News 2", "News 3"]);
    assert_eq!(position(&host), "1–3 of 10");
    assert!(find(&host, r#".fw-carousel__slides[data-view="3"]"#).is_some());

    let shown = shown_slides(&host);
    let (first, second, third) = (left_of(&shown[0]), left_of(&shown[1]), left_of(&shown[2]));
    assert!(
        first < second && second < third,
        "in a row: {first} {second} {third}"
    );
    let tops: Vec<f64> = shown.iter().map(box_top).collect();
    assert!(
        tops.iter().all(|&top| (top - tops[0]).abs() < 1.0),
        "{tops:?}"
    );
    // Every shown slide keeps its own name ("2 of 10"), for a screen reader moving among them.
    assert_eq!(
        shown[1].get_attribute("aria-label").as_deref(),
        Some("2 of 10")
    );

    press(&host, NEXT);
    wait_for_position(&host, "2–4 of 10").await;
    assert_eq!(shown_titles(&host), ["News 2", "News 3", "News 4"]);
    assert!(
        slides(&host).len() <= 5,
        "the view and one slide on each side"
    );
}

#[wasm_bindgen_test]
async fn the_view_follows_the_width_of_the_carousel() {
    setup();
    let host = wide_carousel("https://feeds.test/per-view/narrow.json", 10, 300, &[]).await;
    wait_for_shown(&host, 1).await;
    assert_eq!(position(&host), "1 of 10");
    assert!(find(&host, r#".fw-carousel__slides[data-view="2"]"#).is_none());

    host.set_attribute("style", "display:block;width:600px")
        .expect("style");
    wait_for_shown(&host, 2).await;
    assert_eq!(shown_titles(&host), ["News 1", "News 2"]);
    assert_eq!(position(&host), "1–2 of 10");

    host.set_attribute("style", "display:block;width:1200px")
        .expect("style");
    wait_for_shown(&host, 3).await;
    assert_eq!(position(&host), "1–3 of 10", "never more than per-view");
}

#[wasm_bindgen_test]
async fn without_loop_the_last_view_is_full_and_next_stops_there() {
    setup();
    let host = wide_carousel(
        "https://feeds.test/per-view/ends.json",
        5,
        900,
        &[("loop", "false")],
    )
    .await;
    wait_for_shown(&host, 3).await;
    // Three positions (1–3, 2–4, 3–5), so three picker buttons, not five.
    assert_eq!(picker_buttons(&host).len(), 3);
    press(&host, "Slide 3");
    wait_for_position(&host, "3–5 of 5").await;
    assert_eq!(shown_titles(&host), ["News 3", "News 4", "News 5"]);
    assert_eq!(
        button_named(&host, NEXT)
            .get_attribute("aria-disabled")
            .as_deref(),
        Some("true")
    );
    press(&host, NEXT);
    rendered().await;
    assert_eq!(position(&host), "3–5 of 5");
}

#[wasm_bindgen_test]
async fn fewer_items_than_the_view_holds_show_at_once_without_moving() {
    setup();
    let host = wide_carousel("https://feeds.test/per-view/few.json", 2, 900, &[]).await;
    wait_for_shown(&host, 2).await;
    assert_eq!(position(&host), "1–2 of 2");
    assert!(find(&host, r#".fw-carousel__slides[data-view="2"]"#).is_some());
    assert!(
        find_button(&host, NEXT).is_none() && find_button(&host, PREVIOUS).is_none(),
        "nothing to move to, even with loop on: no navigation"
    );
    assert!(picker(&host).is_none());
}

#[wasm_bindgen_test]
async fn in_arabic_the_first_slide_is_on_the_right() {
    setup();
    let host = wide_carousel(
        "https://feeds.test/per-view/ar.json",
        6,
        900,
        &[("lang", "ar")],
    )
    .await;
    wait_for_shown(&host, 3).await;
    let shown = shown_slides(&host);
    assert!(
        left_of(&shown[0]) > left_of(&shown[1]) && left_of(&shown[1]) > left_of(&shown[2]),
        "reading order runs right to left"
    );
    assert_eq!(position(&host), "1–3 من 6");
}

#[wasm_bindgen_test]
async fn a_feed_setting_asks_for_several_per_view_and_the_page_overrides_it() {
    setup();
    let feed = json_feed(
        r#"[{"id":"a","title":"A"},{"id":"b","title":"B"},{"id":"c","title":"C"}]"#,
        r#""_widgets":{"carousel":{"per_view":2}}"#,
    );
    let from_feed = carousel(
        "https://feeds.test/per-view/setting.json",
        &feed,
        &[("style", "display:block;width:900px")],
    )
    .await;
    wait_for_shown(&from_feed, 2).await;
    let from_page = carousel(
        "https://feeds.test/per-view/setting.json",
        &feed,
        &[("style", "display:block;width:900px"), ("per-view", "1")],
    )
    .await;
    rendered().await;
    assert_eq!(shown_slides(&from_page).len(), 1);
}
