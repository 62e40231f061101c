//! Mounting in headless Chromium: custom elements, `data-fw-widget` containers, the JS API,
//! late insertion, removal, moves, several instances, one fetch per feed, shadow isolation.

#![cfg(target_arch = "wasm32")]

mod support;

use feedwidgets::embed::{self, WidgetKind, WidgetOptions};
use support::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const ENDPOINT: &str = "https://collector.test/mounting/api/feedback";

fn options(pairs: &[(&str, &str)]) -> WidgetOptions {
    let mut options = WidgetOptions::default();
    for (name, value) in pairs {
        options.insert(name, *value);
    }
    options
}

/// Waits until the host has no widget: out of the registry and its shadow root emptied.
async fn wait_unmounted(host: &web_sys::Element) {
    wait_until("the widget to be unmounted", 5_000, || {
        embed::mounted_kind(host).is_none()
    })
    .await;
    let shadow = shadow(host);
    assert_eq!(
        shadow.child_nodes().length(),
        0,
        "the shadow root is emptied"
    );
    assert_eq!(
        shadow.adopted_style_sheets().length(),
        0,
        "the stylesheets are dropped"
    );
}

#[wasm_bindgen_test]
async fn custom_element_mounts_in_an_open_shadow_root() {
    setup();
    let host = Mounted::add("fw-feedback", &[("id", "m-custom"), ("endpoint", ENDPOINT)]);
    wait_for(&host, "form").await;

    assert_eq!(embed::mounted_kind(&host), Some(WidgetKind::Feedback));
    let shadow = shadow(&host);
    let root = shadow
        .query_selector("div.fw-root.notranslate")
        .unwrap()
        .expect("div.fw-root.notranslate in the shadow root");
    assert_eq!(root.get_attribute("translate").as_deref(), Some("no"));
    assert!(
        shadow.adopted_style_sheets().length() >= 1,
        "the widget adopts its stylesheet"
    );
    assert_eq!(
        host.child_nodes().length(),
        0,
        "nothing is added to the host's light DOM"
    );
    assert!(
        host.query_selector("form").unwrap().is_none(),
        "the form lives in the shadow root only"
    );

    remove(&host);
    wait_unmounted(&host).await;
}

#[wasm_bindgen_test]
async fn data_attribute_container_mounts_with_its_data_options() {
    setup();
    let url = "https://feeds.test/mounting/container.json";
    respond(url, 200, &three_items());
    let host = Mounted::add(
        "div",
        &[
            ("id", "m-container"),
            ("class", "cms-block"),
            ("data-fw-widget", "news-carousel"),
            ("data-src", url),
            ("data-max-items", "2"),
        ],
    );
    wait_for_position(&host, "1 of 2").await;

    assert_eq!(embed::mounted_kind(&host), Some(WidgetKind::Carousel));
    assert_eq!(Some(shown_title(&host).as_str()), Some("First"));
    assert_eq!(
        host.get_attribute("class").as_deref(),
        Some("cms-block"),
        "the CMS's attributes are left alone"
    );

    remove(&host);
    wait_unmounted(&host).await;
}

#[wasm_bindgen_test]
async fn every_kind_mounts_by_name_in_any_case() {
    setup();
    let url = "https://feeds.test/mounting/kinds.json";
    respond(url, 200, &three_items());
    let carousel = Mounted::add(
        "div",
        &[("data-fw-widget", " Carousel "), ("data-src", url)],
    );
    let feedback = Mounted::add(
        "div",
        &[("data-fw-widget", "FEEDBACK"), ("data-endpoint", ENDPOINT)],
    );
    let disclaimer = Mounted::add("div", &[("data-fw-widget", "disclaimer")]);
    wait_for(&carousel, "section.fw-carousel").await;
    wait_for(&feedback, "form").await;
    wait_until("the disclaimer to mount", 5_000, || {
        embed::mounted_kind(&disclaimer).is_some()
    })
    .await;
    assert_eq!(embed::mounted_kind(&carousel), Some(WidgetKind::Carousel));
    assert_eq!(embed::mounted_kind(&feedback), Some(WidgetKind::Feedback));
    assert_eq!(
        embed::mounted_kind(&disclaimer),
        Some(WidgetKind::Disclaimer)
    );
    for host in [&carousel, &feedback, &disclaimer] {
        remove(host);
    }
    for host in [&carousel, &feedback, &disclaimer] {
        wait_unmounted(host).await;
    }
}

