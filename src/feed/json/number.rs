//! Number literals: their grammar, shared by both readings, and their value.

use super::cursor::Cursor;
use super::error::{JsonError, JsonErrorKind};

impl Cursor<'_> {
    /// Reads a number literal and gives its value.
    pub(super) fn number(&mut self) -> Result<f64, JsonError> {
        let start = self.at;
        self.number_literal()?;
        // The literal is ASCII: `get` always has it (and brings no panic path, as indexing would).
        Ok(number_value(
            self.text.get(start..self.at).unwrap_or_default(),
        ))
    }

    /// Consumes a number literal without computing its value.
    pub(super) fn number_literal(&mut self) -> Result<(), JsonError> {
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error(JsonErrorKind::ExpectedDigit)),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error(JsonErrorKind::ExpectedDigit));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error(JsonErrorKind::ExpectedDigit));
            }
            self.digits();
        }
        Ok(())
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
    }
}

/// The value of a number literal that matched the JSON grammar. Whole numbers of up to 15
/// digits (ids, sizes, intervals: nearly every number in a feed) are exact by themselves; the
/// others go to the browser's `parseFloat` in Wasm, since Rust's own float parser would add
/// some 18 KB (gzip) of tables to the bundle.
fn number_value(literal: &str) -> f64 {
    let (negative, digits) = match literal.strip_prefix('-') {
        Some(digits) => (true, digits),
        None => (false, literal),
    };
    if digits.len() <= 15 && digits.bytes().all(|b| b.is_ascii_digit()) {
        let whole = digits
            .bytes()
            .fold(0u64, |n, b| n * 10 + u64::from(b - b'0')) as f64;
        return if negative { -whole } else { whole };
    }
    float_value(literal)
}

#[cfg(target_arch = "wasm32")]
fn float_value(literal: &str) -> f64 {
    js_sys::Number::parse_float(literal)
}

#[cfg(not(target_arch = "wasm32"))]
fn float_value(literal: &str) -> f64 {
    // The JSON grammar is a subset of what `f64::from_str` reads; out-of-range magnitudes
    // become infinities, as with `parseFloat`.
    literal.parse().unwrap_or(f64::NAN)
}
