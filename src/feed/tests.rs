use super::*;

/// The WHATWG URL parser of the `url` crate, standing in for the browser's `URL`.
pub(super) struct Base(::url::Url);

impl ResolveUrl for Base {
    fn resolve(&self, reference: &str) -> Option<String> {
        self.0.join(reference).ok().map(String::from)
    }
}

/// A resolver for references relative to a feed at `https://news.example.org/feeds/`.
pub(super) fn base() -> Base {
    Base(::url::Url::parse("https://news.example.org/feeds/feed.json").expect("test base URL"))
}

fn parse_ok(text: &str) -> Parsed {
    parse(text, &base()).expect("feed parses")
}

fn feed_with_items(items: &str) -> String {
    format!(r#"{{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{items}]}}"#)
}

#[test]
fn reads_a_json_feed_item_with_every_field() {
    let parsed = parse_ok(&feed_with_items(
        r#"{"id":"a1","url":"/news/a1","title":"Hello","summary":"Sum","image":"img/a.png",
            "date_published":"2024-07-26T10:00:00Z","language":"ar","_image_alt":"Two people",
            "_image_width":640,"_image_height":360,"unknown":{"deep":[1,2]}}"#,
    ));
    let item = &parsed.feed.items[0];
    assert_eq!(item.id, "a1");
    assert_eq!(item.title, "Hello");
    assert_eq!(
        item.url.as_deref(),
        Some("https://news.example.org/news/a1")
    );
    assert_eq!(item.summary.as_deref(), Some("Sum"));
    let image = item.image.as_ref().expect("image");
    assert_eq!(image.url, "https://news.example.org/feeds/img/a.png");
    assert_eq!(
        (image.alt.as_str(), image.width, image.height),
        ("Two people", Some(640), Some(360))
    );
    assert_eq!(item.published, parse_rfc3339("2024-07-26T10:00:00+00:00"));
    assert_eq!(item.language.as_deref(), Some("ar"));
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn html_in_any_field_becomes_plain_text() {
    let parsed = parse_ok(&feed_with_items(
        r#"{"id":"x","title":"<b>Bold</b> &amp; <script>alert(1)</script>brave",
            "summary":"<p>One</p><p>Two&nbsp;&#8217;s <img src=x onerror=alert(1)></p>"}"#,
    ));
    let item = &parsed.feed.items[0];
    assert_eq!(item.title, "Bold & brave");
    assert_eq!(item.summary.as_deref(), Some("One Two\u{a0}’s"));
}

#[test]
fn a_title_made_from_the_text_is_decoded_once() {
    let parsed = parse_ok(&feed_with_items(
        r#"{"id":"x","summary":"Escaped &amp;lt;b&amp;gt; tag"}"#,
    ));
    let item = &parsed.feed.items[0];
    assert_eq!(item.summary.as_deref(), Some("Escaped &lt;b&gt; tag"));
    assert_eq!(
        item.title, "Escaped &lt;b&gt; tag",
        "not <b>: the text is plain already"
    );
}

#[test]
fn non_web_links_are_dropped_but_the_item_stays() {
    let parsed = parse_ok(&feed_with_items(
        r#"{"id":"x","title":"T","url":"javascript:alert(1)","image":"data:image/png;base64,AAAA"}"#,
    ));
    let item = &parsed.feed.items[0];
    assert_eq!(item.url, None);
    assert_eq!(item.image, None);
    assert_eq!(parsed.warnings.len(), 2, "{:?}", parsed.warnings);
}

#[test]
fn items_without_id_or_text_are_dropped_with_a_warning() {
    let parsed = parse_ok(&feed_with_items(
        r#"{"title":"no id"}, 7, {"id":"", "title":"empty id"}, {"id":"t"},
           {"id":3,"content_html":"<p>Only body text</p>"}"#,
    ));
    let ids: Vec<_> = parsed.feed.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["3"]);
    assert_eq!(parsed.feed.items[0].title, "Only body text");
    assert_eq!(parsed.warnings.len(), 4, "{:?}", parsed.warnings);
}

