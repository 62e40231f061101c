//! The texts of one language, and filling their placeholders.

/// Every user-visible text of the widgets in one language.
///
/// Placeholders are written `{name}` and filled with [`fill`].
#[derive(Debug)]
pub struct Catalog {
    /// Shown while a feed loads.
    pub loading: &'static str,

    /// Accessible name of the news carousel region (must not contain the word "carousel").
    pub carousel_label: &'static str,
    /// `aria-roledescription` of the carousel.
    pub carousel_roledescription: &'static str,
    /// `aria-roledescription` of a slide.
    pub slide_roledescription: &'static str,
    /// Name of a slide: `{n}` of `{total}`.
    pub slide_position: &'static str,
    /// Name of the previous-slide button.
    pub previous_slide: &'static str,
    /// Name of the next-slide button.
    pub next_slide: &'static str,
    /// Shown when the feed has no news.
    pub no_news: &'static str,
    /// Shown when the news feed cannot be used.
    pub news_failed: &'static str,

    /// The default feedback question.
    pub feedback_question: &'static str,
    /// The five default answers, worst to best.
    pub feedback_labels: [&'static str; 5],
    /// The submit button.
    pub submit: &'static str,
    /// The submit button while a rating is being sent.
    pub sending: &'static str,
    /// Asked when submit is pressed with no choice made.
    pub choose_rating: &'static str,
    /// Shown when a rating could not be sent.
    pub send_failed: &'static str,
    /// The button that sends again.
    pub retry: &'static str,
    /// The thank-you heading.
    pub thanks: &'static str,
    /// Shown when the feedback widget has nowhere to send ratings.
    pub feedback_unavailable: &'static str,

    /// Accessible name of the disclaimer region.
    pub disclaimer_label: &'static str,
    /// The disclaimer naming the organisation `{org}`.
    pub disclaimer_with_org: &'static str,
    /// The disclaimer when no organisation is known.
    pub disclaimer_without_org: &'static str,
    /// Name of the dismiss button.
    pub dismiss_disclaimer: &'static str,
}

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}
