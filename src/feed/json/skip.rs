//! Checking a value's syntax without building it: the items a first reading leaves for later
//! (most of a 10,000-item feed) and values nested too deep to keep. Iterative, with a stack of
//! open brackets, so a deep text cannot exhaust the call stack.

use super::cursor::Cursor;
use super::error::{JsonError, JsonErrorKind};

impl Cursor<'_> {
    /// Checks the syntax of one value without keeping it. `open` is working memory, passed in
    /// so that its allocation serves every unread item of a long feed in turn.
    pub(super) fn skip_value(&mut self, open: &mut Vec<u8>) -> Result<(), JsonError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'[' | b'{') => self.skip_nested(open),
            _ => self.skip_scalar(),
        }
    }

    /// Checks the syntax of a string, number or literal without keeping it.
    fn skip_scalar(&mut self) -> Result<(), JsonError> {
        match self.peek() {
            None => Err(self.error(JsonErrorKind::UnexpectedEnd)),
            Some(b'"') => self.skip_string(),
            Some(b'n') => self.literal(b"null"),
            Some(b't') => self.literal(b"true"),
            Some(b'f') => self.literal(b"false"),
            Some(b'-' | b'0'..=b'9') => self.number_literal(),
            Some(_) => Err(self.error(JsonErrorKind::UnexpectedCharacter)),
        }
    }

    /// Checks the syntax of the array or object that starts here, using `open` (emptied
    /// first) for the closing bracket of each open container.
    pub(super) fn skip_nested(&mut self, open: &mut Vec<u8>) -> Result<(), JsonError> {
        open.clear();
        // What the grammar allows next: a token stream alone would let `[1 2]` or `[,:]`
        // through, which `JSON.parse` refuses.
        let mut next = Next::Value;
        loop {
            self.skip_whitespace();
            match (next, self.peek()) {
                (Next::Value | Next::ValueOrClose, Some(b'[')) => {
                    open.push(b']');
                    self.at += 1;
                    next = Next::ValueOrClose;
                }
                (Next::Value | Next::ValueOrClose, Some(b'{')) => {
                    open.push(b'}');
                    self.at += 1;
                    next = Next::NameOrClose;
                }
                (
                    Next::ValueOrClose | Next::NameOrClose | Next::CommaOrClose,
                    Some(close @ (b']' | b'}')),
                ) => {
                    if open.pop() != Some(close) {
                        return Err(self.error(JsonErrorKind::MismatchedBracket));
                    }
                    self.at += 1;
                    if open.is_empty() {
                        return Ok(());
                    }
                    next = Next::CommaOrClose;
                }
                (Next::Name | Next::NameOrClose, Some(b'"')) => {
                    self.skip_string()?;
                    self.skip_whitespace();
                    self.expect_colon()?;
                    next = Next::Value;
                }
                (Next::CommaOrClose, Some(b',')) => {
                    self.at += 1;
                    next = if open.last() == Some(&b'}') {
                        Next::Name
                    } else {
                        Next::Value
                    };
                }
                (Next::Value | Next::ValueOrClose, _) => {
                    self.skip_scalar()?;
                    next = Next::CommaOrClose;
                }
                (_, None) => return Err(self.error(JsonErrorKind::UnexpectedEnd)),
                _ => return Err(self.error(JsonErrorKind::UnexpectedCharacter)),
            }
        }
    }
}

/// What [`Cursor::skip_nested`] accepts next.
#[derive(Clone, Copy)]
enum Next {
    /// Any value: at the start, after `:`, after `,` in an array.
    Value,
    /// A value or `]`, just after `[`.
    ValueOrClose,
    /// A member name, after `,` in an object.
    Name,
    /// A member name or `}`, just after `{`.
    NameOrClose,
    /// `,` or the closing bracket, after a value.
    CommaOrClose,
}
