//! The short messages a widget shows in its own place instead of its content.

use yew::prelude::*;

use crate::i18n::Locale;

/// What kind of message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Neutral information (nothing to show).
    Info,
    /// Waiting for the feed (`aria-busy`).
    Busy,
    /// A failure, styled as one.
    Error,
}

/// A one-line message in the widget's language, in a `status` role so it is announced.
pub fn status(text: &'static str, lang: &Locale, tone: Tone) -> Html {
    let class = if tone == Tone::Error {
        "fw-status fw-status--error"
    } else {
        "fw-status"
    };
    html! {
        <p {class} role="status" lang={lang.tag().to_string()} dir={lang.direction().as_str()}
           aria-busy={(tone == Tone::Busy).then_some("true")}>
            { text }
        </p>
    }
}
