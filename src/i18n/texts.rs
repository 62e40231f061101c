//! The texts of one language, and filling their placeholders.

pub use super::carousel_texts::CarouselTexts;
pub use super::disclaimer_texts::DisclaimerTexts;
pub use super::feedback_texts::FeedbackTexts;

/// Every user-visible text of the widgets in one language, one part per widget.
///
/// Placeholders are written `{name}` and filled with [`fill`].
#[derive(Debug)]
pub struct Catalog {
    /// Shown while a feed loads.
    pub loading: &'static str,
    /// The news carousel.
    pub carousel: CarouselTexts,
    /// The feedback widget.
    pub feedback: FeedbackTexts,
    /// The disclaimer banner.
    pub disclaimer: DisclaimerTexts,
}
/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            let mut placeholder = String::from("{");
            placeholder.push_str(name);
            placeholder.push('}');
            crate::strings::replace(&text, &placeholder, value)
        })
}
