//! The feedback widget's options, resolved once per render from the element's attributes, the
//! feed's `_widgets.feedback` and the built-in defaults, in that order. Pure, so every rule is
//! tested natively.

use super::remember;
use crate::embed::WidgetOptions;
use crate::feed::{web_url, FeedbackSettings, ResolveUrl};
use crate::i18n::Locale;

/// What the feedback widget was asked to do. Its texts are borrowed from the options, the
/// feed or the catalog: copying them at every render would only cost allocations and code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackConfig<'a> {
    /// Where ratings are posted: the `endpoint` attribute (an http(s) URL, relative ones
    /// resolved against the page), else the feed's; `None` when there is nowhere to send.
    pub endpoint: Option<String>,
    /// The question: the `question` attribute, the feed's in the widget's language, the
    /// catalog's.
    pub question: &'a str,
    /// The five answers, worst to best: the feed's in the widget's language, the catalog's.
    pub labels: [&'a str; 5],
    /// Whether the comment step follows a saved rating: the `comment` attribute, the feed's.
    pub with_comment: bool,
    /// Whether choosing sends at once, without a send button (`compact`).
    pub compact: bool,
    /// Whether the rating is remembered per page (`remember-scope="page"`) rather than per site.
    pub remember_per_page: bool,
    /// Days the rating is remembered (`remember-days`, 0 to 3650).
    pub remember_days: u32,
}

