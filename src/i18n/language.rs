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
            Lang::Ar => &super::built_in::AR,
            Lang::En => &super::built_in::EN,
            Lang::Fr => &super::built_in::FR,
        }
    }
}

/// Where a widget's language (that of its own texts: buttons, questions, positions, messages)
/// can come from, strongest first. They speak to the reader of the page, so the page's
/// language beats the feed's, which describes the news (each item's content keeps its own).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LanguageSources {
    /// The widget's own `lang` (or `data-lang`) attribute.
    pub widget: Option<String>,
    /// The page's `<html lang>` as it was before any machine translation started.
    pub page: Option<String>,
    /// The feed's `language`.
    pub feed: Option<String>,
    /// `navigator.languages`, in the reader's order of preference.
    pub browser: Vec<String>,
}

impl LanguageSources {
    /// The first source naming a supported language, with its region (`ar-EG` keeps `EG`, so
    /// `Intl` writes the digits Egypt uses); English when none does.
    pub fn resolve(&self) -> Locale {
        [&self.widget, &self.page, &self.feed]
            .into_iter()
            .flatten()
            .chain(self.browser.iter())
            .find_map(|tag| Locale::from_tag(tag))
            .unwrap_or_else(|| Locale::of(Lang::En))
    }
}

/// A supported language and the tag to give `Intl` and the `lang` attribute: the language
/// with the script and region the page asked for, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locale {
    lang: Lang,
    tag: String,
}

impl Locale {
    /// The bare language.
    pub fn of(lang: Lang) -> Self {
        Self {
            lang,
            tag: lang.tag().to_string(),
        }
    }

    /// The locale of a BCP 47 tag when its language is supported. Only a script (`Arab`) and a
    /// region (`EG`, `419`) are kept, each only when well formed, so the tag handed to `Intl`
    /// can never make it throw.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let lang = Lang::from_tag(tag)?;
        let mut canonical = lang.tag().to_string();
        // The subtag after the language, then the one after the script if there is one (by
        // hand: `Peekable::next_if` brings code of its own for these two looks).
        let mut subtags = tag.trim().split(['-', '_']).skip(1);
        let mut next = subtags.next();
        if let Some(script) =
            next.filter(|s| s.len() == 4 && s.chars().all(|c| c.is_ascii_alphabetic()))
        {
            canonical.push('-');
            canonical.push_str(&script[..1].to_ascii_uppercase());
            canonical.push_str(&script[1..].to_ascii_lowercase());
            next = subtags.next();
        }
        if let Some(region) = next.filter(|s| {
            (s.len() == 2 && s.chars().all(|c| c.is_ascii_alphabetic()))
                || (s.len() == 3 && s.chars().all(|c| c.is_ascii_digit()))
        }) {
            canonical.push('-');
            canonical.push_str(&region.to_ascii_uppercase());
        }
        Some(Self {
            lang,
            tag: canonical,
        })
    }

    /// The supported language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The tag, such as `ar-EG` or `fr`.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// The writing direction.
    pub fn direction(&self) -> Direction {
        self.lang.direction()
    }

    /// The built-in texts.
    pub fn catalog(&self) -> &'static Catalog {
        self.lang.catalog()
    }
}
