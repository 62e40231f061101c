//! The languages the widgets speak, their texts, and which one a widget uses.
//!
//! Pure Rust: the browser only supplies the candidate language tags.

mod built_in;
mod carousel_texts;
mod disclaimer_texts;
mod feedback_texts;
mod language;
mod texts;

pub use language::{first_subtag, Direction, Lang, LanguageSources, Locale};
pub use texts::{fill, CarouselTexts, Catalog, DisclaimerTexts, FeedbackTexts};

#[cfg(test)]
mod tests;
