//! Supported languages and the order in which a widget's language is chosen.

use super::Catalog;

/// A language with a built-in catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Arabic, written right to left.
    Ar,
    /// English.
    En,
    /// French.
    Fr,
}

/// Writing direction, as the `dir` attribute spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

impl Direction {
    /// The `dir` attribute value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ltr => "ltr",
            Self::Rtl => "rtl",
        }
    }
}

impl Lang {
    /// Every supported language.
    pub const ALL: [Lang; 3] = [Lang::Ar, Lang::En, Lang::Fr];

    /// The supported language of a BCP 47 tag, by its primary subtag (`ar-MA` is Arabic).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "ar" => Some(Lang::Ar),
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }

    /// The language tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The writing direction of the language.
    pub fn direction(self) -> Direction {
        match self {
            Lang::Ar => Direction::Rtl,
            Lang::En | Lang::Fr => Direction::Ltr,
        }
    }

    /// The built-in texts.
    pub fn catalog(self) -> &'static Catalog {
        match self {
            Lang::Ar => &super::catalogs::AR,
            Lang::En => &super::catalogs::EN,
            Lang::Fr => &super::catalogs::FR,
        }
    }
}

/// Where a widget's language can come from, strongest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LanguageSources {
    /// The widget's own `lang` (or `data-lang`) attribute.
    pub widget: Option<String>,
    /// The feed's `language`.
    pub feed: Option<String>,
    /// The page's `<html lang>` as it was before any machine translation started.
    pub page: Option<String>,
    /// `navigator.languages`, in the reader's order of preference.
    pub browser: Vec<String>,
}

impl LanguageSources {
    /// The first source naming a supported language; English when none does.
    pub fn resolve(&self) -> Lang {
        [&self.widget, &self.feed, &self.page]
            .into_iter()
            .flatten()
            .chain(self.browser.iter())
            .find_map(|tag| Lang::from_tag(tag))
            .unwrap_or(Lang::En)
    }
}
