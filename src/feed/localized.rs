//! Values given per language, and picking the one for a widget's language.

/// A value per language tag, as the feed gives it.
///
/// A value given without a language (a plain string rather than an object) is stored under the
/// feed's language, or under the empty tag that matches any language when the feed has none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Localized<T> {
    entries: Vec<(String, T)>,
}

/// Text per language.
pub type LocalizedText = Localized<String>;

impl<T> Default for Localized<T> {
    fn default() -> Self {
        Self {
            entries: Vec::new(),
        }
    }
}

impl<T> Localized<T> {
    /// Adds a value for a language tag (empty tag: any language).
    pub fn insert(&mut self, tag: &str, value: T) {
        self.entries.push((tag.to_ascii_lowercase(), value));
    }

    /// Whether no language has a value.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The value for `tag`: the exact tag, else the bare primary language (`ar` for `ar-MA`),
    /// else another variant of it, else a value given for any language.
    pub fn get(&self, tag: &str) -> Option<&T> {
        let tag = tag.to_ascii_lowercase();
        let primary = primary_subtag(&tag);
        self.entries
            .iter()
            .find(|(t, _)| *t == tag)
            .or_else(|| self.entries.iter().find(|(t, _)| t == primary))
            .or_else(|| {
                self.entries
                    .iter()
                    .find(|(t, _)| primary_subtag(t) == primary)
            })
            .or_else(|| self.entries.iter().find(|(t, _)| t.is_empty()))
            .map(|(_, value)| value)
    }
}

/// The primary language subtag, lowercase input assumed: `ar` for `ar-ma`. By the widgets'
/// own subtag reader: a `split(['-', '_'])` here would be its searcher's code again (size).
pub(crate) fn primary_subtag(tag: &str) -> &str {
    crate::i18n::first_subtag(tag).0
}
