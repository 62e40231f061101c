use super::*;

fn sources(
    widget: Option<&str>,
    page: Option<&str>,
    feed: Option<&str>,
    browser: &[&str],
) -> LanguageSources {
    LanguageSources {
        widget: widget.map(String::from),
        page: page.map(String::from),
        feed: feed.map(String::from),
        browser: browser.iter().map(|tag| tag.to_string()).collect(),
    }
}

#[test]
fn widget_attribute_wins_then_page_then_feed_then_browser() {
    assert_eq!(
        sources(Some("fr"), Some("ar"), Some("en"), &["ar"])
            .resolve()
            .lang(),
        Lang::Fr
    );
    assert_eq!(
        sources(None, Some("ar-MA"), Some("en"), &["fr"])
            .resolve()
            .lang(),
        Lang::Ar,
        "the page's language beats the feed's"
    );
    assert_eq!(
        sources(None, None, Some("fr-CA"), &["ar"]).resolve().lang(),
        Lang::Fr,
        "the feed's language beats the browser's"
    );
    assert_eq!(
        sources(None, None, None, &["de-DE", "ar-EG", "fr"])
            .resolve()
            .lang(),
        Lang::Ar
    );
}

#[test]
fn an_arabic_page_with_an_english_feed_speaks_arabic() {
    let locale = sources(None, Some("ar"), Some("en"), &["en-US"]).resolve();
    assert_eq!(
        (locale.lang(), locale.direction()),
        (Lang::Ar, Direction::Rtl)
    );
}

#[test]
fn unsupported_languages_are_skipped_and_english_is_the_last_resort() {
    assert_eq!(
        sources(Some("de"), Some("ar"), None, &[]).resolve().lang(),
        Lang::Ar
    );
    assert_eq!(
        sources(Some("de"), Some("ja"), Some("fr"), &["ar"])
            .resolve()
            .lang(),
        Lang::Fr,
        "a page in a language we do not speak leaves it to the feed"
    );
    assert_eq!(
        sources(Some(""), None, Some("zz"), &["ja"])
            .resolve()
            .lang(),
        Lang::En
    );
}

#[test]
fn direction_follows_the_language() {
    assert_eq!(Lang::Ar.direction().as_str(), "rtl");
    assert_eq!(Lang::En.direction().as_str(), "ltr");
    assert_eq!(Lang::Fr.direction().as_str(), "ltr");
    assert_eq!(Lang::from_tag("AR_sa"), Some(Lang::Ar));
}

#[test]
fn every_catalog_fills_its_placeholders() {
    for lang in Lang::ALL {
        let catalog = lang.catalog();
        let position = fill(
            catalog.carousel.slide_position,
            &[("n", "3"), ("total", "10")],
        );
        assert!(
            position.contains('3') && position.contains("10"),
            "{lang:?}: {position}"
        );
        assert!(!position.contains('{'), "{lang:?}: {position}");
        let range = fill(
            catalog.carousel.slides_position,
            &[("first", "3"), ("last", "5"), ("total", "10")],
        );
        assert!(
            range.contains('3') && range.contains('5') && range.contains("10"),
            "{lang:?}: {range}"
        );
        assert!(!range.contains('{'), "{lang:?}: {range}");
        let disclaimer = fill(catalog.disclaimer.with_org, &[("org", "ICESCO")]);
        assert!(disclaimer.contains("ICESCO"), "{lang:?}");
        assert!(!catalog.disclaimer.without_org.contains('{'), "{lang:?}");
        assert!(
            !catalog
                .carousel
                .label
                .to_lowercase()
                .contains(catalog.carousel.roledescription),
            "{lang:?}: the region name must not repeat its role description"
        );
        assert!(catalog
            .feedback
            .labels
            .iter()
            .all(|label| !label.is_empty()));
    }
}

#[test]
fn the_locale_keeps_a_well_formed_script_and_region_only() {
    let tag = |t: &str| Locale::from_tag(t).map(|l| l.tag().to_string());
    assert_eq!(tag("ar-eg"), Some("ar-EG".into()));
    assert_eq!(tag("ar_MA"), Some("ar-MA".into()));
    assert_eq!(tag("fr-latn-ca"), Some("fr-Latn-CA".into()));
    assert_eq!(tag("en-419"), Some("en-419".into()));
    assert_eq!(tag("ar-"), Some("ar".into()));
    assert_eq!(tag("ar-EGYPT-x"), Some("ar".into()));
    assert_eq!(tag("ar-arab-x"), Some("ar-Arab".into()), "a script alone");
    assert_eq!(
        tag("fr-CA-Latn"),
        Some("fr-CA".into()),
        "a script only first"
    );
    assert_eq!(
        tag("fr-u-nu-arab"),
        Some("fr".into()),
        "extensions are not passed to Intl"
    );
    assert_eq!(tag("de-DE"), None);
    let resolved = sources(None, Some("ar-EG"), Some("en"), &[]).resolve();
    assert_eq!((resolved.lang(), resolved.tag()), (Lang::Ar, "ar-EG"));
    assert_eq!(resolved.direction().as_str(), "rtl");
}
