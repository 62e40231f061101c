//! The news carousel in headless Chromium: roles and names in three languages, moving between
//! slides, the loop option, events, item languages, links, feed HTML shown as text, max items.

#![cfg(target_arch = "wasm32")]

mod support;

use support::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// The one slide shown (panics unless exactly one is shown and every other slide in the DOM
/// is hidden and inert).
fn the_slide(host: &Element) -> Element {
    let slides = slides(host);
    assert!(
        slides.len() <= 3,
        "the current slide and its neighbours at most, not {}",
        slides.len()
    );
    let (shown, kept): (Vec<Element>, Vec<Element>) = slides
        .into_iter()
        .partition(|slide| !slide.has_attribute("hidden"));
    assert_eq!(shown.len(), 1, "exactly one slide is shown");
    for slide in &kept {
        assert!(slide.has_attribute("inert"), "a hidden slide is inert too");
    }
    shown[0].clone()
}

/// The names of the previous and next buttons: the first two buttons, in this order, when
/// rotation is off.
fn nav_names(host: &Element) -> Vec<String> {
    button_names(host).into_iter().take(2).collect()
}

#[wasm_bindgen_test]
async fn roles_and_names_in_english() {
    setup();
    let host = carousel(
        "https://feeds.test/carousel/roles-en.json",
        &three_items(),
        &[],
    )
    .await;
    let section = region(&host);
    assert_eq!(
        section.get_attribute("aria-roledescription").as_deref(),
        Some("carousel")
    );
    assert_eq!(section.get_attribute("aria-label").as_deref(), Some("News"));
    assert_eq!(section.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(section.get_attribute("dir").as_deref(), Some("ltr"));

    let previous = button_named(&host, PREVIOUS);
    let next = button_named(&host, NEXT);
    assert_eq!(nav_names(&host), [PREVIOUS, NEXT], "previous, then next");
    assert_eq!(
        previous.get_attribute("aria-label").as_deref(),
        Some("Previous slide")
    );
    assert_eq!(
        next.get_attribute("aria-label").as_deref(),
        Some("Next slide")
    );
    assert_eq!(previous.get_attribute("type").as_deref(), Some("button"));
    assert_eq!(
        next.get_attribute("aria-disabled"),
        None,
        "it wraps, so never disabled"
    );
    assert_eq!(position(&host), "1 of 3");

    let slide = the_slide(&host);
    assert_eq!(slide.get_attribute("role").as_deref(), Some("group"));
    assert_eq!(
        slide.get_attribute("aria-roledescription").as_deref(),
        Some("slide")
    );
    assert_eq!(slide.get_attribute("aria-label").as_deref(), Some("1 of 3"));
    assert!(slide.class_list().contains("fw-carousel__slide"));
    assert_eq!(shown_title(&host), "First");
    assert_eq!(link_of(&slide).as_deref(), Some("https://news.test/a"));
    let time = time_of(&slide).expect("a <time> for the date");
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2024-07-26T10:00:00.000Z")
    );
    assert_eq!(
        time.text_content().unwrap_or_default().trim(),
        "July 26, 2024"
    );
}

#[wasm_bindgen_test]
async fn roles_and_names_in_french() {
    setup();
    let host = carousel(
        "https://feeds.test/carousel/roles-fr.json",
        &three_items(),
        &[("lang", "fr")],
    )
    .await;
    let section = region(&host);
    assert_eq!(
        section.get_attribute("aria-roledescription").as_deref(),
        Some("carrousel")
    );
    assert_eq!(
        section.get_attribute("aria-label").as_deref(),
        Some("Actualités")
    );
    assert_eq!(section.get_attribute("lang").as_deref(), Some("fr"));
    assert_eq!(section.get_attribute("dir").as_deref(), Some("ltr"));
    assert_eq!(
        nav_names(&host),
        ["Diapositive précédente", "Diapositive suivante"]
    );
    assert_eq!(position(&host), "1 sur 3");
    let slide = the_slide(&host);
    assert_eq!(
        slide.get_attribute("aria-roledescription").as_deref(),
        Some("diapositive")
    );
    assert_eq!(
        slide.get_attribute("aria-label").as_deref(),
        Some("1 sur 3")
    );
    assert_eq!(
        time_of(&slide)
            .and_then(|time| time.text_content())
            .as_deref(),
        Some("26 juillet 2024")
    );
}

