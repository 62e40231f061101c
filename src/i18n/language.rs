//! Supported languages and the order in which a widget's language is chosen.

use super::Catalog;
use crate::strings::cut;

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
        let (primary, _) = first_subtag(tag.trim());
        // Compared in place, not lower-cased into a new string first; by a loop over a slice,
        // not the array's `IntoIter` (size).
        for lang in &Lang::ALL {
            if primary.eq_ignore_ascii_case(lang.tag()) {
                return Some(*lang);
            }
        }
        None
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

/// `tag`'s first subtag and what follows its separator (`-` or `_`; empty when there is
/// none), by `strings::cut`: each `split(['-', '_'])` is its searcher's code again (size).
pub fn first_subtag(tag: &str) -> (&str, &str) {
    let (first, rest) = cut(tag, b"-_");
    (first, rest.unwrap_or_default())
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
        // Loops, not a `flatten`, `chain` and `find_map` chain: generic code of its own (size).
        for tag in [&self.widget, &self.page, &self.feed] {
            if let Some(locale) = tag.as_deref().and_then(Locale::from_tag) {
                return locale;
            }
        }
        for tag in &self.browser {
            if let Some(locale) = Locale::from_tag(tag) {
                return locale;
            }
        }
        Locale::of(Lang::En)
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
        // The subtag after the language, then the one after the script if there is one, each
        // cased byte by byte (by hand: `split`, `Peekable::next_if` and `to_ascii_uppercase`
        // copies bring code of their own).
        let (_, mut rest) = first_subtag(tag.trim());
        // The script may come first, then the region: one loop for both, so the casing is
        // compiled once (size).
        let mut script_allowed = true;
        loop {
            let (next, after) = first_subtag(rest);
            let letters = next.bytes().all(|b| b.is_ascii_alphabetic());
            let script = script_allowed && next.len() == 4 && letters;
            let region = (next.len() == 2 && letters)
                || (next.len() == 3 && next.bytes().all(|b| b.is_ascii_digit()));
            if !script && !region {
                break;
            }
            canonical.push('-');
            // A script's first letter upper case, the rest lower; a region all upper case.
            let mut first = true;
            for b in next.bytes() {
                let b = if first || region {
                    b.to_ascii_uppercase()
                } else {
                    b.to_ascii_lowercase()
                };
                canonical.push(char::from(b));
                first = false;
            }
            if region {
                break;
            }
            (script_allowed, rest) = (false, after);
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
