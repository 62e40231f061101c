//! The browser behind small functions: fetching, the page, translation signals, dates, events.
//!
//! Every call that JavaScript could make throw goes through a `catch` binding or a `Result`, so a
//! hostile or odd host page cannot unwind through the widgets.

pub mod console;
pub mod events;
pub mod feed_cache;
pub mod fetch;
pub mod frame;
pub mod intl;
pub mod page;
pub mod random;
pub mod storage;
pub mod task;
pub mod timer;
pub mod translation;
pub mod url;