#[test]
fn wrong_types_are_typed_errors_not_panics() {
    for (text, expected) in [
        ("", "InvalidJson"),
        ("{", "InvalidJson"),
        ("42", "WrongShape"),
        ("\"feed\"", "WrongShape"),
        (
            r#"{"version":"https://jsonfeed.org/version/1.1"}"#,
            "WrongShape",
        ),
        (r#"{"items":{"id":"1"}}"#, "WrongShape"),
    ] {
        let err = parse(text, &base()).expect_err(text);
        let kind = format!("{err:?}");
        assert!(kind.starts_with(expected), "{text}: {kind}");
    }
}

#[test]
fn wrong_field_types_are_ignored() {
    let parsed = parse_ok(
        r#"{"version":"https://jsonfeed.org/version/1.1","title":5,"language":["en"],
            "items":[{"id":"a","title":{"x":1},"summary":"S","date_published":"yesterday"}],
            "_widgets":{"disclaimer":"yes","feedback":{"endpoint":42,"labels":["a","b"]}}}"#,
    );
    assert_eq!(parsed.feed.title, None);
    assert_eq!(parsed.feed.language, None);
    assert_eq!(parsed.feed.items[0].title, "S");
    assert_eq!(parsed.feed.items[0].published, None);
    assert_eq!(parsed.feed.widgets.disclaimer, None);
    let feedback = parsed.feed.widgets.feedback.expect("feedback section kept");
    assert_eq!(feedback.endpoint, None);
    assert!(feedback.labels.is_empty());
    assert_eq!(parsed.warnings.len(), 4, "{:?}", parsed.warnings);
}

#[test]
fn oversized_documents_are_refused_before_parsing() {
    let text = " ".repeat(MAX_FEED_BYTES + 1);
    assert_eq!(
        parse(&text, &base()),
        Err(FeedError::TooLarge {
            bytes: MAX_FEED_BYTES + 1
        })
    );
}

#[test]
fn too_many_items_keep_the_newest_in_feed_order() {
    let count = MAX_ITEMS + 3;
    // Items 0, 1 and 2 are the oldest; the rest are newer and dated in rising order.
    let items: Vec<String> = (0..count)
        .map(|i| {
            let day = if i < 3 { 1 } else { 2 + (i % 25) };
            format!(
                r#"{{"id":"{i}","title":"T{i}","date_published":"2020-01-{day:02}T00:00:00Z"}}"#
            )
        })
        .collect();
    let parsed = parse_ok(&feed_with_items(&items.join(",")));
    assert_eq!(parsed.feed.items.len(), MAX_ITEMS);
    assert_eq!(parsed.feed.items[0].id, "3");
    assert_eq!(
        parsed.feed.items.last().map(|i| i.id.clone()),
        Some(format!("{}", count - 1))
    );
    assert!(parsed
        .warnings
        .iter()
        .any(|w| w.contains("kept the newest")));
}