#[wasm_bindgen_test]
async fn roles_and_names_in_arabic() {
    setup();
    let host = carousel(
        "https://feeds.test/carousel/roles-ar.json",
        &three_items(),
        &[("lang", "ar")],
    )
    .await;
    let section = region(&host);
    assert_eq!(section.get_attribute("lang").as_deref(), Some("ar"));
    assert_eq!(section.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(
        section.get_attribute("aria-roledescription").as_deref(),
        Some("عرض دوّار")
    );
    assert_eq!(
        section.get_attribute("aria-label").as_deref(),
        Some("الأخبار")
    );
    assert_eq!(nav_names(&host), ["الشريحة السابقة", "الشريحة التالية"]);
    let slide = the_slide(&host);
    assert_eq!(
        slide.get_attribute("aria-roledescription").as_deref(),
        Some("شريحة")
    );
    assert!(
        position(&host).contains(" من "),
        "Arabic wording: {}",
        position(&host)
    );
    assert_eq!(slide.get_attribute("aria-label"), Some(position(&host)));
    assert!(
        time_of(&slide)
            .and_then(|time| time.text_content())
            .unwrap_or_default()
            .contains("يوليو"),
        "the date is written in Arabic"
    );
}

/// Fails on Chromium 156: its Intl now gives Latin digits for plain `ar` (CLDR's default
/// numbering system for `ar` became `latn`), so `platform::intl` must ask for `arab` digits.
#[wasm_bindgen_test]
async fn arabic_positions_and_dates_use_the_digits_of_the_locale() {
    setup();
    // Egypt writes Arabic-Indic digits: the region is kept and handed to Intl.
    let host = carousel(
        "https://feeds.test/carousel/digits-ar-eg.json",
        &three_items(),
        &[("lang", "ar-EG")],
    )
    .await;
    assert_eq!(
        region(&host).get_attribute("lang").as_deref(),
        Some("ar-EG"),
        "the region stays on the widget's lang"
    );
    assert_eq!(
        position(&host),
        "١ من ٣",
        "Arabic-Indic digits in the position"
    );
    let date = || time_of(&shown_slide(&host)).and_then(|time| time.text_content());
    assert_eq!(
        shown_slide(&host).get_attribute("aria-label").as_deref(),
        Some("١ من ٣"),
        "and in the slide's name"
    );
    assert!(
        date().unwrap_or_default().contains("٢٠٢٤"),
        "and in the date: {:?}",
        date()
    );
    press(&host, "الشريحة التالية");
    wait_for_position(&host, "٢ من ٣").await;
    drop(host);

    // Morocco writes Latin digits; the widget is still Arabic, right to left.
    let host = carousel(
        "https://feeds.test/carousel/digits-ar-ma.json",
        &three_items(),
        &[("lang", "ar-MA")],
    )
    .await;
    assert_eq!(position(&host), "1 من 3");
    assert_eq!(region(&host).get_attribute("dir").as_deref(), Some("rtl"));
}

#[wasm_bindgen_test]
async fn the_lang_option_beats_the_page_language_which_beats_the_feeds() {
    setup();
    // The page's original language is English (`setup`); the feed's news are French.
    let french_feed = json_feed(r#"[{"id":"a","title":"Un"}]"#, r#""language":"fr""#);
    let from_page = carousel(
        "https://feeds.test/carousel/lang-page.json",
        &french_feed,
        &[],
    )
    .await;
    let from_option = carousel(
        "https://feeds.test/carousel/lang-option.json",
        &french_feed,
        &[("lang", "ar")],
    )
    .await;

    assert_eq!(
        position(&from_page),
        "1 of 1",
        "the page's language, not the feed's"
    );
    assert_eq!(
        region(&from_page).get_attribute("lang").as_deref(),
        Some("en")
    );
    let content = content_of(&the_slide(&from_page));
    assert_eq!(content.get_attribute("lang").as_deref(), Some("fr"));
    assert_eq!(content.get_attribute("dir").as_deref(), Some("ltr"));
    assert_eq!(
        region(&from_option).get_attribute("lang").as_deref(),
        Some("ar")
    );
    assert_eq!(
        region(&from_option).get_attribute("dir").as_deref(),
        Some("rtl")
    );
    let content = content_of(&the_slide(&from_option));
    assert_eq!(
        (content.get_attribute("lang"), content.get_attribute("dir")),
        (Some("fr".into()), Some("ltr".into())),
        "the news keep the feed's language in an Arabic widget"
    );
}

#[wasm_bindgen_test]
async fn next_and_previous_move_one_slide_and_wrap_around() {
    setup();
    let host = carousel("https://feeds.test/carousel/wrap.json", &three_items(), &[]).await;
    let expect = |position_text: &'static str, title_text: &'static str| {
        let host: Element = (*host).clone();
        async move {
            wait_for_position(&host, position_text).await;
            assert_eq!(shown_title(&host), title_text);
            let slide = the_slide(&host);
            assert_eq!(
                slide.get_attribute("aria-label").as_deref(),
                Some(position_text)
            );
            assert_eq!(
                button_named(&host, NEXT).get_attribute("aria-disabled"),
                None
            );
            assert_eq!(
                button_named(&host, PREVIOUS).get_attribute("aria-disabled"),
                None
            );
        }
    };
    expect("1 of 3", "First").await;
    press(&host, NEXT);
    expect("2 of 3", "Second").await;
    press(&host, NEXT);
    expect("3 of 3", "Third").await;
    press(&host, NEXT);
    expect("1 of 3", "First").await;
    press(&host, PREVIOUS);
    expect("3 of 3", "Third").await;
    press(&host, PREVIOUS);
    expect("2 of 3", "Second").await;
}

#[wasm_bindgen_test]
async fn loop_false_stops_at_both_ends() {
    setup();
    let host = carousel(
        "https://feeds.test/carousel/no-loop.json",
        &three_items(),
        &[("loop", "false")],
    )
    .await;
    let events = EventLog::on(&host.js(), "fw:carousel:change");
    assert_eq!(
        button_named(&host, PREVIOUS)
            .get_attribute("aria-disabled")
            .as_deref(),
        Some("true")
    );
    assert_eq!(
        button_named(&host, NEXT).get_attribute("aria-disabled"),
        None
    );

    press(&host, PREVIOUS);
    rendered().await;
    assert_eq!(
        position(&host),
        "1 of 3",
        "previous does nothing on the first slide"
    );
    assert_eq!(events.count(), 0, "and announces no change");

    press(&host, NEXT);
    wait_for_position(&host, "2 of 3").await;
    assert_eq!(
        button_named(&host, PREVIOUS).get_attribute("aria-disabled"),
        None
    );
    press(&host, NEXT);
    wait_for_position(&host, "3 of 3").await;
    assert_eq!(
        button_named(&host, NEXT)
            .get_attribute("aria-disabled")
            .as_deref(),
        Some("true")
    );
    assert_eq!(events.count(), 2);

    press(&host, NEXT);
    rendered().await;
    assert_eq!(
        position(&host),
        "3 of 3",
        "next does nothing on the last slide"
    );
    assert_eq!(shown_title(&host), "Third");
    assert_eq!(events.count(), 2);
}

#[wasm_bindgen_test]
async fn a_single_slide_has_no_previous_or_next() {
    setup();
    let host = carousel(
        "https://feeds.test/carousel/single.json",
        &json_feed(r#"[{"id":"only","title":"Only news"}]"#, ""),
        &[],
    )
    .await;
    assert_eq!(position(&host), "1 of 1");
    assert!(
        find_button(&host, PREVIOUS).is_none() && find_button(&host, NEXT).is_none(),
        "nowhere to go: no buttons that could never do anything"
    );
}

#[wasm_bindgen_test]
async fn moving_dispatches_a_change_event_with_the_id_and_index() {
    setup();
    let host = carousel(
        "https://feeds.test/carousel/events.json",
        &three_items(),
        &[],
    )
    .await;
    let on_host = EventLog::on(&host.js(), "fw:carousel:change");
    let on_document = EventLog::on_document("fw:carousel:change");

    press(&host, NEXT);
    wait_for_position(&host, "2 of 3").await;
    press(&host, PREVIOUS);
    wait_for_position(&host, "1 of 3").await;
    press(&host, PREVIOUS);
    wait_for_position(&host, "3 of 3").await;

    let events = on_host.events();
    assert_eq!(events.len(), 3);
    let seen: Vec<(Option<String>, Option<f64>)> = events
        .iter()
        .map(|e| (e.field("id").as_string(), e.field("index").as_f64()))
        .collect();
    assert_eq!(
        seen,
        vec![
            (Some("b".into()), Some(1.0)),
            (Some("a".into()), Some(0.0)),
            (Some("c".into()), Some(2.0)),
        ]
    );
    for event in &events {
        assert!(event.bubbles && event.composed);
        assert_eq!(event.target, host.js(), "dispatched on the host");
    }
    assert_eq!(on_document.count(), 3, "the events bubble to the document");
}

#[wasm_bindgen_test]
async fn an_item_language_sets_lang_and_dir_on_its_content() {
    setup();
    let items = r#"[
            {"id":"ar","title":"خبر عاجل","language":"ar"},
            {"id":"fr","title":"Nouvelle","language":"fr-CA"},
            {"id":"none","title":"Plain"},
            {"id":"de","title":"Nachricht","language":"de"}
        ]"#;
    let lang_dir = |host: &Element| {
        let slide = the_slide(host);
        // The slide itself (its name, "1 of 4") stays in the widget's language.
        assert_eq!(
            (slide.get_attribute("lang"), slide.get_attribute("dir")),
            (None, None)
        );
        let content = content_of(&slide);
        (content.get_attribute("lang"), content.get_attribute("dir"))
    };
    let some = |lang: &str, dir: &str| (Some(lang.to_string()), Some(dir.to_string()));
    let host = carousel(
        "https://feeds.test/carousel/item-lang.json",
        &json_feed(items, ""),
        &[],
    )
    .await;
    assert_eq!(lang_dir(&host), some("ar", "rtl"));
    assert_eq!(
        region(&host).get_attribute("dir").as_deref(),
        Some("ltr"),
        "the widget stays English"
    );

    press(&host, NEXT);
    wait_for_title(&host, "Nouvelle").await;
    assert_eq!(lang_dir(&host), some("fr-CA", "ltr"));

    press(&host, NEXT);
    wait_for_title(&host, "Plain").await;
    assert_eq!(
        lang_dir(&host),
        (None, Some("auto".into())),
        "no language known: the text's own direction"
    );

    press(&host, NEXT);
    wait_for_title(&host, "Nachricht").await;
    assert_eq!(lang_dir(&host), some("de", "auto"));

    // An item without a language is in the feed's.
    let host = carousel(
        "https://feeds.test/carousel/item-lang-feed.json",
        &json_feed(items, r#""language":"ar""#),
        &[],
    )
    .await;
    assert_eq!(
        position(&host),
        "1 of 4",
        "the widget speaks the page's English"
    );
    for _ in 0..2 {
        press(&host, NEXT);
    }
    wait_for_title(&host, "Plain").await;
    assert_eq!(lang_dir(&host), some("ar", "rtl"));
}

#[wasm_bindgen_test]
async fn titles_link_only_to_http_urls() {
    setup();
    let feed = json_feed(
        r#"[
            {"id":"1","title":"Script link","url":"javascript:alert(1)"},
            {"id":"2","title":"Relative link","url":"../news/2"},
            {"id":"3","title":"Data link","url":"data:text/html,<b>x</b>"},
            {"id":"4","title":"External link","external_url":"http://other.test/4"},
            {"id":"5","title":"No link"},
            {"id":"6","title":"FTP link","url":"ftp://files.test/6"}
        ]"#,
        "",
    );
    let host = carousel("https://feeds.test/carousel/links/feed.json", &feed, &[]).await;
    let expected: [(&str, Option<&str>); 6] = [
        ("Script link", None),
        ("Relative link", Some("https://feeds.test/carousel/news/2")),
        ("Data link", None),
        ("External link", Some("http://other.test/4")),
        ("No link", None),
        ("FTP link", None),
    ];
    for (index, (title_text, href)) in expected.iter().enumerate() {
        wait_for_title(&host, title_text).await;
        assert_eq!(
            link_of(&shown_slide(&host)).as_deref(),
            *href,
            "slide {index} ({title_text})"
        );
        assert!(
            find_all(&host, "article a").iter().all(|a| {
                let href = a.get_attribute("href").unwrap_or_default();
                href.starts_with("https://") || href.starts_with("http://")
            }),
            "no non-http link anywhere in the slide"
        );
        press(&host, NEXT);
    }
}

#[wasm_bindgen_test]
async fn html_in_the_feed_is_shown_as_text() {
    setup();
    let feed = json_feed(
        r#"[
            {"id":"x","title":"<img src=x onerror=\"window.__fwInjected = true\">Hello <b>world</b>",
             "summary":"Tom &amp; Jerry &lt;script&gt;window.__fwInjected = true&lt;/script&gt; <iframe src=\"https://evil.test\"></iframe>"}
        ]"#,
        "",
    );
    let host = carousel("https://feeds.test/carousel/html.json", &feed, &[]).await;
    rendered().await;
    assert_eq!(shown_title(&host), "Hello world");
    let heading = heading_of(&shown_slide(&host)).expect("a heading");
    assert_eq!(
        heading.child_element_count(),
        0,
        "no element was injected into the title"
    );
    assert!(find(&host, "article img").is_none());
    assert!(find(&host, "article b, article script, article iframe").is_none());
    assert_eq!(
        summary_of(&shown_slide(&host)).as_deref(),
        Some("Tom & Jerry <script>window.__fwInjected = true</script>"),
        "escaped markup is shown as the characters it stands for"
    );
    let injected = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__fwInjected".into())
        .unwrap_or(JsValue::UNDEFINED);
    assert!(injected.is_undefined(), "no feed script ran");
}

#[wasm_bindgen_test]
async fn max_items_limits_the_slides() {
    setup();
    let five = json_feed(
        r#"[{"id":"1","title":"One"},{"id":"2","title":"Two"},{"id":"3","title":"Three"},
            {"id":"4","title":"Four"},{"id":"5","title":"Five"}]"#,
        r#""_widgets":{"carousel":{"max_items":3}}"#,
    );
    let from_option = carousel(
        "https://feeds.test/carousel/max-option.json",
        &five,
        &[("max-items", "2")],
    )
    .await;
    assert_eq!(position(&from_option), "1 of 2");
    press(&from_option, NEXT);
    wait_for_title(&from_option, "Two").await;
    press(&from_option, NEXT);
    wait_for_title(&from_option, "One").await;
    assert_eq!(position(&from_option), "1 of 2", "wraps after the second");

    let from_feed = carousel("https://feeds.test/carousel/max-feed.json", &five, &[]).await;
    assert_eq!(
        position(&from_feed),
        "1 of 3",
        "_widgets.carousel.max_items applies"
    );

    let out_of_range = carousel(
        "https://feeds.test/carousel/max-zero.json",
        &five,
        &[("max-items", "0")],
    )
    .await;
    assert_eq!(
        position(&out_of_range),
        "1 of 3",
        "an invalid max-items is ignored"
    );
}

