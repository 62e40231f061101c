//! Icons drawn by the stylesheet (borders of empty spans): no SVG or font to load, they follow
//! `currentColor` (and so forced-colors mode), and directional ones mirror in RTL. Hidden from
//! assistive technology: the buttons carry the names.

use yew::prelude::*;

/// A chevron pointing to the inline end (right in LTR, left in RTL).
pub fn chevron_next() -> Html {
    html! { <span class="fw-icon fw-icon--chevron fw-icon--directional" aria-hidden="true"></span> }
}

/// A chevron pointing to the inline start (left in LTR, right in RTL).
pub fn chevron_previous() -> Html {
    html! { <span class="fw-icon fw-icon--chevron fw-icon--previous fw-icon--directional" aria-hidden="true"></span> }
}

/// A cross, for closing.
pub fn close() -> Html {
    html! { <span class="fw-icon fw-icon--close" aria-hidden="true"></span> }
}
