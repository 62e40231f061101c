//! The carousel's layout on real sites, in headless Chromium: one height whatever the slide
//! (fixed image ratio, clamped titles, room kept for the parts other slides have), broken
//! images that keep their area, dates isolated in their own direction, per-view cards,
//! disabled and absent navigation, and a carousel that starts inside `display: none`.

#![cfg(target_arch = "wasm32")]

mod support;

use support::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function layout_box(element) {
  const r = element.getBoundingClientRect();
  return [r.top, r.left, r.width, r.height, r.right];
}
export function layout_loaded(image) { return image.complete && image.naturalWidth > 0; }
export function layout_clamped(element) { return element.scrollHeight > element.clientHeight; }
function channels(color) {
  const [r, g, b] = (color.match(/[\d.]+/g) || [0, 0, 0]).map(Number);
  const lin = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
export function layout_contrast(a, b) {
  const [x, y] = [channels(a), channels(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
"#)]
extern "C" {
    fn layout_box(element: &Element) -> Vec<f64>;
    fn layout_loaded(image: &Element) -> bool;
    fn layout_clamped(element: &Element) -> bool;
    fn layout_contrast(a: &str, b: &str) -> f64;
}

/// Top, left, width, height and right of `element`'s border box.
struct Box {
    top: f64,
    left: f64,
    width: f64,
    height: f64,
    right: f64,
}

fn box_of(element: &Element) -> Box {
    let b = layout_box(element);
    Box {
        top: b[0],
        left: b[1],
        width: b[2],
        height: b[3],
        right: b[4],
    }
}

fn image_url(name: &str) -> String {
    absolute(&format!("/tests/fixtures/images/{name}"))
}

/// A feed whose items differ in every way that could change a slide's height.
fn uneven_feed() -> String {
    let long_title =
        "A very long title about a conference on education, science and culture ".repeat(8);
    let long_summary = "A summary that goes on and on about what happened. ".repeat(12);
    json_feed(
        &format!(
            r#"[
            {{"id":"long","title":"{long_title}","summary":"{long_summary}","image":"{wide}",
              "date_published":"2024-07-26T10:00:00Z"}},
            {{"id":"bare","title":"Short"}},
            {{"id":"tall","title":"A title on two lines, perhaps, on a phone","summary":"Two lines.",
              "image":"{tall}"}}
        ]"#,
            wide = image_url("wide.png"),
            tall = image_url("tall.png"),
        ),
        "",
    )
}

/// A carousel `width_px` wide with a paragraph after it, both in one container.
async fn carousel_with_content_below(
    url: &str,
    feed: &str,
    width_px: u32,
    attributes: &[(&str, &str)],
) -> (Mounted, Element, Element) {
    respond(url, 200, feed);
    let container = Mounted::add("div", &[("style", &format!("width:{width_px}px"))]);
    let mut all = vec![("src", url)];
    all.extend_from_slice(attributes);
    let host = create("fw-news-carousel", &all);
    host.set_attribute("style", "display:block").expect("style");
    container.append_child(&host).expect("append");
    let below = create("p", &[]);
    below.set_text_content(Some("Content below the carousel"));
    container.append_child(&below).expect("append");
    wait_for(&host, "section[aria-roledescription]").await;
    (container, host, below)
}

/// Waits until every `<img>` of the slides shown has loaded (hidden neighbours load lazily).
async fn images_loaded(host: &Element) {
    wait_until("the images to load", 5_000, || {
        shown_slides(host)
            .iter()
            .filter_map(image_of)
            .all(|image| layout_loaded(&image))
    })
    .await;
}

#[wasm_bindgen_test]
async fn every_slide_has_one_height_and_nothing_below_moves() {
    setup();
    for width in [375, 1280] {
        let url = format!("https://feeds.test/layout/uneven-{width}.json");
        let (_container, host, below) =
            carousel_with_content_below(&url, &uneven_feed(), width, &[]).await;
        let mut seen = Vec::new();
        for (n, expected) in ["1 of 3", "2 of 3", "3 of 3", "1 of 3"].iter().enumerate() {
            if n > 0 {
                press(&host, NEXT);
            }
            wait_for_position(&host, expected).await;
            images_loaded(&host).await;
            rendered().await;
            seen.push((box_of(&host).height, box_of(&below).top));
        }
        let (height, top) = seen[0];
        assert!(height > 100.0, "{width} px: laid out: {seen:?}");
        for &(h, t) in &seen {
            assert!(
                (h - height).abs() < 0.5 && (t - top).abs() < 0.5,
                "{width} px: one height on every slide, content below still: {seen:?}"
            );
        }
        // The long title is clamped (to three lines, by default), and every image area has
        // the 16:9 ratio, whatever the picture's own.
        wait_for_position(&host, "1 of 3").await;
        let title = heading_of(&shown_slide(&host)).expect("a title");
        // The feed keeps titles to 300 characters: at 1280 px they fit in three lines.
        assert!(
            width > 375 || layout_clamped(&title),
            "{width} px: the long title is clamped"
        );
        let line = 1.3 * 1.25 * 16.0;
        assert!(
            box_of(&title).height <= 3.0 * line + 8.5,
            "{width} px: three lines at most: {}",
            box_of(&title).height
        );
        for slide in ["1 of 3", "3 of 3"] {
            if slide == "3 of 3" {
                press(&host, PREVIOUS);
                wait_for_position(&host, slide).await;
            }
            let image = image_of(&shown_slide(&host)).expect("an image");
            let b = box_of(&image);
            assert!(
                (b.width / b.height - 16.0 / 9.0).abs() < 0.02,
                "{width} px, {slide}: a 16:9 area: {} x {}",
                b.width,
                b.height
            );
        }
    }
}

#[wasm_bindgen_test]
async fn a_broken_image_keeps_its_area_with_an_empty_placeholder() {
    setup();
    // A path the test runner's server answers with 404: the load fails for certain.
    let missing = absolute("/fw-tests/layout/missing.png");
    let feed = json_feed(
        &format!(
            r#"[{{"id":"broken","title":"Broken","image":"{missing}"}},
                {{"id":"fine","title":"Fine","image":"{fine}"}},
                {{"id":"none","title":"No picture"}}]"#,
            fine = image_url("wide.png"),
        ),
        "",
    );
    let (_container, host, below) =
        carousel_with_content_below("https://feeds.test/layout/broken.json", &feed, 375, &[]).await;
    let images = ImageLog::watch(&host);
    wait_until("the broken image to be requested", 5_000, || {
        images.sources().contains(&missing)
    })
    .await;
    wait_until("the broken image to be replaced", 5_000, || {
        image_of(&shown_slide(&host)).is_none()
    })
    .await;
    rendered().await;
    let (height, top) = (box_of(&host).height, box_of(&below).top);
    let placeholder = content_of(&shown_slide(&host))
        .first_element_child()
        .expect("the slide's first part");
    assert_ne!(placeholder.local_name(), "img");
    let b = box_of(&placeholder);
    assert!(
        b.width > 300.0 && (b.width / b.height - 16.0 / 9.0).abs() < 0.02,
        "the 16:9 area is kept: {} x {}",
        b.width,
        b.height
    );
    assert_eq!(
        placeholder.text_content().unwrap_or_default(),
        "",
        "no text"
    );
    assert!(placeholder.get_attribute("role").is_none());
    let background = computed(&placeholder, "background-color");
    assert!(
        background != "rgba(0, 0, 0, 0)" && background != "transparent",
        "a visible, neutral box: {background}"
    );

    press(&host, NEXT);
    wait_for_position(&host, "2 of 3").await;
    images_loaded(&host).await;
    let image = image_of(&shown_slide(&host)).expect("the fine image");
    assert_eq!(
        image.get_attribute("alt").as_deref(),
        Some(""),
        "decorative: alt=\"\""
    );
    press(&host, NEXT);
    wait_for_position(&host, "3 of 3").await;
    for expected in ["3 of 3", "2 of 3"] {
        if expected == "2 of 3" {
            press(&host, PREVIOUS);
            wait_for_position(&host, expected).await;
        }
        rendered().await;
        assert!(
            (box_of(&host).height - height).abs() < 0.5 && (box_of(&below).top - top).abs() < 0.5,
            "{expected}: the same height as the slide with the broken image"
        );
    }
}

/// How the date of `slide` reads: its direction, its `unicode-bidi` and its `lang`.
fn date_reads(slide: &Element) -> [String; 3] {
    let time = time_of(slide).expect("a date");
    [
        computed(&time, "direction"),
        computed(&time, "unicode-bidi"),
        time.get_attribute("lang").unwrap_or_default(),
    ]
}

#[wasm_bindgen_test]
async fn a_date_in_an_item_of_the_other_direction_keeps_its_own() {
    setup();
    let feed = json_feed(
        r#"[{"id":"en","title":"English news","language":"en","date_published":"2024-07-26T10:00:00Z"},
            {"id":"ar","title":"خبر","language":"ar","date_published":"2024-07-26T10:00:00Z"}]"#,
        "",
    );
    // An Arabic widget: the English item reads left to right, its Arabic date right to left.
    let arabic = carousel(
        "https://feeds.test/layout/bidi-ar.json",
        &feed,
        &[("lang", "ar")],
    )
    .await;
    let slide = shown_slide(&arabic);
    assert_eq!(computed(&content_of(&slide), "direction"), "ltr");
    assert_eq!(date_reads(&slide), ["rtl", "isolate", "ar"]);
    // The position is isolated too.
    let position = find(&arabic, ".fw-carousel__position > *").expect("the position text");
    assert_eq!(computed(&position, "unicode-bidi"), "isolate");

    // An English widget: the Arabic item reads right to left, its English date left to right.
    let english = carousel("https://feeds.test/layout/bidi-en.json", &feed, &[]).await;
    press(&english, NEXT);
    wait_for_position(&english, "2 of 2").await;
    let slide = shown_slide(&english);
    assert_eq!(computed(&content_of(&slide), "direction"), "rtl");
    assert_eq!(date_reads(&slide), ["ltr", "isolate", "en"]);
}

#[wasm_bindgen_test]
async fn per_view_cards_are_apart_bordered_and_of_equal_height() {
    setup();
    let long = "A long title that wraps onto several lines in a narrow card ".repeat(4);
    let feed = json_feed(
        &format!(
            r#"[{{"id":"a","title":"{long}","summary":"Some words."}},
                {{"id":"b","title":"B"}},
                {{"id":"c","title":"C","image":"{wide}"}},
                {{"id":"d","title":"D"}}]"#,
            wide = image_url("wide.png"),
        ),
        "",
    );
    let (_container, host, _below) = carousel_with_content_below(
        "https://feeds.test/layout/cards.json",
        &feed,
        900,
        &[("per-view", "3")],
    )
    .await;
    wait_until("three cards", 5_000, || shown_slides(&host).len() == 3).await;
    images_loaded(&host).await;
    let cards: Vec<Box> = shown_slides(&host).iter().map(box_of).collect();
    for pair in cards.windows(2) {
        assert!(
            pair[1].left - pair[0].right >= 8.0,
            "a gap between cards: {} to {}",
            pair[0].right,
            pair[1].left
        );
        assert!(
            (pair[1].height - pair[0].height).abs() < 0.5,
            "equal heights"
        );
        assert!((pair[1].top - pair[0].top).abs() < 0.5, "one row");
    }
    for card in shown_slides(&host) {
        assert_eq!(computed(&card, "border-top-style"), "solid");
        assert_ne!(computed(&card, "border-top-width"), "0px");
    }
    let title = heading_of(&shown_slides(&host)[0]).expect("a title");
    assert!(layout_clamped(&title), "the long title is clamped");
}

