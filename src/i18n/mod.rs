//! The languages the widgets speak, their texts, and which one a widget uses.
//!
//! Pure Rust: the browser only supplies the candidate language tags.

mod catalog;
mod catalogs;
mod language;

pub use catalog::{fill, Catalog};
pub use language::{Direction, Lang, LanguageSources, Locale};

#[cfg(test)]
mod tests;
