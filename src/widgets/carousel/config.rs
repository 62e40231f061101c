//! The carousel's options, resolved once per render from the page's attributes and the feed's
//! `_widgets.carousel` settings: attribute first, then feed, then the built-in default. Pure,
//! so every rule and bound is tested natively.

use super::super::WidgetOptions;
use crate::feed::{CarouselSettings, LocalizedText};

/// Slides shown when neither the page nor the feed says.
pub const DEFAULT_MAX_ITEMS: usize = 20;
/// Time per slide while rotating, when neither the page nor the feed says.
pub const DEFAULT_INTERVAL_MS: u32 = 6_000;
/// Faster rotation than this cannot be read (WCAG 2.2.2 asks for control, readers for time).
pub const MIN_INTERVAL_MS: u32 = 2_000;
/// Most slides side by side (`per-view`); the stylesheet has a layout for each count.
pub const MAX_PER_VIEW: usize = 4;

/// What one carousel does, as the page and its feed asked.
#[derive(Debug, Clone, PartialEq)]
pub struct CarouselConfig<'a> {
    /// Most slides shown (`max-items`, feed `max_items`; 20).
    pub max_items: usize,
    /// Whether next on the last slide goes to the first (`loop`; on).
    pub wrap: bool,
    /// Whether slides rotate on their own (`autoplay`, feed `autoplay`; off).
    pub autoplay: bool,
    /// Time per slide while rotating (`interval`, feed `interval`; 6 s, at least 2 s).
    pub interval_ms: u32,
    /// The level of the slide titles' headings (`heading-level`, 2 to 6; 3).
    pub heading_level: u32,
    /// Most slides side by side, as the width allows (`per-view`, feed `per_view`; 1, at most 4).
    pub per_view: usize,
    /// Whether slides show their summary (`summary`; on).
    pub show_summary: bool,
    /// How often the feed is fetched again (`refresh`, in seconds, 2 s to a day; never).
    pub refresh_ms: Option<u32>,
    /// Where the carousel's accessible name comes from (`label`, feed `label`; built in).
    pub label: Label<'a>,
}

/// The source of the carousel's accessible name, resolved in the widget's language by
/// [`Label::text`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Label<'a> {
    /// The page's `label` attribute.
    Page(&'a str),
    /// The feed's names per language; the built-in one for a language it does not name.
    Feed(&'a LocalizedText),
    /// The built-in name.
    BuiltIn,
}

impl Label<'_> {
    /// The name in the language `tag`, `built_in` when neither the page nor the feed gives one.
    pub fn text(self, tag: &str, built_in: &str) -> String {
        match self {
            Self::Page(label) => label,
            Self::Feed(labels) => labels.get(tag).map_or(built_in, String::as_str),
            Self::BuiltIn => built_in,
        }
        .to_string()
    }
}