#[wasm_bindgen_test]
async fn loading_then_content() {
    setup();
    let url = "https://feeds.test/carousel/slow.json";
    hold(url);
    let host = Mounted::add("fw-news-carousel", &[("src", url)]);
    wait_for_status(&host, "Loading…").await;
    let status = widget_status(&host).expect("a status");
    assert_eq!(status.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(status.get_attribute("aria-busy").as_deref(), Some("true"));
    assert_eq!(status.local_name(), "p");
    assert_eq!(status.text_content().unwrap_or_default().trim(), "Loading…");
    assert!(!status.class_list().contains("fw-status--error"));
    assert!(find(&host, "section").is_none());
    assert_eq!(release(url, 200, &three_items()), 1);
    wait_for_title(&host, "First").await;
    assert!(widget_status(&host).is_none(), "the loading notice is gone");
}

#[wasm_bindgen_test]
async fn an_empty_feed_says_there_is_no_news() {
    setup();
    let empty = json_feed("[]", "");
    let url = "https://feeds.test/carousel/empty.json";
    respond(url, 200, &empty);
    let english = Mounted::add("fw-news-carousel", &[("src", url)]);
    let french = Mounted::add("fw-news-carousel", &[("src", url), ("lang", "fr")]);
    wait_for_status(&english, "There is no news to show yet.").await;
    wait_for_status(&french, "Aucune actualité à afficher pour le moment.").await;
    let status = widget_status(&english).expect("a status");
    assert!(
        !status.class_list().contains("fw-status--error"),
        "empty is not an error"
    );
    assert_eq!(status.get_attribute("aria-busy"), None);
    assert!(find(&english, "section, article").is_none());
}

#[wasm_bindgen_test]
async fn a_wordpress_posts_array_is_read_too() {
    setup();
    let posts = r#"[
        {"id":101,"date_gmt":"2024-03-01T08:00:00","link":"https://wp.test/?p=101",
         "title":{"rendered":"Caf&eacute; &amp; news"},"excerpt":{"rendered":"<p>Short</p>"}},
        {"id":102,"link":"https://wp.test/?p=102","title":{"rendered":"Second post"}}
    ]"#;
    let host = carousel(
        "https://feeds.test/carousel/wp-json/wp/v2/posts",
        posts,
        &[],
    )
    .await;
    assert_eq!(shown_title(&host), "Café & news");
    assert_eq!(position(&host), "1 of 2");
    let slide = shown_slide(&host);
    assert_eq!(link_of(&slide).as_deref(), Some("https://wp.test/?p=101"));
    assert_eq!(
        time_of(&slide)
            .and_then(|time| time.get_attribute("datetime"))
            .as_deref(),
        Some("2024-03-01T08:00:00.000Z")
    );
    assert_eq!(summary_of(&slide).as_deref(), Some("Short"));
}

