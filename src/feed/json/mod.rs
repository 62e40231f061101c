//! JSON text to a [`Json`] tree (RFC 8259), in one pass over the bytes.
//!
//! Written here rather than taken from a crate because both alternatives cost what the widgets
//! are about. The browser's `JSON.parse` is fast, but copying its result into Rust crosses the
//! Wasm boundary several times per string: about 400 ms for a 10,000-item feed on a slow
//! machine. serde_json would put a general-purpose parser and serde's machinery in every
//! visitor's download. This parser is small, runs in Wasm without crossing, never recurses
//! deeper than [`MAX_DEPTH`], and is the same code natively, where it is fuzzed (`fuzz/`) and
//! checked against serde_json in the tests.
//!
//! Two readings share the tokens ([`cursor`], [`number`], [`string`]): [`parse`] builds values,
//! [`skip`] only checks them, without recursion, for what a first reading leaves out and for
//! what is nested too deep to keep.

mod cursor;
mod error;
mod number;
mod parse;
mod quote;
mod skip;
mod string;
mod value;

pub use error::{JsonError, JsonErrorKind};
pub use parse::{parse_text, parse_text_head, UnreadItems};
pub use quote::quoted;
pub use value::{Json, MAX_DEPTH};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