#[wasm_bindgen_test]
async fn an_unknown_container_kind_is_reported_and_not_mounted() {
    setup();
    let mark = error_mark();
    let host = Mounted::add("div", &[("data-fw-widget", "slider")]);
    wait_for_error(mark).await;
    assert_eq!(embed::mounted_kind(&host), None);
    assert!(host.shadow_root().is_none(), "no shadow root is attached");
}

/// `feedwidgets.css` reserves a container's space until it carries `data-fw-ready`: set after
/// the widget's first render (its loading state), not when it is mounted, and gone again once
/// it unmounts.
#[wasm_bindgen_test]
async fn a_container_is_ready_from_its_first_render_to_its_unmount() {
    setup();
    let url = "https://feeds.test/mounting/ready.json";
    hold(url);
    let host = Mounted::add("div", &[]);
    host.set_attribute("data-fw-widget", "news-carousel")
        .unwrap();
    feedwidgets::js_mount(
        host.clone().into(),
        "news-carousel",
        js_object(&[("src", url.into())]),
    )
    .expect("mounted");
    assert!(
        !host.has_attribute("data-fw-ready"),
        "not ready before it rendered"
    );
    wait_for(&host, "[aria-busy=true]").await;
    assert!(
        host.has_attribute("data-fw-ready"),
        "ready once it rendered, loading included"
    );
    release(url, 200, &three_items());
    wait_for_position(&host, "1 of 3").await;
    assert!(host.has_attribute("data-fw-ready"));

    assert!(feedwidgets::js_unmount(host.clone().into()));
    assert!(
        !host.has_attribute("data-fw-ready"),
        "an unmounted container has its reserve back"
    );
}

#[wasm_bindgen_test]
async fn js_api_mounts_and_unmounts() {
    setup();
    let host = Mounted::add("div", &[("id", "m-js-api")]);
    let before = embed::mounted_count();
    feedwidgets::js_mount(
        host.clone().into(),
        "feedback",
        js_object(&[("endpoint", ENDPOINT.into()), ("lang", "fr".into())]),
    )
    .expect("js_mount accepts an element, a kind and an options object");
    assert_eq!(embed::mounted_count(), before + 1);
    assert_eq!(embed::mounted_kind(&host), Some(WidgetKind::Feedback));
    wait_for_button(&host, "Envoyer").await;
    assert_eq!(attr(&host, "form", "lang").as_deref(), Some("fr"));

    assert!(feedwidgets::js_unmount(host.clone().into()));
    assert_eq!(embed::mounted_count(), before);
    assert_eq!(embed::mounted_kind(&host), None);
    assert_eq!(
        shadow(&host).child_nodes().length(),
        0,
        "unmount empties the shadow root"
    );
    assert!(
        !feedwidgets::js_unmount(host.clone().into()),
        "a second unmount finds nothing"
    );
    assert!(!feedwidgets::js_unmount(JsValue::NULL));
    assert!(!feedwidgets::js_unmount(JsValue::from_str("#m-js-api")));
}

#[wasm_bindgen_test]
async fn js_api_accepts_camel_case_and_number_options() {
    setup();
    let url = "https://feeds.test/mounting/camel.json";
    respond(url, 200, &three_items());
    let host = Mounted::add("div", &[("id", "m-camel")]);
    feedwidgets::js_mount(
        host.clone().into(),
        "news-carousel",
        js_object(&[
            ("src", url.into()),
            ("maxItems", JsValue::from_f64(2.0)),
            ("loop", JsValue::FALSE),
            ("timeout", JsValue::from_f64(5000.0)),
        ]),
    )
    .expect("mounted");
    wait_for_position(&host, "1 of 2").await;
    assert!(
        aria_disabled(&button_named(&host, PREVIOUS)),
        "loop: false (a boolean) is honoured"
    );
    assert!(feedwidgets::js_unmount(host.clone().into()));
}