#[wasm_bindgen_test]
async fn a_real_json_feed_1_0_with_relative_urls() {
    setup();
    let feed = include_str!("fixtures/real-feeds/oswin-portfolio-jsonfeed-1.0.json");
    let url = "https://oswin.test/feed.json";
    respond(url, 200, feed);
    let host = Mounted::add("fw-news-carousel", &[("src", url)]);
    // oswin.test never resolves, so the image fails (at once or never, as the machine's
    // lookups go) and the widget may drop it: check the address it asked for, not the <img>.
    let images = ImageLog::watch(&host);
    wait_for(&host, "section[aria-roledescription]").await;
    assert_eq!(shown_title(&host), "BnF");
    assert_eq!(position(&host), "1 of 2");
    let slide = shown_slide(&host);
    assert_eq!(
        link_of(&slide).as_deref(),
        Some("https://oswin.test/bnf.html")
    );
    let thumbnail = "https://oswin.test/media/posts/7/thumbnail-bnf.png";
    wait_until("the first slide's image to be requested", 5_000, || {
        images.sources().iter().any(|source| source == thumbnail)
    })
    .await;
    assert_eq!(
        time_of(&slide)
            .and_then(|time| time.get_attribute("datetime"))
            .as_deref(),
        Some("2019-05-29T11:35:57.000Z")
    );
    press(&host, NEXT);
    wait_for_title(&host, "Futur en Seine").await;
}