#[test]
fn too_many_items_keep_the_earliest_at_the_cut_off_and_undated_ones_go_first() {
    // An undated item first, then one more dated item than fit, all of one date: the
    // undated one goes, and of the others the last in the feed.
    let items: Vec<String> = std::iter::once(r#"{"id":"undated","title":"U"}"#.to_string())
        .chain((0..=MAX_ITEMS).map(|i| {
            format!(r#"{{"id":"{i}","title":"T{i}","date_published":"2020-01-02T00:00:00Z"}}"#)
        }))
        .collect();
    let parsed = parse_ok(&feed_with_items(&items.join(",")));
    assert_eq!(parsed.feed.items.len(), MAX_ITEMS);
    assert_eq!(parsed.feed.items[0].id, "0");
    assert_eq!(
        parsed.feed.items.last().map(|i| i.id.clone()),
        Some(format!("{}", MAX_ITEMS - 1))
    );
}

#[test]
fn too_many_items_keep_the_newest_whatever_the_feed_order() {
    // Dates falling through the feed, one oldest item in the middle: it is the one to go.
    let count = MAX_ITEMS + 1;
    let items: Vec<String> = (0..count)
        .map(|i| {
            let (year, day) = if i == count / 2 {
                (1999, 1)
            } else {
                (2020 + (count - i) / 300, 1 + i % 28)
            };
            format!(
                r#"{{"id":"{i}","title":"T{i}","date_published":"{year}-02-{day:02}T00:00:00Z"}}"#
            )
        })
        .collect();
    let parsed = parse_ok(&feed_with_items(&items.join(",")));
    assert_eq!(parsed.feed.items.len(), MAX_ITEMS);
    assert!(parsed
        .feed
        .items
        .iter()
        .all(|item| item.id != format!("{}", count / 2)));
    assert_eq!(parsed.feed.items[0].id, "0");
}

#[test]
fn long_texts_are_bounded() {
    let long = "word ".repeat(2_000);
    let parsed = parse_ok(&feed_with_items(&format!(
        r#"{{"id":"a","title":"{long}","summary":"{long}"}}"#
    )));
    let item = &parsed.feed.items[0];
    assert!(item.title.chars().count() <= MAX_TITLE_CHARS);
    assert!(item.title.ends_with('…'));
    assert!(item
        .summary
        .as_ref()
        .is_some_and(|s| s.chars().count() <= MAX_SUMMARY_CHARS));
}

#[test]
fn widget_settings_are_read_per_language() {
    let parsed = parse_ok(
        r#"{"version":"https://jsonfeed.org/version/1.1","language":"en","items":[],
            "_widgets":{
              "disclaimer":{"organization":"ICESCO","version":3,"text":{"en":"E","ar":"ع","fr":"F"}},
              "feedback":{"endpoint":"/api/feedback","question":"How?",
                          "labels":{"en":["1","2","3","4","5"],"fr":["u","d","t","q","c"]},
                          "comment":true},
              "carousel":{"autoplay":true,"interval":7000,"max_items":5,"per_view":3,"label":{"fr":"Actus"}}}}"#,
    );
    let widgets = parsed.feed.widgets;
    let disclaimer = widgets.disclaimer.expect("disclaimer");
    assert_eq!(disclaimer.organization.as_deref(), Some("ICESCO"));
    assert_eq!(disclaimer.version, 3);
    assert_eq!(disclaimer.text.get("ar-MA").map(String::as_str), Some("ع"));
    let feedback = widgets.feedback.expect("feedback");
    assert_eq!(
        feedback.endpoint.as_deref(),
        Some("https://news.example.org/api/feedback")
    );
    assert_eq!(
        feedback.question.get("en-GB").map(String::as_str),
        Some("How?")
    );
    assert_eq!(
        feedback.question.get("fr"),
        None,
        "the plain question is in the feed's language"
    );
    assert_eq!(feedback.labels.get("fr").map(|l| l[4].as_str()), Some("c"));
    assert_eq!(feedback.comment, Some(true));
    let carousel = widgets.carousel.expect("carousel");
    assert_eq!(
        (
            carousel.autoplay,
            carousel.interval_ms,
            carousel.max_items,
            carousel.per_view
        ),
        (Some(true), Some(7000), Some(5), Some(3))
    );
    assert_eq!(carousel.label.get("fr").map(String::as_str), Some("Actus"));
}

#[test]
fn reads_the_real_json_feed_1_0_fixture() {
    let text = include_str!("../../tests/fixtures/real-feeds/oswin-portfolio-jsonfeed-1.0.json");
    let base = Base(::url::Url::parse("https://oswin.io/feed.json").expect("base"));
    let parsed = parse(text, &base).expect("fixture parses");
    let feed = &parsed.feed;
    assert_eq!(feed.title.as_deref(), Some("Nicolas Roger - Porfolio"));
    assert_eq!(feed.items.len(), 2);
    let first = &feed.items[0];
    assert_eq!(first.url.as_deref(), Some("https://oswin.io/bnf.html"));
    assert_eq!(
        first.image.as_ref().map(|i| i.url.as_str()),
        Some("https://oswin.io/media/posts/7/thumbnail-bnf.png")
    );
    assert_eq!(
        first.summary.as_deref(),
        Some("Heading 2Heading 3Heading 4Code Yes")
    );
    assert_eq!(first.published, parse_rfc3339("2019-05-29T11:35:57Z"));
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn reads_wordpress_posts_with_and_without_embed() {
    let text = r#"[
      {"id":101,"date":"2024-07-26T12:00:00","date_gmt":"2024-07-26T10:00:00",
       "link":"https://news.example.org/2024/07/26/dg/","title":{"rendered":"DG receives &#8220;ALECSO&#8221;"},
       "excerpt":{"rendered":"<p>Dr. AlMalik received&hellip; [&hellip;]</p>\n"},
       "_embedded":{"wp:featuredmedia":[{"source_url":"https://news.example.org/uploads/dg.jpg",
          "alt_text":"The meeting","media_details":{"width":1200,"height":800}}]}},
      {"id":102,"date_gmt":"2024-05-28T09:00:00","link":"https://news.example.org/?p=102",
       "title":{"rendered":"Agreement signed"},"excerpt":{"rendered":""},
       "jetpack_featured_media_url":"https://news.example.org/uploads/a.jpg"},
      "not a post", {"title":{"rendered":"no id"}}
    ]"#;
    let parsed = parse_ok(text);
    let items = &parsed.feed.items;
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].id, "101");
    assert_eq!(items[0].title, "DG receives “ALECSO”");
    assert_eq!(
        items[0].summary.as_deref(),
        Some("Dr. AlMalik received… […]")
    );
    assert_eq!(items[0].published, parse_rfc3339("2024-07-26T10:00:00Z"));
    let image = items[0].image.as_ref().expect("embedded image");
    assert_eq!(
        (image.alt.as_str(), image.width, image.height),
        ("The meeting", Some(1200), Some(800))
    );
    assert_eq!(items[1].summary, None);
    assert_eq!(
        items[1].image.as_ref().map(|i| i.url.as_str()),
        Some("https://news.example.org/uploads/a.jpg")
    );
    assert_eq!(parsed.warnings.len(), 2, "{:?}", parsed.warnings);
}