#[wasm_bindgen_test]
async fn js_api_rejects_a_bad_element_and_an_unknown_kind() {
    setup();
    let before = embed::mounted_count();
    let options = js_object(&[("endpoint", ENDPOINT.into())]);

    for not_an_element in [
        JsValue::from_str("#m-missing"),
        JsValue::NULL,
        JsValue::UNDEFINED,
        JsValue::from_f64(1.0),
        js_object(&[]),
    ] {
        assert!(
            feedwidgets::js_mount(not_an_element.clone(), "feedback", options.clone()).is_err(),
            "{not_an_element:?} is not an element"
        );
    }

    let host = Mounted::add("div", &[("id", "m-bad-kind")]);
    for kind in ["slider", "", "fw-feedback"] {
        assert!(
            feedwidgets::js_mount(host.clone().into(), kind, options.clone()).is_err(),
            "{kind:?} is not a widget kind"
        );
    }
    assert_eq!(embed::mounted_kind(&host), None);
    assert!(host.shadow_root().is_none(), "nothing was attached");

    // An element that cannot hold a shadow root.
    let input = Mounted::add("input", &[("id", "m-input")]);
    let error = feedwidgets::js_mount(input.clone().into(), "feedback", options.clone());
    assert!(error.is_err(), "<input> cannot host a widget");
    let message: JsValue = error.unwrap_err().into();
    let message = js_sys::Reflect::get(&message, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_default();
    assert!(
        message.starts_with("FeedWidgets.mount:"),
        "the error says where it comes from: {message:?}"
    );
    let img = Mounted::add("img", &[("id", "m-img"), ("alt", "")]);
    assert!(embed::mount(&img, WidgetKind::Carousel, WidgetOptions::default()).is_err());

    assert_eq!(embed::mounted_count(), before, "nothing was registered");
}

#[wasm_bindgen_test]
async fn mounting_again_replaces_the_widget() {
    setup();
    let url = "https://feeds.test/mounting/replace.json";
    respond(url, 200, &three_items());
    let host = Mounted::add("div", &[("id", "m-replace")]);
    embed::mount(
        &host,
        WidgetKind::Feedback,
        options(&[("endpoint", ENDPOINT)]),
    )
    .unwrap();
    wait_for(&host, "form").await;
    let count = embed::mounted_count();

    embed::mount(&host, WidgetKind::Carousel, options(&[("src", url)])).unwrap();
    wait_for(&host, "section.fw-carousel").await;
    assert_eq!(
        embed::mounted_count(),
        count,
        "still one widget on the element"
    );
    assert_eq!(embed::mounted_kind(&host), Some(WidgetKind::Carousel));
    assert!(find(&host, "form").is_none(), "the feedback form is gone");
    assert_eq!(
        find_all(&host, "div.fw-root").len(),
        1,
        "one render root in the shadow root"
    );
    assert!(embed::unmount(&host));
}

#[wasm_bindgen_test]
async fn elements_added_after_boot_are_mounted() {
    setup();
    // A block of CMS content inserted late, with a container deep inside, plus a custom
    // element created by script.
    let block = Mounted::hold(create("section", &[("id", "m-late-block")]));
    block.set_inner_html(&format!(
        r#"<div><p>Intro</p><div id="m-late-container" data-fw-widget="feedback" data-endpoint="{ENDPOINT}"></div></div>"#
    ));
    body().append_child(&block).unwrap();
    let container = document()
        .get_element_by_id("m-late-container")
        .expect("container");
    wait_for(&container, "form").await;

    let element = create("fw-feedback", &[("endpoint", ENDPOINT), ("lang", "ar")]);
    block.append_child(&element).unwrap();
    wait_for(&element, "form[dir=rtl]").await;

    remove(&block);
    wait_unmounted(&container).await;
    wait_unmounted(&element).await;
}

#[wasm_bindgen_test]
async fn removed_widgets_are_unmounted() {
    setup();
    let element = Mounted::add(
        "fw-feedback",
        &[("id", "m-remove-el"), ("endpoint", ENDPOINT)],
    );
    let container = Mounted::add(
        "div",
        &[
            ("id", "m-remove-div"),
            ("data-fw-widget", "feedback"),
            ("data-endpoint", ENDPOINT),
        ],
    );
    wait_for(&element, "form").await;
    wait_for(&container, "form").await;
    let before = embed::mounted_count();

    remove(&element);
    wait_unmounted(&element).await;
    assert_eq!(embed::mounted_count(), before - 1);

    // Removed with its parent, not by itself.
    let wrapper = Mounted::add("div", &[("id", "m-remove-wrapper")]);
    wrapper.append_child(&container).unwrap();
    // A span of time for a negative check: the move does not unmount it.
    sleep(50).await;
    assert_eq!(
        embed::mounted_kind(&container),
        Some(WidgetKind::Feedback),
        "still mounted after a move into the wrapper"
    );
    remove(&wrapper);
    wait_unmounted(&container).await;
    assert_eq!(embed::mounted_count(), before - 2);
}

#[wasm_bindgen_test]
async fn a_custom_element_put_back_later_is_mounted_again() {
    setup();
    let element = Mounted::add("fw-feedback", &[("id", "m-back"), ("endpoint", ENDPOINT)]);
    wait_for(&element, "form").await;
    remove(&element);
    wait_unmounted(&element).await;
    body().append_child(&element).unwrap();
    wait_for(&element, "form").await;
    assert_eq!(embed::mounted_kind(&element), Some(WidgetKind::Feedback));
    remove(&element);
    wait_unmounted(&element).await;
}

#[wasm_bindgen_test]
async fn moving_a_widget_keeps_it_mounted_with_its_state() {
    setup();
    let url = "https://feeds.test/mounting/move.json";
    respond(url, 200, &three_items());
    let first = Mounted::add("div", &[("id", "m-move-a")]);
    let second = Mounted::add("div", &[("id", "m-move-b")]);
    let element = create("fw-news-carousel", &[("src", url)]);
    first.append_child(&element).unwrap();
    let container = create(
        "div",
        &[("data-fw-widget", "news-carousel"), ("data-src", url)],
    );
    first.append_child(&container).unwrap();
    for host in [&element, &container] {
        wait_for_position(host, "1 of 3").await;
        press(host, NEXT);
        wait_for_position(host, "2 of 3").await;
    }
    let count = embed::mounted_count();

    // Synchronous moves: removed and inserted elsewhere in the same task.
    second.append_child(&element).unwrap();
    second.append_child(&container).unwrap();
    // A span of time for a negative check: nothing is unmounted or fetched again.
    sleep(100).await;

    assert_eq!(embed::mounted_count(), count);
    for host in [&element, &container] {
        assert_eq!(embed::mounted_kind(host), Some(WidgetKind::Carousel));
        assert_eq!(
            Some(position(host).as_str()),
            Some("2 of 3"),
            "the moved widget keeps its slide"
        );
        assert_eq!(Some(shown_title(host).as_str()), Some("Second"));
    }
    assert_eq!(calls_to(url).len(), 1, "a move does not fetch again");
    remove(&first);
    remove(&second);
    wait_unmounted(&element).await;
    wait_unmounted(&container).await;
}

#[wasm_bindgen_test]
async fn several_instances_are_independent() {
    setup();
    let url_a = "https://feeds.test/mounting/several-a.json";
    let url_b = "https://feeds.test/mounting/several-b.json";
    respond(url_a, 200, &three_items());
    respond(
        url_b,
        200,
        &json_feed(
            r#"[{"id":"x","title":"Other 1"},{"id":"y","title":"Other 2"}]"#,
            "",
        ),
    );
    let a1 = Mounted::add("fw-news-carousel", &[("id", "m-sev-a1"), ("src", url_a)]);
    let a2 = Mounted::add(
        "fw-news-carousel",
        &[("id", "m-sev-a2"), ("src", url_a), ("lang", "fr")],
    );
    let b = Mounted::add(
        "div",
        &[("data-fw-widget", "news-carousel"), ("data-src", url_b)],
    );
    let f1 = Mounted::add("fw-feedback", &[("endpoint", ENDPOINT)]);
    let f2 = Mounted::add("fw-feedback", &[("endpoint", ENDPOINT), ("lang", "ar")]);

    wait_for_position(&a1, "1 of 3").await;
    wait_for_position(&a2, "1 sur 3").await;
    wait_for_title(&b, "Other 1").await;
    wait_for(&f1, "form[lang=en]").await;
    wait_for(&f2, "form[lang=ar]").await;

    press(&a1, NEXT);
    wait_for_title(&a1, "Second").await;
    // A span of time for a negative check: the other carousels do not move.
    sleep(50).await;
    assert_eq!(Some(shown_title(&a2).as_str()), Some("First"));
    assert_eq!(Some(shown_title(&b).as_str()), Some("Other 1"));

    click(&f1, "input[value='4']");
    // A span of time for a negative check: the other form's choice does not change.
    sleep(50).await;
    assert!(is_checked(&find(&f1, "input[value='4']").unwrap()));
    assert!(
        find_all(&f2, "input[name=rating]")
            .iter()
            .all(|r| !is_checked(r)),
        "radio groups of two widgets do not share a name scope"
    );

    for host in [&a1, &a2, &b, &f1, &f2] {
        remove(host);
    }
    for host in [&a1, &a2, &b, &f1, &f2] {
        wait_unmounted(host).await;
    }
}

#[wasm_bindgen_test]
async fn widgets_sharing_a_feed_fetch_it_once() {
    setup();
    let url = "https://feeds.test/mounting/shared.json";
    let endpoint = "https://collector.test/mounting/shared";
    let feed = json_feed(
        r#"[{"id":"a","title":"Shared news"}]"#,
        &format!(
            r#""_widgets":{{"feedback":{{"endpoint":"{endpoint}","question":{{"en":"Did this page help?"}}}},
               "disclaimer":{{"organization":"Shared Org"}}}}"#
        ),
    );
    respond_after(url, 100, 200, &feed);
    set_html_class("translated-ltr", true);
    let carousel = Mounted::add("fw-news-carousel", &[("src", url)]);
    let feedback = Mounted::add("div", &[("data-fw-widget", "feedback"), ("data-src", url)]);
    let disclaimer = Mounted::hold(create("div", &[("id", "m-shared-disclaimer")]));
    body().append_child(&disclaimer).unwrap();
    embed::mount(
        &disclaimer,
        WidgetKind::Disclaimer,
        options(&[("src", url)]),
    )
    .unwrap();

    wait_for_title(&carousel, "Shared news").await;
    wait_for_text(&feedback, "legend", "Did this page help?").await;
    wait_for(&disclaimer, ".fw-disclaimer__text").await;
    assert!(text(&disclaimer, ".fw-disclaimer__text")
        .unwrap_or_default()
        .contains("Shared Org"));

    let fetched = calls_to(url);
    assert_eq!(fetched.len(), 1, "one fetch for three widgets: {fetched:?}");
    assert_eq!(fetched[0].method, "GET");

    set_html_class("translated-ltr", false);
}

