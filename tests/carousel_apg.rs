//! The carousel's WAI-ARIA APG behaviour in headless Chromium: the rotation button and every
//! rule that stops or pauses rotation, the live region, keys and swipes (mirrored in Arabic),
//! the slide picker, hidden slides, broken images, and a bounded DOM for a 10,000-item feed.

#![cfg(target_arch = "wasm32")]

mod support;

use support::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function apg_key(target, key) {
  target.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, composed: true, cancelable: true }));
}
export function apg_mouse(target, type) {
  target.dispatchEvent(new MouseEvent(type, { bubbles: false, composed: true }));
}
export function apg_swipe(target, from, to) {
  const options = (x) => ({ clientX: x, clientY: 10, pointerId: 1, pointerType: "touch", bubbles: true, composed: true });
  target.dispatchEvent(new PointerEvent("pointerdown", options(from)));
  target.dispatchEvent(new PointerEvent("pointerup", options(to)));
}
const realMatchMedia = window.matchMedia.bind(window);
export function apg_reduce_motion(on) {
  window.matchMedia = on
    ? (query) => query.includes("prefers-reduced-motion: reduce")
        ? { matches: true, media: query, addEventListener() {}, removeEventListener() {} }
        : realMatchMedia(query)
    : realMatchMedia;
}
export function apg_page_hidden(hidden) {
  if (hidden === null) { delete document.hidden; }
  else { Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden }); }
  document.dispatchEvent(new Event("visibilitychange"));
}
export function apg_node_count(root) {
  return root.querySelectorAll("*").length;
}
"#)]
extern "C" {
    fn apg_key(target: &Element, key: &str);
    fn apg_mouse(target: &Element, kind: &str);
    fn apg_swipe(target: &Element, from: f64, to: f64);
    fn apg_reduce_motion(on: bool);
    fn apg_page_hidden(hidden: JsValue);
    fn apg_node_count(root: &web_sys::ShadowRoot) -> u32;
}

/// Shortest rotation interval the widget accepts.
const INTERVAL: u32 = 2_000;

/// The rotation button's names: it names the action it takes.
const STOP: &str = "Stop automatic slide show";
const START: &str = "Start automatic slide show";

/// The name of the rotation button, if there is one.
fn rotation_label(host: &Element) -> Option<String> {
    [STOP, START]
        .into_iter()
        .find(|name| find_button(host, name).is_some())
        .map(String::from)
}

#[wasm_bindgen_test]
async fn rotation_button_comes_first_and_names_its_action() {
    setup();
    let host = carousel(
        "https://feeds.test/apg/rotation-first.json",
        &three_items(),
        &[("autoplay", "")],
    )
    .await;
    let first = buttons(&host).into_iter().next().expect("a button");
    assert_eq!(accessible_name(&first), STOP);
    assert!(
        first.class_list().contains("fw-carousel__rotation"),
        "the rotation button is first in tab order"
    );
    assert_eq!(
        rotation_label(&host).as_deref(),
        Some("Stop automatic slide show")
    );
    assert_eq!(
        first.get_attribute("aria-pressed"),
        None,
        "the label carries the state, not aria-pressed"
    );
    assert_eq!(live(&host).as_deref(), Some("off"), "silent while rotating");
    drop(host);

    let still = carousel(
        "https://feeds.test/apg/rotation-none.json",
        &three_items(),
        &[],
    )
    .await;
    assert_eq!(rotation_label(&still), None, "no rotation, no button");
    assert_eq!(button_names(&still)[..2], [PREVIOUS, NEXT]);
    assert_eq!(live(&still).as_deref(), Some("polite"));
}