#[wasm_bindgen_test]
async fn the_feed_can_name_the_carousel_per_language() {
    setup();
    let feed = json_feed(
        r#"[{"id":"a","title":"A"}]"#,
        r#""_widgets":{"carousel":{"label":{"en":"Latest from ICESCO","fr":"Dernières nouvelles"}}}"#,
    );
    let url = "https://feeds.test/carousel/label.json";
    let english = carousel(url, &feed, &[]).await;
    let french = carousel(url, &feed, &[("lang", "fr")]).await;
    assert_eq!(
        region(&english).get_attribute("aria-label").as_deref(),
        Some("Latest from ICESCO")
    );
    assert_eq!(
        region(&french).get_attribute("aria-label").as_deref(),
        Some("Dernières nouvelles")
    );
}

#[wasm_bindgen(inline_js = r#"
export function prefetched_feed(url, body, with_body) {
  const response = new Response(body, { status: 200, headers: { "content-type": "application/json" } });
  // What embed.js hands over: [response, its body being read]; a loader of an earlier release
  // handed the bare response.
  const answer = with_body ? [response, response.arrayBuffer()] : response;
  return new Map([[url, Promise.resolve(answer)]]);
}

export async function arrived_feed(url, body) {
  const response = new Response(body, { status: 200, headers: { "content-type": "application/json" } });
  // A request whose body embed.js had read whole before the bundle started; its promise never
  // settles here, so a widget that waited on it would never show the feed.
  const request = new Promise(() => {});
  request.arrived = [response, await response.arrayBuffer()];
  return new Map([[url, request]]);
}

