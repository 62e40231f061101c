//! Icons drawn by the stylesheet (borders of empty spans): no SVG or font to load, they follow
//! `currentColor` (and so forced-colors mode), and directional ones mirror in RTL. Hidden from
//! assistive technology: the buttons carry the names.
//!
//! Each is made by [`element`] with `html!`'s attributes in its order (class last), not by
//! `html!` inline (size).

use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes};

use super::vdom::{element, Fixed};

/// A chevron pointing to the inline end (right in LTR, left in RTL).
pub fn chevron_next() -> Html {
    icon(&[
        ("aria-hidden", AttributeOrProperty::Static("true")),
        (
            "class",
            AttributeOrProperty::Static("fw-icon fw-icon--chevron fw-icon--directional"),
        ),
    ])
}

/// A chevron pointing to the inline start (left in LTR, right in RTL).
pub fn chevron_previous() -> Html {
    icon(&[
        ("aria-hidden", AttributeOrProperty::Static("true")),
        (
            "class",
            AttributeOrProperty::Static(
                "fw-icon fw-icon--chevron fw-icon--previous fw-icon--directional",
            ),
        ),
    ])
}

/// A cross, for closing.
pub fn close() -> Html {
    icon(&[
        ("aria-hidden", AttributeOrProperty::Static("true")),
        (
            "class",
            AttributeOrProperty::Static("fw-icon fw-icon--close"),
        ),
    ])
}

/// An empty `<span>` with `attributes`.
fn icon(attributes: Fixed) -> Html {
    element("span", Attributes::Static(attributes), Html::default())
}
