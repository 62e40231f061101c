//! When the disclaimer shows, in which words, and how long a dismissal lasts: pure rules, tested
//! natively.

use crate::i18n::Lang;

/// Where a dismissal is remembered (`platform::storage` adds its namespace).
pub const DISMISSAL_KEY: &str = "disclaimer:dismissed";

/// Days a dismissal lasts when the `remember-days` option does not say.
pub const DEFAULT_REMEMBER_DAYS: u32 = 30;

const DAY_MS: f64 = 86_400_000.0;

/// The banner's inputs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DisclaimerState {
    /// A translator is rewriting the page.
    pub translated: bool,
    /// The reader closed the banner.
    pub dismissed: bool,
}

impl DisclaimerState {
    /// Whether the banner is on screen.
    pub fn visible(self) -> bool {
        self.translated && !self.dismissed
    }
}

/// Where the disclaimer banner sits: in the page's flow, or a bar that sticks to the top or
/// bottom of the viewport (sticky, so it keeps its place in the flow and covers nothing).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum BannerPosition {
    /// Where the element is, scrolling with the page.
    #[default]
    Inline,
    /// Sticks to the top of the viewport once scrolled to.
    Top,
    /// Sticks to the bottom of the viewport until scrolled past.
    Bottom,
}

impl BannerPosition {
    /// Reads `inline`, `top` or `bottom`; anything else is `None`.
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "inline" => Some(Self::Inline),
            "top" => Some(Self::Top),
            "bottom" => Some(Self::Bottom),
            _ => None,
        }
    }
}

/// Where the banner sits: the `position` option (attribute or `data-position`) when it names a
/// position, else the feed's `_widgets.disclaimer.position` when it does, else inline.
pub fn position(option: Option<&str>, feed: Option<&str>) -> BannerPosition {
    option
        .and_then(BannerPosition::parse)
        .or_else(|| feed.and_then(BannerPosition::parse))
        .unwrap_or_default()
}

/// The language the banner speaks, and whether that is our own vetted text (then marked not to
/// be translated) or a sentence the translator may translate.
///
/// A target language we have a catalog for gets our own words in that language: a machine
/// translation of a legal sentence is exactly what the sentence warns about. Any other (or an
/// unknown) target gets the sentence in the widget's language, left to the translator.
pub fn wording(target: Option<&str>, widget: Lang) -> (Lang, bool) {
    match target.and_then(Lang::from_tag) {
        Some(lang) => (lang, true),
        None => (widget, false),
    }
}

/// The stored value for a dismissal of disclaimer `version` that lasts until `until_ms`
/// (milliseconds since the epoch): `<version>:<until>`, two whole numbers, so reading it back
/// needs no JSON parser.
pub fn dismissal_record(version: u32, until_ms: f64) -> String {
    format!("{version}:{}", until_ms.max(0.0) as u64)
}

/// When a dismissal made at `now_ms` for `days` ends.
pub fn dismissal_end(now_ms: f64, days: u32) -> f64 {
    now_ms + f64::from(days) * DAY_MS
}

/// Whether `stored` (a [`dismissal_record`]) still hides disclaimer `version` at `now_ms`: it
/// has not expired and was made for this version or a later one. Anything unreadable does not.
pub fn still_dismissed(stored: Option<&str>, version: u32, now_ms: f64) -> bool {
    let Some((seen, until)) = stored.and_then(|text| text.trim().split_once(':')) else {
        return false;
    };
    match (seen.parse::<u32>(), until.parse::<u64>()) {
        (Ok(seen), Ok(until)) => seen >= version && until as f64 > now_ms,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_only_while_translated_and_not_dismissed() {
        let state = |translated, dismissed| DisclaimerState {
            translated,
            dismissed,
        };
        assert!(!state(false, false).visible());
        assert!(state(true, false).visible());
        assert!(!state(true, true).visible());
        assert!(!state(false, true).visible());
    }

    #[test]
    fn a_target_we_speak_gets_our_own_words() {
        assert_eq!(wording(Some("ar"), Lang::En), (Lang::Ar, true));
        assert_eq!(wording(Some("fr-CA"), Lang::En), (Lang::Fr, true));
        assert_eq!(wording(Some("en"), Lang::Ar), (Lang::En, true));
        assert_eq!(wording(Some("de"), Lang::Fr), (Lang::Fr, false));
        assert_eq!(wording(None, Lang::Ar), (Lang::Ar, false));
    }

    #[test]
    fn a_dismissal_lasts_its_days_for_its_version() {
        let now = 1_700_000_000_000.0;
        let record = dismissal_record(2, dismissal_end(now, 30));
        assert_eq!(record, "2:1702592000000");
        assert!(still_dismissed(Some(&record), 2, now));
        assert!(still_dismissed(Some(&record), 1, now), "an older version");
        assert!(!still_dismissed(Some(&record), 3, now), "a newer version");
        assert!(still_dismissed(Some(&record), 2, dismissal_end(now, 29)));
        assert!(!still_dismissed(Some(&record), 2, dismissal_end(now, 30)));
    }

    #[test]
    fn an_unreadable_dismissal_does_not_hide() {
        for stored in [
            None,
            Some(""),
            Some("yes"),
            Some("{}"),
            Some(r#"{"version":"1"}"#),
        ] {
            assert!(!still_dismissed(stored, 0, 0.0), "{stored:?}");
        }
    }

    #[test]
    fn the_position_option_beats_the_feed_which_beats_inline() {
        use BannerPosition::{Bottom, Inline, Top};
        assert_eq!(position(None, None), Inline);
        assert_eq!(position(None, Some("bottom")), Bottom);
        assert_eq!(position(Some("top"), Some("bottom")), Top);
        assert_eq!(position(Some("bottom"), None), Bottom);
        assert_eq!(position(Some("inline"), Some("top")), Inline);
        // A value we do not know is no value: the feed's still counts, and a wrong one in the
        // feed leaves the banner inline.
        assert_eq!(position(Some("fixed"), Some("top")), Top);
        assert_eq!(position(None, Some("sticky")), Inline);
        assert_eq!(position(Some(""), None), Inline);
    }
}