#[wasm_bindgen_test]
async fn a_widget_mounted_after_its_feed_arrived_uses_it_without_fetching_again() {
    setup();
    let url = "https://feeds.test/mounting/cached.json";
    respond(url, 200, &three_items());
    let first = Mounted::add("fw-news-carousel", &[("src", url)]);
    wait_for_title(&first, "First").await;

    let later = Mounted::add("fw-news-carousel", &[("src", url), ("lang", "fr")]);
    wait_for_position(&later, "1 sur 3").await;
    assert_eq!(Some(shown_title(&later).as_str()), Some("First"));
    assert_eq!(calls_to(url).len(), 1, "the loaded feed is reused");
}

#[wasm_bindgen_test]
async fn a_relative_src_is_resolved_against_the_page() {
    setup();
    let url = "/fw-tests/mounting/relative-feed.json";
    respond(url, 200, &three_items());
    let host = Mounted::add("fw-news-carousel", &[("src", url)]);
    wait_for_title(&host, "First").await;
    let fetched = calls_to(url);
    assert_eq!(fetched.len(), 1);
    assert!(
        fetched[0].url.starts_with("http://") || fetched[0].url.starts_with("https://"),
        "fetched by its absolute URL: {}",
        fetched[0].url
    );
}

#[wasm_bindgen_test]
async fn page_styles_do_not_reach_into_the_widget() {
    setup();
    let style = add_page_style(
        "button { display: none !important; }
         .fw-feedback__submit, .fw-carousel__next { display: none !important; }
         legend { visibility: hidden !important; }",
    );
    // The page style does apply to the page's own buttons (so this test can fail).
    let page_button = Mounted::add("button", &[("id", "m-page-button")]);
    assert_eq!(computed(&page_button, "display"), "none");

    let url = "https://feeds.test/mounting/isolation.json";
    respond(url, 200, &three_items());
    let feedback = Mounted::add("fw-feedback", &[("endpoint", ENDPOINT)]);
    let carousel = Mounted::add("fw-news-carousel", &[("src", url)]);
    let submit = wait_for(&feedback, "button.fw-feedback__submit").await;
    let next = wait_for(&carousel, "button.fw-carousel__next").await;
    let legend = wait_for(&feedback, "legend").await;

    assert_ne!(
        computed(&submit, "display"),
        "none",
        "the send button stays visible"
    );
    assert_ne!(
        computed(&next, "display"),
        "none",
        "the next button stays visible"
    );
    assert_eq!(computed(&legend, "visibility"), "visible");
    assert!(submit.client_width() > 0 && submit.client_height() > 0);

    style.remove();
}