impl<'a> FeedbackConfig<'a> {
    /// Resolves the options for a widget speaking `lang`. `base` resolves a relative
    /// `endpoint` attribute (the page's address in the browser), so that the rule stays pure.
    pub fn resolve(
        options: &'a WidgetOptions,
        settings: Option<&'a FeedbackSettings>,
        lang: &Locale,
        base: &dyn ResolveUrl,
    ) -> Self {
        let texts = &lang.catalog().feedback;
        Self {
            endpoint: options
                .text("endpoint")
                .and_then(|endpoint| web_url(endpoint, base))
                .or_else(|| settings.and_then(|s| s.endpoint.clone())),
            question: options
                .text("question")
                .or_else(|| {
                    settings
                        .and_then(|s| s.question.get(lang.tag()))
                        .map(String::as_str)
                })
                .unwrap_or(texts.question),
            labels: settings
                .and_then(|s| s.labels.get(lang.tag()))
                .map_or(texts.labels, |labels| labels.each_ref().map(String::as_str)),
            with_comment: options
                .flag("comment")
                .or_else(|| settings.and_then(|s| s.comment))
                .unwrap_or(false),
            compact: options.flag("compact").unwrap_or(false),
            remember_per_page: options.get("remember-scope") == Some("page"),
            remember_days: options
                .number("remember-days", 0..=3650)
                .unwrap_or(remember::DEFAULT_DAYS),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// Resolves against `https://site.test/dir/page`, as a browser would for simple references.
    struct Page;

    impl ResolveUrl for Page {
        fn resolve(&self, reference: &str) -> Option<String> {
            if reference.contains(':') {
                return Some(reference.to_string());
            }
            Some(match reference.strip_prefix('/') {
                Some(path) => format!("https://site.test/{path}"),
                None => format!("https://site.test/dir/{reference}"),
            })
        }
    }

    fn options(pairs: &[(&str, &str)]) -> WidgetOptions {
        let mut options = WidgetOptions::default();
        for (name, value) in pairs {
            options.insert(name, *value);
        }
        options
    }

    /// What the options say, texts copied out (the options do not outlive the call).
    fn resolve(pairs: &[(&str, &str)], settings: Option<&FeedbackSettings>) -> Resolved {
        let options = options(pairs);
        let config = FeedbackConfig::resolve(&options, settings, &Locale::of(Lang::En), &Page);
        Resolved {
            question: config.question.to_string(),
            labels: config.labels.map(String::from),
            endpoint: config.endpoint,
            with_comment: config.with_comment,
            compact: config.compact,
            remember_per_page: config.remember_per_page,
            remember_days: config.remember_days,
        }
    }

    /// A [`FeedbackConfig`] that owns its texts.
    struct Resolved {
        endpoint: Option<String>,
        question: String,
        labels: [String; 5],
        with_comment: bool,
        compact: bool,
        remember_per_page: bool,
        remember_days: u32,
    }

    fn settings() -> FeedbackSettings {
        let mut settings = FeedbackSettings {
            endpoint: Some("https://collector.test/from-feed".into()),
            comment: Some(true),
            ..FeedbackSettings::default()
        };
        settings.question.insert("en", "Useful?".into());
        settings.question.insert("fr", "Utile ?".into());
        settings
            .labels
            .insert("en", ["1", "2", "3", "4", "5"].map(String::from));
        settings
    }

    #[test]
    fn the_defaults() {
        let config = resolve(&[], None);
        assert_eq!(config.endpoint, None);
        assert_eq!(
            config.question,
            "Overall, how satisfied are you with the website?"
        );
        assert_eq!(config.labels[0], "Extremely dissatisfied");
        assert_eq!(config.labels[4], "Extremely satisfied");
        assert!(!config.with_comment && !config.compact && !config.remember_per_page);
        assert_eq!(config.remember_days, remember::DEFAULT_DAYS);
    }

    #[test]
    fn the_feed_beats_the_defaults() {
        let config = resolve(&[], Some(&settings()));
        assert_eq!(
            config.endpoint.as_deref(),
            Some("https://collector.test/from-feed")
        );
        assert_eq!(config.question, "Useful?");
        assert_eq!(config.labels, ["1", "2", "3", "4", "5"].map(String::from));
        assert!(config.with_comment);
    }

    #[test]
    fn attributes_beat_the_feed() {
        let config = resolve(
            &[
                ("endpoint", "/api/feedback"),
                ("question", "Was this useful?"),
                ("comment", "false"),
            ],
            Some(&settings()),
        );
        assert_eq!(
            config.endpoint.as_deref(),
            Some("https://site.test/api/feedback"),
            "relative to the page"
        );
        assert_eq!(config.question, "Was this useful?");
        assert!(!config.with_comment);
        assert_eq!(
            config.labels[0], "1",
            "labels have no attribute: the feed's"
        );
    }

    #[test]
    fn the_feed_speaks_the_widgets_language_or_not_at_all() {
        let settings = settings();
        let none = options(&[]);
        let french = FeedbackConfig::resolve(&none, Some(&settings), &Locale::of(Lang::Fr), &Page);
        assert_eq!(french.question, "Utile ?");
        assert_eq!(
            french.labels[0], "Pas du tout satisfait",
            "no French labels in the feed: the built-in ones"
        );
        let arabic = FeedbackConfig::resolve(&none, Some(&settings), &Locale::of(Lang::Ar), &Page);
        assert_eq!(
            arabic.question,
            "بشكل عام، ما مدى رضاك عن الموقع الإلكتروني؟"
        );
    }

    #[test]
    fn an_endpoint_that_is_not_http_is_none_and_blank_options_are_absent() {
        assert_eq!(
            resolve(&[("endpoint", "javascript:alert(1)")], None).endpoint,
            None
        );
        assert_eq!(
            resolve(&[("endpoint", "javascript:alert(1)")], Some(&settings()))
                .endpoint
                .as_deref(),
            Some("https://collector.test/from-feed"),
            "an unusable attribute counts as absent"
        );
        let blank = resolve(&[("endpoint", " "), ("question", "")], Some(&settings()));
        assert_eq!(
            blank.endpoint.as_deref(),
            Some("https://collector.test/from-feed")
        );
        assert_eq!(blank.question, "Useful?");
    }

    #[test]
    fn flags_and_remembering() {
        let config = resolve(
            &[
                ("compact", ""),
                ("comment", "yes"),
                ("remember-scope", "page"),
                ("remember-days", "0"),
            ],
            None,
        );
        assert!(config.compact && config.with_comment && config.remember_per_page);
        assert_eq!(config.remember_days, 0);
        let odd = resolve(
            &[
                ("compact", "maybe"),
                ("remember-scope", "site"),
                ("remember-days", "4000"),
            ],
            Some(&settings()),
        );
        assert!(!odd.compact && !odd.remember_per_page);
        assert!(odd.with_comment, "no comment attribute: the feed's");
        assert_eq!(odd.remember_days, remember::DEFAULT_DAYS, "out of range");
    }
}