export async function arrived_pair(url, body) {
  const response = new Response(body, { status: 200, headers: { "content-type": "application/json" } });
  // A request of embed.js that settled, its body in and marked as arrived too.
  const bytes = await response.arrayBuffer();
  const request = Promise.resolve([response, Promise.resolve(bytes)]);
  request.arrived = [response, bytes];
  return new Map([[url, request]]);
}
"#)]
extern "C" {
    fn prefetched_feed(url: &str, body: &str, with_body: bool) -> JsValue;
    async fn arrived_feed(url: &str, body: &str) -> JsValue;
    async fn arrived_pair(url: &str, body: &str) -> JsValue;
}

#[wasm_bindgen_test]
async fn an_arrived_body_that_is_no_feed_is_reported_once_and_not_fetched_again() {
    setup();
    let url = "https://feeds.test/carousel/arrived-broken.json";
    feedwidgets::platform::fetch::adopt_prefetched(
        arrived_pair(&absolute(url), "{ not json").await,
    );
    let mark = error_mark();
    let host = Mounted::add("fw-news-carousel", &[("src", url)]);
    wait_for_text(
        &host,
        "p.fw-status.fw-status--error",
        "The news could not be loaded.",
    )
    .await;
    wait_for_error(mark).await;
    // A span of time for a negative check: no second line is logged.
    sleep(50).await;
    let logged = widget_errors_since(mark);
    assert_eq!(logged.len(), 1, "the failure is logged once: {logged:?}");
    assert!(calls_to(url).is_empty(), "fetched again");
}