#[test]
fn rfc3339_dates() {
    assert_eq!(
        parse_rfc3339("1970-01-01T00:00:00Z").map(|t| t.epoch_ms),
        Some(0)
    );
    assert_eq!(
        parse_rfc3339("2000-03-01T00:00:00.5Z").map(|t| t.epoch_ms),
        Some(951_868_800_500)
    );
    // Only milliseconds are kept: the digits after them are read and dropped.
    assert_eq!(
        parse_rfc3339("1970-01-01T00:00:01.98765Z").map(|t| t.epoch_ms),
        Some(1_987)
    );
    assert_eq!(
        parse_rfc3339("2019-05-29T13:35:57+02:00"),
        parse_rfc3339("2019-05-29T11:35:57Z")
    );
    assert_eq!(
        parse_rfc3339("1969-12-31T23:00:00-01:00").map(|t| t.epoch_ms),
        Some(0)
    );
    for bad in [
        "2024-02-30T00:00:00Z",
        "2023-02-29T00:00:00Z",
        "2024-13-01T00:00:00Z",
        "2024-01-01",
        "2024-01-01T25:00:00Z",
        "2024-01-01T00:00:00+0200",
        "2024-01-01T00:00:00+0a:00",
        "2024-01-01T00:00:00-02:x0",
        "2024-01-01T00:00:00+24:00",
        "2024-01-01T00:00:00+02:60",
        "٢٠٢٤-01-01T00:00:00Z",
        "20x4-01-01T00:00:00Z",
        "2024-0a-01T00:00:00Z",
        "2024-01-01T00:6x:00Z",
        "2024-01-01T00:00:00.Z",
        "2024-01-01T00:00:00.5x",
    ] {
        assert_eq!(parse_rfc3339(bad), None, "{bad}");
    }
    assert!(parse_rfc3339("2024-02-29T00:00:00Z").is_some());
}

#[test]
fn plain_text_edge_cases() {
    assert_eq!(plain_text("a < b && c > d"), "a < b && c > d");
    assert_eq!(plain_text("<a href=\"x>y\">link</a> text"), "link text");
    assert_eq!(plain_text("x<!-- hidden -->y"), "xy");
    assert_eq!(plain_text("<style>p{}</style><STYLE>q</STYLE>z"), "z");
    assert_eq!(plain_text("broken <b"), "broken");
    assert_eq!(
        plain_text("&#0;&#x110000;&bogus;&amp"),
        "\u{FFFD}\u{FFFD}&bogus;&amp"
    );
    assert_eq!(plain_text("line<br>break<br/>again"), "line break again");
}

#[test]
fn bounded_cuts_at_a_word_boundary() {
    assert_eq!(bounded("short".into(), 10), "short");
    assert_eq!(bounded("one two three four".into(), 12), "one two…");
    assert_eq!(bounded("abcdefghijklmnop".into(), 5), "abcd…");
    // Counted in characters, not bytes; a text of exactly the bound is kept whole.
    assert_eq!(bounded("ééééé".into(), 5), "ééééé");
    assert_eq!(bounded("éééééé".into(), 5), "éééé…");
    assert_eq!(bounded("日本 語の文字".into(), 6), "日本 語の…");
    assert_eq!(bounded("ab".into(), 1), "…");
    assert_eq!(bounded("ab".into(), 0), "…");
}

#[test]
fn localized_lookup_prefers_exact_then_primary_then_any() {
    let mut text = LocalizedText::default();
    text.insert("fr-CA", "québécois".into());
    text.insert("fr", "français".into());
    text.insert("", "any".into());
    assert_eq!(text.get("fr-CA").map(String::as_str), Some("québécois"));
    assert_eq!(text.get("FR").map(String::as_str), Some("français"));
    assert_eq!(text.get("fr-BE").map(String::as_str), Some("français"));
    assert_eq!(text.get("ar").map(String::as_str), Some("any"));
}

#[test]
fn the_disclaimer_position_is_read_as_written() {
    let position = |value: &str| {
        let parsed = parse_ok(&format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[],
                "_widgets":{{"disclaimer":{{"position":{value}}}}}}}"#
        ));
        parsed.feed.widgets.disclaimer.expect("disclaimer").position
    };
    assert_eq!(position(r#""top""#).as_deref(), Some("top"));
    assert_eq!(position(r#""bottom""#).as_deref(), Some("bottom"));
    assert_eq!(position("3"), None);
}