impl<'a> CarouselConfig<'a> {
    /// The options of a carousel with the page's `options` and the feed's `settings` (none
    /// while the feed is loading, or when it has no `_widgets.carousel`). Values out of range
    /// count as absent, so the next source applies.
    pub fn resolve(options: &'a WidgetOptions, settings: Option<&'a CarouselSettings>) -> Self {
        let max_items = options
            .number("max-items", 1..=10_000)
            .map(|n| n as usize)
            .or(settings.and_then(|s| s.max_items))
            .unwrap_or(DEFAULT_MAX_ITEMS);
        let autoplay = options
            .flag("autoplay")
            .or(settings.and_then(|s| s.autoplay))
            .unwrap_or(false);
        let interval_ms = options
            .number("interval", MIN_INTERVAL_MS..=600_000)
            .or(settings
                .and_then(|s| s.interval_ms)
                .filter(|&ms| ms >= MIN_INTERVAL_MS))
            .unwrap_or(DEFAULT_INTERVAL_MS);
        let per_view = options
            .number("per-view", 1..=MAX_PER_VIEW as u32)
            .map(|n| n as usize)
            .or(settings.and_then(|s| s.per_view))
            .unwrap_or(1)
            .min(MAX_PER_VIEW);
        let label = match (options.text("label"), settings) {
            (Some(label), _) => Label::Page(label),
            (None, Some(settings)) => Label::Feed(&settings.label),
            (None, None) => Label::BuiltIn,
        };
        Self {
            max_items,
            wrap: options.flag("loop").unwrap_or(true),
            autoplay,
            interval_ms,
            heading_level: options.number("heading-level", 2..=6).unwrap_or(3),
            per_view,
            show_summary: options.flag("summary").unwrap_or(true),
            refresh_ms: options.number("refresh", 2..=86_400).map(|s| s * 1_000),
            label,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(pairs: &[(&str, &str)]) -> WidgetOptions {
        let mut options = WidgetOptions::default();
        for (name, value) in pairs {
            options.insert(name, *value);
        }
        options
    }

    fn settings() -> CarouselSettings {
        let mut label = LocalizedText::default();
        label.insert("fr", "Dernières nouvelles".to_string());
        CarouselSettings {
            label,
            autoplay: Some(true),
            interval_ms: Some(3_000),
            max_items: Some(7),
            per_view: Some(2),
        }
    }

    #[test]
    fn defaults_without_attributes_or_feed() {
        let none = options(&[]);
        let config = CarouselConfig::resolve(&none, None);
        assert_eq!(
            config,
            CarouselConfig {
                max_items: 20,
                wrap: true,
                autoplay: false,
                interval_ms: 6_000,
                heading_level: 3,
                per_view: 1,
                show_summary: true,
                refresh_ms: None,
                label: Label::BuiltIn,
            }
        );
        assert_eq!(config.label.text("en", "News"), "News");
    }

    #[test]
    fn the_feed_beats_the_defaults() {
        let none = options(&[]);
        let settings = settings();
        let config = CarouselConfig::resolve(&none, Some(&settings));
        assert_eq!(config.max_items, 7);
        assert!(config.autoplay);
        assert_eq!(config.interval_ms, 3_000);
        assert_eq!(config.per_view, 2);
        assert_eq!(
            config.label.text("fr-CA", "Actualités"),
            "Dernières nouvelles"
        );
        assert_eq!(
            config.label.text("en", "News"),
            "News",
            "a language the feed does not name gets the built-in name"
        );
    }

    #[test]
    fn attributes_beat_the_feed() {
        let page = options(&[
            ("max-items", "2"),
            ("autoplay", "false"),
            ("interval", "9000"),
            ("per-view", "3"),
            ("label", " Latest "),
        ]);
        let settings = settings();
        let config = CarouselConfig::resolve(&page, Some(&settings));
        assert_eq!(config.max_items, 2);
        assert!(!config.autoplay);
        assert_eq!(config.interval_ms, 9_000);
        assert_eq!(config.per_view, 3);
        assert_eq!(config.label.text("fr", "Actualités"), "Latest");
    }

    #[test]
    fn attribute_only_options() {
        let page = options(&[
            ("loop", "off"),
            ("heading-level", "2"),
            ("summary", "no"),
            ("refresh", "60"),
        ]);
        let config = CarouselConfig::resolve(&page, None);
        assert!(!config.wrap);
        assert_eq!(config.heading_level, 2);
        assert!(!config.show_summary);
        assert_eq!(config.refresh_ms, Some(60_000));
        let flags = options(&[("loop", ""), ("summary", "")]);
        let config = CarouselConfig::resolve(&flags, None);
        assert!(config.wrap && config.show_summary, "a bare attribute is on");
    }

    #[test]
    fn values_out_of_range_fall_through_to_the_next_source() {
        let page = options(&[
            ("max-items", "0"),
            ("interval", "1999"),
            ("per-view", "5"),
            ("heading-level", "1"),
            ("refresh", "1"),
            ("autoplay", "maybe"),
            ("label", "  "),
        ]);
        let settings = settings();
        let config = CarouselConfig::resolve(&page, Some(&settings));
        assert_eq!(config.max_items, 7);
        assert_eq!(config.interval_ms, 3_000);
        assert_eq!(config.per_view, 2);
        assert_eq!(config.heading_level, 3);
        assert_eq!(config.refresh_ms, None);
        assert!(config.autoplay, "an unreadable flag is absent");
        assert_eq!(config.label, Label::Feed(&settings.label));

        let upper = options(&[
            ("max-items", "10001"),
            ("interval", "600001"),
            ("heading-level", "7"),
            ("refresh", "86401"),
        ]);
        let config = CarouselConfig::resolve(&upper, None);
        assert_eq!(config.max_items, 20);
        assert_eq!(config.interval_ms, 6_000);
        assert_eq!(config.heading_level, 3);
        assert_eq!(config.refresh_ms, None);
        let highest = options(&[
            ("max-items", "10000"),
            ("interval", "600000"),
            ("heading-level", "6"),
            ("refresh", "86400"),
            ("per-view", "4"),
        ]);
        let config = CarouselConfig::resolve(&highest, None);
        assert_eq!(config.max_items, 10_000);
        assert_eq!(config.interval_ms, 600_000);
        assert_eq!(config.heading_level, 6);
        assert_eq!(config.refresh_ms, Some(86_400_000));
        assert_eq!(config.per_view, 4);
    }

    #[test]
    fn feed_values_have_their_own_bounds() {
        let none = options(&[]);
        let fast = CarouselSettings {
            interval_ms: Some(500),
            per_view: Some(9),
            ..CarouselSettings::default()
        };
        let config = CarouselConfig::resolve(&none, Some(&fast));
        assert_eq!(config.interval_ms, 6_000, "too fast to read: the default");
        assert_eq!(config.per_view, 4, "capped at the layouts there are");
        assert_eq!(
            config.label.text("en", "News"),
            "News",
            "a feed without names"
        );
    }
}