#[wasm_bindgen_test]
async fn disabled_buttons_look_disabled_and_keep_their_boundary() {
    setup();
    let host = carousel(
        "https://feeds.test/layout/ends.json",
        &three_items(),
        &[("loop", "false")],
    )
    .await;
    let (previous, next) = (button_named(&host, PREVIOUS), button_named(&host, NEXT));
    assert_eq!(
        previous.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    let differs = ["border-top-style", "background-color", "color"]
        .iter()
        .filter(|property| computed(&previous, property) != computed(&next, property))
        .count();
    assert!(
        differs >= 2,
        "the disabled button looks different (border {} / {}, background {} / {}, colour {} / {})",
        computed(&previous, "border-top-style"),
        computed(&next, "border-top-style"),
        computed(&previous, "background-color"),
        computed(&next, "background-color"),
        computed(&previous, "color"),
        computed(&next, "color"),
    );
    let surface = computed(&region(&host), "background-color");
    let boundary = layout_contrast(&computed(&previous, "border-top-color"), &surface);
    assert!(boundary >= 3.0, "boundary contrast {boundary:.2}");
}

#[wasm_bindgen_test]
async fn when_every_item_fits_no_navigation_is_shown() {
    setup();
    // A single slide: see carousel.rs. Several slides that all fit:
    let few = carousel(
        "https://feeds.test/layout/few.json",
        &numbered_items(2),
        &[("per-view", "3"), ("style", "display:block;width:900px")],
    )
    .await;
    wait_until("both slides shown", 5_000, || shown_slides(&few).len() == 2).await;
    assert_eq!(position(&few), "1–2 of 2");
    assert!(find_button(&few, PREVIOUS).is_none() && find_button(&few, NEXT).is_none());
    // Once they no longer fit, the buttons come.
    few.set_attribute("style", "display:block;width:300px")
        .expect("style");
    wait_for_button(&few, NEXT).await;
    assert!(find_button(&few, PREVIOUS).is_some());
}

#[wasm_bindgen_test]
async fn a_carousel_mounted_hidden_starts_on_its_first_slide_when_shown() {
    setup();
    let url = "https://feeds.test/layout/hidden.json";
    respond(url, 200, &three_items());
    let tab = Mounted::add("div", &[("style", "display:none;width:600px")]);
    let host = create(
        "fw-news-carousel",
        &[("src", url), ("autoplay", ""), ("interval", "2000")],
    );
    tab.append_child(&host).expect("append");
    wait_for(&host, "section[aria-roledescription]").await;
    // Longer than the interval: a rotation running unseen would have moved on.
    sleep(2_600).await;
    assert_eq!(position(&host), "1 of 3", "no rotation while not rendered");

    tab.set_attribute("style", "display:block;width:600px")
        .expect("style");
    rendered().await;
    let b = box_of(&host);
    assert!(
        b.width > 500.0 && b.height > 100.0,
        "laid out: {} x {}",
        b.width,
        b.height
    );
    assert_eq!(position(&host), "1 of 3");
    assert_eq!(shown_title(&host), "First");
    let reference = carousel(
        url,
        &three_items(),
        &[
            ("style", "display:block;width:600px"),
            ("autoplay", ""),
            ("interval", "2000"),
        ],
    )
    .await;
    assert!(
        (box_of(&reference).height - b.height).abs() < 0.5,
        "the same layout as a carousel mounted visible"
    );
    drop(reference);
    // Shown, it rotates.
    wait_for_position(&host, "2 of 3").await;
}
