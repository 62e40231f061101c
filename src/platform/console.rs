//! Messages for the site's developers, prefixed so they can be filtered.

use crate::strings::concat;

/// Logs an error that a widget shows to the reader as a short message.
pub fn error(message: &str) {
    web_sys::console::error_1(&concat(&["FeedWidgets: ", message]).into());
}

/// Logs something that was repaired or dropped but did not stop the widget.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&concat(&["FeedWidgets: ", message]).into());
}