#[wasm_bindgen_test]
async fn slides_rotate_on_their_own_and_the_button_stops_and_starts_them() {
    setup();
    let host = carousel(
        "https://feeds.test/apg/rotation-runs.json",
        &three_items(),
        &[("autoplay", ""), ("interval", &INTERVAL.to_string())],
    )
    .await;
    assert_eq!(position(&host), "1 of 3");
    wait_until(
        "the second slide comes on its own",
        INTERVAL + 2_000,
        || position(&host) == "2 of 3",
    )
    .await;
    press(&host, STOP);
    wait_until("the button offers to start", 1_000, || {
        rotation_label(&host).as_deref() == Some("Start automatic slide show")
    })
    .await;
    assert_eq!(live(&host).as_deref(), Some("polite"));
    sleep(INTERVAL + 500).await;
    assert_eq!(position(&host), "2 of 3", "stopped means stopped");
    press(&host, START);
    wait_until("rotation again", INTERVAL + 2_000, || {
        position(&host) == "3 of 3"
    })
    .await;
}

#[wasm_bindgen_test]
async fn focus_entering_stops_rotation_until_asked_and_hover_only_pauses() {
    setup();
    let host = carousel(
        "https://feeds.test/apg/rotation-focus.json",
        &three_items(),
        &[("autoplay", ""), ("interval", &INTERVAL.to_string())],
    )
    .await;
    apg_mouse(&region(&host), "mouseenter");
    wait_until("hover pauses", 1_000, || {
        live(&host).as_deref() == Some("polite")
    })
    .await;
    assert_eq!(
        rotation_label(&host).as_deref(),
        Some("Stop automatic slide show"),
        "a pause does not change the reader's choice"
    );
    apg_mouse(&region(&host), "mouseleave");
    wait_until("leaving resumes", 1_000, || {
        live(&host).as_deref() == Some("off")
    })
    .await;

    let next = button_named(&host, NEXT);
    next.unchecked_ref::<web_sys::HtmlElement>()
        .focus()
        .expect("focusable");
    wait_until("focus stops rotation", 1_000, || {
        rotation_label(&host).as_deref() == Some("Start automatic slide show")
    })
    .await;
    apg_mouse(&region(&host), "mouseenter");
    apg_mouse(&region(&host), "mouseleave");
    sleep(INTERVAL + 500).await;
    assert_eq!(
        position(&host),
        "1 of 3",
        "leaving hover does not restart a stopped carousel"
    );
    assert_eq!(live(&host).as_deref(), Some("polite"));
}

#[wasm_bindgen_test]
async fn reduced_motion_starts_stopped() {
    setup();
    apg_reduce_motion(true);
    let host = carousel(
        "https://feeds.test/apg/reduced.json",
        &three_items(),
        &[("autoplay", "")],
    )
    .await;
    apg_reduce_motion(false);
    assert_eq!(
        rotation_label(&host).as_deref(),
        Some("Start automatic slide show")
    );
    assert_eq!(live(&host).as_deref(), Some("polite"));
}

#[wasm_bindgen_test]
async fn a_hidden_page_pauses_rotation() {
    setup();
    let host = carousel(
        "https://feeds.test/apg/hidden.json",
        &three_items(),
        &[("autoplay", "")],
    )
    .await;
    apg_page_hidden(JsValue::TRUE);
    wait_until("paused while hidden", 1_000, || {
        live(&host).as_deref() == Some("polite")
    })
    .await;
    apg_page_hidden(JsValue::FALSE);
    wait_until("rotating when shown", 1_000, || {
        live(&host).as_deref() == Some("off")
    })
    .await;
    apg_page_hidden(JsValue::NULL);
}

#[wasm_bindgen_test]
async fn arrow_keys_follow_the_reading_direction() {
    setup();
    let english = carousel("https://feeds.test/apg/keys-en.json", &three_items(), &[]).await;
    apg_key(&region(&english), "ArrowRight");
    wait_until("ArrowRight is next in English", 1_000, || {
        position(&english) == "2 of 3"
    })
    .await;
    apg_key(&region(&english), "End");
    wait_until("End", 1_000, || position(&english) == "3 of 3").await;
    apg_key(&region(&english), "Home");
    wait_until("Home", 1_000, || position(&english) == "1 of 3").await;
    drop(english);

    let arabic = carousel(
        "https://feeds.test/apg/keys-ar.json",
        &three_items(),
        &[("lang", "ar-MA")],
    )
    .await;
    apg_key(&region(&arabic), "ArrowLeft");
    wait_until("ArrowLeft is next in Arabic", 1_000, || {
        position(&arabic) == "2 من 3"
    })
    .await;
    apg_key(&region(&arabic), "ArrowRight");
    wait_until("ArrowRight is previous in Arabic", 1_000, || {
        position(&arabic) == "1 من 3"
    })
    .await;
}