/// Unmounting in the same task as mounting must not leave a widget running. Fails today: Yew
/// creates a component on its scheduler's next run, and that run handles destroys before
/// creates, so `AppHandle::destroy` before the first run finds nothing to destroy and the
/// component is created afterwards, detached but alive: it fetches its feed, watches `<html>`
/// and dispatches events on a host that has no widget.
#[wasm_bindgen_test]
async fn unmounting_in_the_same_task_leaves_nothing_running() {
    setup();
    let url = "https://feeds.test/mounting/zombie.json";
    respond(url, 200, &three_items());
    let host = Mounted::add("div", &[("id", "m-zombie")]);
    let shown = EventLog::on(&host.clone().into(), "fw:disclaimer:shown");

    embed::mount(&host, WidgetKind::Carousel, options(&[("src", url)])).unwrap();
    assert!(embed::unmount(&host));
    embed::mount(&host, WidgetKind::Disclaimer, options(&[("org", "ICESCO")])).unwrap();
    assert!(feedwidgets::js_unmount(host.clone().into()));
    // Spans of time for negative checks: nothing renders after the unmounts, translated or not.
    sleep(100).await;
    set_html_class("translated-ltr", true);
    sleep(150).await;
    set_html_class("translated-ltr", false);

    assert_eq!(embed::mounted_kind(&host), None);
    assert_eq!(shadow(&host).child_nodes().length(), 0);
    let fetched = calls_to(url).len();
    let events = shown.count();
    assert!(
        fetched == 0 && events == 0,
        "unmounted widgets still run: the carousel fetched its feed {fetched} time(s), \
         the disclaimer dispatched fw:disclaimer:shown {events} time(s)"
    );
    drop(shown);
}

