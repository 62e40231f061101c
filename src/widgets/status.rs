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
    let (tag, dir) = (lang.tag().to_string(), lang.direction().as_str());
    let busy = (tone == Tone::Busy).then_some("true");
    // Each a literal `class`: an expression there would cost Yew's `Classes` set.
    if tone == Tone::Error {
        html! {
            <p class="fw-status fw-status--error" role="status" lang={tag} {dir} aria-busy={busy}>
                { text }
            </p>
        }
    } else {
        html! { <p class="fw-status" role="status" lang={tag} {dir} aria-busy={busy}>{ text }</p> }
    }
}
