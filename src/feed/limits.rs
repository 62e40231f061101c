//! Bounds on what a feed may make the widgets hold, so a hostile or broken feed cannot exhaust a
//! cheap phone.

/// Largest feed document read, in bytes (16 MiB): 10,000 items as news sites publish them
/// (a 300-character summary, an image, two dates, a title, a link and an id) take about 680
/// bytes each in English and 1,060 in Arabic (two bytes a letter), 6.8 and 10.6 MB in all
/// (`bench/feed.mjs`). The text does not stay in Wasm memory once read.
pub const MAX_FEED_BYTES: usize = 16 * 1024 * 1024;
/// Most news items kept; beyond it the newest are kept.
pub const MAX_ITEMS: usize = 10_000;
/// Longest title, in characters, before it is cut with an ellipsis.
pub const MAX_TITLE_CHARS: usize = 300;
/// Longest summary, in characters, before it is cut with an ellipsis.
pub const MAX_SUMMARY_CHARS: usize = 4_000;
/// Longest short setting text (organisation name, question, label), in characters.
pub const MAX_SETTING_CHARS: usize = 500;
/// Longest URL kept, in bytes.
pub const MAX_URL_BYTES: usize = 2_048;
/// Longest language tag kept.
pub const MAX_LANGUAGE_TAG: usize = 35;
