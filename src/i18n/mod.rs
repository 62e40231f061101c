//! The languages the widgets speak, their texts, and which one a widget uses.
//!
//! Pure Rust: the browser only supplies the candidate language tags.

mod carousel_texts;
mod catalog;
mod catalogs;
mod disclaimer_texts;
mod feedback_texts;
mod language;

pub use catalog::{fill, CarouselTexts, Catalog, DisclaimerTexts, FeedbackTexts};
pub use language::{Direction, Lang, LanguageSources, Locale};

#[cfg(test)]
mod tests;