#[wasm_bindgen_test]
async fn swipes_move_and_mirror_in_rtl_and_taps_do_not() {
    setup();
    let english = carousel("https://feeds.test/apg/swipe-en.json", &three_items(), &[]).await;
    let slides = slides_area(&english);
    apg_swipe(&slides, 300.0, 290.0);
    rendered().await;
    assert_eq!(position(&english), "1 of 3", "a tap is not a swipe");
    apg_swipe(&slides, 300.0, 100.0);
    wait_until("a swipe to the left shows the next slide", 1_000, || {
        position(&english) == "2 of 3"
    })
    .await;
    drop(english);

    let arabic = carousel(
        "https://feeds.test/apg/swipe-ar.json",
        &three_items(),
        &[("lang", "ar-MA")],
    )
    .await;
    let slides = slides_area(&arabic);
    apg_swipe(&slides, 100.0, 300.0);
    wait_until("a swipe to the right is next in Arabic", 1_000, || {
        position(&arabic) == "2 من 3"
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_picker_marks_the_current_slide_and_jumps() {
    setup();
    let host = carousel("https://feeds.test/apg/picker.json", &three_items(), &[]).await;
    let dots = picker_buttons(&host);
    assert_eq!(dots.len(), 3);
    let group = picker(&host).expect("a picker");
    assert_eq!(group.get_attribute("role").as_deref(), Some("group"));
    assert_eq!(accessible_name(&group), "Choose a slide");
    assert_eq!(
        dots[0].get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    assert_eq!(
        dots[0].get_attribute("aria-current").as_deref(),
        Some("true")
    );
    assert_eq!(
        dots[2].get_attribute("aria-label").as_deref(),
        Some("Slide 3")
    );
    press(&host, "Slide 3");
    wait_until("the picker jumps", 1_000, || position(&host) == "3 of 3").await;
    let dots = picker_buttons(&host);
    assert_eq!(
        dots[2].get_attribute("aria-current").as_deref(),
        Some("true")
    );
    assert_eq!(dots[0].get_attribute("aria-current"), None);
    drop(host);

    let long = carousel(
        "https://feeds.test/apg/picker-long.json",
        &numbered_items(13),
        &[],
    )
    .await;
    assert!(picker(&long).is_none(), "no row of 13 buttons");
}

#[wasm_bindgen_test]
async fn hidden_neighbours_are_inert_and_only_the_current_slide_is_shown() {
    setup();
    let host = carousel("https://feeds.test/apg/inert.json", &numbered_items(5), &[]).await;
    let slides = slides(&host);
    assert!(slides.len() <= 3, "{} slides in the DOM", slides.len());
    let shown: Vec<&Element> = slides
        .iter()
        .filter(|s| !s.has_attribute("hidden"))
        .collect();
    assert_eq!(shown.len(), 1);
    assert_eq!(
        shown[0].get_attribute("aria-label").as_deref(),
        Some("1 of 5")
    );
    for slide in slides.iter().filter(|s| s.has_attribute("hidden")) {
        assert!(slide.has_attribute("inert"));
    }
}

#[wasm_bindgen_test]
async fn a_broken_image_falls_back_to_a_plain_slide() {
    setup();
    // A path the test runner's own server answers with 404: the load fails for certain, on
    // loopback, whatever the machine's DNS or other ports do.
    let missing = absolute("/fw-tests/carousel/missing.png");
    let feed = json_feed(
        &format!(r#"[{{"id":"img","title":"With a broken picture","image":"{missing}"}}]"#),
        "",
    );
    let url = "https://feeds.test/apg/broken-image.json";
    respond(url, 200, &feed);
    let host = Mounted::add("fw-news-carousel", &[("src", url)]);
    let images = ImageLog::watch(&host);
    wait_for(&host, "section[aria-roledescription]").await;
    wait_until("the slide's image to be requested", 5_000, || {
        images.sources().contains(&missing)
    })
    .await;
    wait_until("the broken image goes", 5_000, || {
        slides(&host).iter().all(|slide| image_of(slide).is_none())
    })
    .await;
    assert_eq!(shown_title(&host), "With a broken picture");
}

#[wasm_bindgen_test]
async fn the_heading_level_is_an_option() {
    setup();
    let host = carousel(
        "https://feeds.test/apg/heading.json",
        &three_items(),
        &[("heading-level", "2")],
    )
    .await;
    let heading = heading_of(&shown_slide(&host)).expect("a heading");
    assert_eq!(heading.local_name(), "h2");
    assert_eq!(accessible_name(&heading), "First");
}

#[wasm_bindgen_test]
async fn ten_thousand_items_keep_the_dom_small() {
    setup();
    let host = carousel(
        "https://feeds.test/apg/ten-thousand.json",
        &numbered_items(10_000),
        &[("max-items", "10000")],
    )
    .await;
    wait_for_position(&host, "1 of 10,000").await;
    let nodes = apg_node_count(&shadow(&host));
    assert!(nodes < 300, "{nodes} elements in the shadow root");
    // At once, while the feed's rest may still be read: the last slide shows once it is, and
    // the change event names it then.
    let changes = EventLog::on(&host.js(), "fw:carousel:change");
    press(&host, PREVIOUS);
    wait_for_position(&host, "10,000 of 10,000").await;
    wait_for_title(&host, "News 10000").await;
    wait_until("the change is announced", 2_000, || changes.count() == 1).await;
    assert_eq!(
        changes.events()[0].field("id").as_string().as_deref(),
        Some("n10000")
    );
    assert!(apg_node_count(&shadow(&host)) < 300);
}

/// A JSON Feed of `usable` items ("News 1", id "n1", ...) followed by `unusable` ones without
/// an id, which a reader drops.
fn feed_ending_unusable(usable: usize, unusable: usize) -> String {
    let mut entries: Vec<String> = (1..=usable)
        .map(|i| format!(r#"{{"id":"n{i}","title":"News {i}"}}"#))
        .collect();
    entries.extend((1..=unusable).map(|i| format!(r#"{{"title":"No id {i}"}}"#)));
    json_feed(&format!("[{}]", entries.join(",")), "")
}

#[wasm_bindgen_test]
async fn a_long_feed_read_in_steps_ends_with_its_exact_count() {
    setup();
    // Read in steps: its first items at once, the rest (10 unusable ones at the end) after.
    let feed = feed_ending_unusable(90, 10);
    let host = carousel(
        "https://feeds.test/apg/long.json",
        &feed,
        &[("max-items", "100")],
    )
    .await;
    assert_eq!(shown_title(&host), "News 1");
    wait_for_position(&host, "1 of 90").await;
    let changes = EventLog::on(&host.js(), "fw:carousel:change");
    press(&host, PREVIOUS);
    wait_for_title(&host, "News 90").await;
    assert_eq!(changes.count(), 1);
    let change = &changes.events()[0];
    assert_eq!(change.field("id").as_string().as_deref(), Some("n90"));
    assert_eq!(change.field("index").as_f64(), Some(89.0));
}

#[wasm_bindgen_test]
async fn a_move_past_the_items_a_long_feed_turns_out_to_have_is_announced_once_read() {
    setup();
    // 10,000 expected at first, 9,990 usable: the last ten, unread at first, have no id. Read
    // in slices after the first paint (about 250 ms here), long after the click below.
    let feed = feed_ending_unusable(9_990, 10);
    let host = carousel(
        "https://feeds.test/apg/shorter.json",
        &feed,
        &[("max-items", "10000")],
    )
    .await;
    let changes = EventLog::on(&host.js(), "fw:carousel:change");
    // At once, before the rest is read: to the last slide expected.
    press(&host, PREVIOUS);
    wait_for_position(&host, "10,000 of 10,000").await;
    // Once read, the carousel has 9,990 slides, the reader is on the last, and hosts hear of it.
    wait_for_position(&host, "9,990 of 9,990").await;
    wait_for_title(&host, "News 9990").await;
    wait_until("the change is announced", 2_000, || changes.count() == 1).await;
    let change = &changes.events()[0];
    assert_eq!(change.field("id").as_string().as_deref(), Some("n9990"));
    assert_eq!(change.field("index").as_f64(), Some(9_989.0));
}

#[wasm_bindgen_test]
async fn the_feed_can_turn_rotation_on() {
    setup();
    let feed = json_feed(
        r#"[{"id":"a","title":"First"},{"id":"b","title":"Second"}]"#,
        r#""_widgets":{"carousel":{"autoplay":true,"interval":2000}}"#,
    );
    let host = carousel("https://feeds.test/apg/feed-autoplay.json", &feed, &[]).await;
    assert_eq!(
        rotation_label(&host).as_deref(),
        Some("Stop automatic slide show")
    );
    assert_eq!(live(&host).as_deref(), Some("off"), "silent while rotating");
    wait_until("the second slide comes on its own", 4_000, || {
        position(&host) == "2 of 2"
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_long_feed_refreshed_is_merged_whole() {
    setup();
    let url = "https://feeds.test/apg/refresh-long.json";
    let host = carousel(
        url,
        &numbered_items(60),
        &[("refresh", "2"), ("max-items", "100")],
    )
    .await;
    wait_for_position(&host, "1 of 60").await;
    press(&host, PREVIOUS);
    wait_for_position(&host, "60 of 60").await;
    // Two new items at the top: read in slices like a first load, merged once whole.
    let mut fresh: Vec<String> = vec![
        r#"{"id":"new1","title":"Breaking 1"}"#.into(),
        r#"{"id":"new2","title":"Breaking 2"}"#.into(),
    ];
    fresh.extend((1..=60).map(|i| format!(r#"{{"id":"n{i}","title":"News {i}"}}"#)));
    respond(url, 200, &json_feed(&format!("[{}]", fresh.join(",")), ""));
    wait_for_position(&host, "62 of 62").await;
    assert_eq!(
        shown_title(&host),
        "News 60",
        "the reader stays on their slide"
    );
    assert_eq!(announcement(&host).as_deref(), Some("New items: 2"));
}

#[wasm_bindgen_test]
async fn a_refresh_merges_new_items_without_moving_the_reader() {
    setup();
    let url = "https://feeds.test/apg/refresh.json";
    let host = carousel(url, &three_items(), &[("refresh", "2")]).await;
    press(&host, NEXT);
    wait_for_position(&host, "2 of 3").await;
    let fetched = calls_to(url).len();
    respond(
        url,
        200,
        &json_feed(
            r#"[
                {"id":"new","title":"Breaking"},
                {"id":"a","title":"First"},
                {"id":"b","title":"Second"},
                {"id":"c","title":"Third"}
            ]"#,
            "",
        ),
    );
    wait_for_position(&host, "3 of 4").await;
    assert!(calls_to(url).len() > fetched, "the feed was fetched again");
    assert_eq!(
        shown_title(&host),
        "Second",
        "the reader stays on their slide"
    );
    assert_eq!(announcement(&host).as_deref(), Some("New items: 1"));
}

#[wasm_bindgen_test]
async fn summaries_can_be_turned_off() {
    setup();
    let feed = json_feed(
        r#"[{"id":"s","title":"Titled","summary":"The summary"}]"#,
        "",
    );
    let shown = carousel("https://feeds.test/apg/summary-on.json", &feed, &[]).await;
    assert_eq!(
        summary_of(&shown_slide(&shown)).as_deref(),
        Some("The summary")
    );
    drop(shown);
    let hidden = carousel(
        "https://feeds.test/apg/summary-off.json",
        &feed,
        &[("summary", "false")],
    )
    .await;
    assert_eq!(summary_of(&shown_slide(&hidden)), None);
}
