//! The short messages a widget shows in its own place instead of its content.

use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes};

use super::vdom::element;

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
    // One element built by hand, its class a literal chosen here: an expression in `html!`'s
    // `class` would cost Yew's `Classes` set, and an `html!` per variant builds it twice.
    let class = if tone == Tone::Error {
        "fw-status fw-status--error"
    } else {
        "fw-status"
    };
    let attributes = Attributes::Dynamic {
        keys: &["role", "lang", "dir", "aria-busy", "class"],
        values: Box::new([
            Some(AttributeOrProperty::Static("status")),
            Some(AttributeOrProperty::Attribute(
                lang.tag().to_string().into(),
            )),
            Some(AttributeOrProperty::Static(lang.direction().as_str())),
            (tone == Tone::Busy).then_some(AttributeOrProperty::Static("true")),
            Some(AttributeOrProperty::Static(class)),
        ]),
    };
    element("p", attributes, html! { { text } })
}
