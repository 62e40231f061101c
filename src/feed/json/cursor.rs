//! A position in a JSON text and the tokens that both readings share: white space, the
//! literals `null`, `true` and `false`, and (in [`super::number`] and [`super::string`]) numbers
//! and strings. Building a value ([`super::parse`]) and only checking one ([`super::skip`])
//! read them with the same code, so they cannot drift apart on what JSON is.

use super::error::{JsonError, JsonErrorKind};

/// The text being read and how far the reading has come.
pub(super) struct Cursor<'a> {
    /// The text, for the slices a value is built from.
    pub(super) text: &'a str,
    /// The same text as bytes: the grammar is ASCII, so the reading goes byte by byte.
    pub(super) bytes: &'a [u8],
    /// The offset of the next byte to read.
    pub(super) at: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `text`.
    pub(super) fn new(text: &'a str) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            at: 0,
        }
    }

    /// An error of kind `what` at the current position.
    #[inline(always)]
    pub(super) fn error(&self, what: JsonErrorKind) -> JsonError {
        JsonError { at: self.at, what }
    }

    /// The next byte, if the text goes on.
    #[inline(always)]
    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Moves past the white space JSON allows between tokens.
    #[inline(always)]
    pub(super) fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// Consumes the `:` after a member name.
    pub(super) fn expect_colon(&mut self) -> Result<(), JsonError> {
        if self.peek() == Some(b':') {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(JsonErrorKind::ExpectedColon))
        }
    }

    /// Consumes the literal `word` (`null`, `true` or `false`), which must come next.
    pub(super) fn literal(&mut self, word: &[u8]) -> Result<(), JsonError> {
        if self
            .bytes
            .get(self.at..)
            .is_some_and(|rest| rest.starts_with(word))
        {
            self.at += word.len();
            Ok(())
        } else {
            Err(self.error(JsonErrorKind::UnexpectedCharacter))
        }
    }
}