/// Mounting twice in one task (a script calling `FeedWidgets.mount` again at once) must leave
/// only the second widget running. Fails today for the same reason as above.
#[wasm_bindgen_test]
async fn remounting_in_the_same_task_leaves_only_the_new_widget() {
    setup();
    let first_url = "https://feeds.test/mounting/remount-first.json";
    let second_url = "https://feeds.test/mounting/remount-second.json";
    respond(first_url, 200, &three_items());
    respond(second_url, 200, &three_items());
    let host = Mounted::add("div", &[("id", "m-remount")]);
    embed::mount(&host, WidgetKind::Carousel, options(&[("src", first_url)])).unwrap();
    embed::mount(&host, WidgetKind::Carousel, options(&[("src", second_url)])).unwrap();
    wait_for_title(&host, "First").await;
    // A span of time for a negative check: the replaced mount fetches nothing more.
    sleep(100).await;
    assert_eq!(calls_to(second_url).len(), 1);
    assert!(
        calls_to(first_url).is_empty(),
        "the replaced widget still ran and fetched its feed"
    );
    assert_eq!(find_all(&host, "section.fw-carousel").len(), 1);
    assert!(embed::unmount(&host));
}

#[wasm_bindgen_test]
async fn a_relative_and_an_absolute_src_of_one_feed_share_the_fetch() {
    setup();
    let relative = "/fw-tests/mounting/same-feed.json";
    let absolute_url = absolute(relative);
    respond_after(relative, 100, 200, &three_items());
    let by_path = Mounted::add("fw-news-carousel", &[("src", relative)]);
    let by_url = Mounted::add("fw-news-carousel", &[("src", &absolute_url)]);
    wait_for_title(&by_path, "First").await;
    wait_for_title(&by_url, "First").await;
    assert_eq!(calls_to(&absolute_url).len(), 1);
}
