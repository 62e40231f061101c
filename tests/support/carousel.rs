//! The news carousel's parts, found by role and name: its region, its slides (groups with a
//! slide role description), the one shown, the live region, the picker; and its position text,
//! which is hidden from assistive technology (every slide carries its own name).

use web_sys::Element;

use super::{
    accessible_name, all_by_role, find, json_feed, respond, text, wait_for, wait_until, Mounted,
};

/// A carousel custom element on `url` (answered with `feed`) with extra attributes, shown.
pub async fn carousel(url: &str, feed: &str, attributes: &[(&str, &str)]) -> Mounted {
    respond(url, 200, feed);
    let mut all = vec![("src", url)];
    all.extend_from_slice(attributes);
    let host = Mounted::add("fw-news-carousel", &all);
    wait_for(&host, "section[aria-roledescription]").await;
    host
}

/// A JSON Feed of `count` items: ids "n1"…, titles "News 1"…, summaries "Text 1"….
pub fn numbered_items(count: usize) -> String {
    let items: Vec<String> = (1..=count)
        .map(|i| format!(r#"{{"id":"n{i}","title":"News {i}","summary":"Text {i}"}}"#))
        .collect();
    json_feed(&format!("[{}]", items.join(",")), "")
}

/// The carousel's region (a `section` with a name and a carousel role description).
pub fn region(host: &Element) -> Element {
    all_by_role(host, "region")
        .into_iter()
        .find(|section| section.has_attribute("aria-roledescription"))
        .expect("the carousel region")
}

/// Every slide in the DOM (groups with a role description; the picker is a group without),
/// in DOM order: those in view and their hidden neighbours.
pub fn slides(host: &Element) -> Vec<Element> {
    all_by_role(host, "group")
        .into_iter()
        .filter(|group| group.has_attribute("aria-roledescription"))
        .collect()
}

/// The slides shown (not hidden), in DOM order.
pub fn shown_slides(host: &Element) -> Vec<Element> {
    slides(host)
        .into_iter()
        .filter(|slide| !slide.has_attribute("hidden"))
        .collect()
}

/// The title of `slide`: the text of its heading.
pub fn title_of(slide: &Element) -> String {
    slide
        .query_selector("h1, h2, h3, h4, h5, h6")
        .ok()
        .flatten()
        .map(|heading| accessible_name(&heading))
        .unwrap_or_default()
}

/// The title of the first slide shown ("" when none is).
pub fn shown_title(host: &Element) -> String {
    shown_slides(host).first().map(title_of).unwrap_or_default()
}

/// Waits (up to 5 s) until the first slide shown is titled `expected`.
pub async fn wait_for_title(host: &Element, expected: &str) {
    wait_until(&format!("the slide titled {expected:?}"), 5_000, || {
        shown_title(host) == expected
    })
    .await;
}

/// The carousel's position text ("2 of 3"). Hidden from assistive technology, so found by
/// its class.
pub fn position(host: &Element) -> String {
    text(host, ".fw-carousel__position").unwrap_or_default()
}

/// Waits (up to 5 s) until the position reads `expected`.
pub async fn wait_for_position(host: &Element, expected: &str) {
    let mut seen = String::new();
    wait_until(&format!("the position {expected:?}"), 5_000, || {
        seen = position(host);
        seen == expected
    })
    .await;
}

/// The element holding the slides: the carousel's one `aria-live` region (the status line
/// is live by its role).
pub fn slides_area(host: &Element) -> Element {
    find(host, "[aria-live]").expect("the slides' live region")
}

/// `aria-live` of the slides: "off" while rotating, else "polite".
pub fn live(host: &Element) -> Option<String> {
    find(host, "[aria-live]").and_then(|area| area.get_attribute("aria-live"))
}

/// The slide picker: the group of buttons without a role description.
pub fn picker(host: &Element) -> Option<Element> {
    all_by_role(host, "group")
        .into_iter()
        .find(|group| !group.has_attribute("aria-roledescription"))
}

/// The buttons of the picker, in order (none without a picker).
pub fn picker_buttons(host: &Element) -> Vec<Element> {
    let Some(picker) = picker(host) else {
        return Vec::new();
    };
    let Ok(list) = picker.query_selector_all("button") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| wasm_bindgen::JsCast::dyn_into::<Element>(node).ok())
        .collect()
}

/// What the carousel's status line announces (a refresh's news).
pub fn announcement(host: &Element) -> Option<String> {
    text(host, "section [role=status]")
}

/// The English name of the previous-slide button.
pub const PREVIOUS: &str = "Previous slide";
/// The English name of the next-slide button.
pub const NEXT: &str = "Next slide";

/// The first slide shown (panics when none is).
pub fn shown_slide(host: &Element) -> Element {
    shown_slides(host)
        .into_iter()
        .next()
        .expect("a slide is shown")
}

/// The heading of `slide`.
pub fn heading_of(slide: &Element) -> Option<Element> {
    slide
        .query_selector("h1, h2, h3, h4, h5, h6")
        .ok()
        .flatten()
}

/// What holds the content of `slide` (image, title, date, summary): the element its heading
/// is in, which carries the content's `lang` and `dir`.
pub fn content_of(slide: &Element) -> Element {
    heading_of(slide)
        .and_then(|heading| heading.parent_element())
        .expect("the slide's content")
}

/// Where the title of `slide` links to (`href` of the link in its heading).
pub fn link_of(slide: &Element) -> Option<String> {
    heading_of(slide)?
        .query_selector("a")
        .ok()
        .flatten()?
        .get_attribute("href")
}

/// The date of `slide` (its `time` element).
pub fn time_of(slide: &Element) -> Option<Element> {
    slide.query_selector("time").ok().flatten()
}

/// The image of `slide`.
pub fn image_of(slide: &Element) -> Option<Element> {
    slide.query_selector("img").ok().flatten()
}

/// The summary of `slide`: its paragraph with text that is not the date (empty ones only keep
/// room for a part other slides have).
pub fn summary_of(slide: &Element) -> Option<String> {
    let list = slide.query_selector_all("p").ok()?;
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| wasm_bindgen::JsCast::dyn_into::<Element>(node).ok())
        .filter(|p| p.query_selector("time").ok().flatten().is_none())
        .map(|p| p.text_content().unwrap_or_default().trim().to_string())
        .find(|text| !text.is_empty())
}

/// The widget's own status line (loading, no news, failure) shown instead of the carousel: a
/// status outside the carousel region.
pub fn widget_status(host: &Element) -> Option<Element> {
    all_by_role(host, "status")
        .into_iter()
        .find(|status| status.closest("section").ok().flatten().is_none())
}

/// Waits (up to 5 s) until the widget's status line reads `expected`.
pub async fn wait_for_status(host: &Element, expected: &str) {
    wait_until(&format!("the status {expected:?}"), 5_000, || {
        widget_status(host)
            .and_then(|status| status.text_content())
            .is_some_and(|text| text.trim() == expected)
    })
    .await;
}