#[wasm_bindgen_test]
async fn a_feed_whose_body_arrived_before_the_start_is_read_without_waiting() {
    setup();
    let url = "https://feeds.test/carousel/arrived.json";
    feedwidgets::platform::fetch::adopt_prefetched(
        arrived_feed(&absolute(url), &three_items()).await,
    );
    let host = Mounted::add("fw-news-carousel", &[("src", url)]);
    wait_for(&host, "section[aria-roledescription]").await;
    assert_eq!(position(&host), "1 of 3");
    assert!(calls_to(url).is_empty(), "fetched again");
}

#[wasm_bindgen_test]
async fn the_loaders_requests_are_taken_over_not_made_again() {
    setup();
    for (name, with_body) in [("pair", true), ("bare", false)] {
        let url = format!("https://feeds.test/carousel/prefetched-{name}.json");
        feedwidgets::platform::fetch::adopt_prefetched(prefetched_feed(
            &absolute(&url),
            &three_items(),
            with_body,
        ));
        // No answer is set up for the URL: a request of the bundle's own would not be answered.
        let host = Mounted::add("fw-news-carousel", &[("src", &url)]);
        wait_for(&host, "section[aria-roledescription]").await;
        assert_eq!(position(&host), "1 of 3", "{name}");
        assert!(calls_to(&url).is_empty(), "{name}: fetched again");
    }
}
