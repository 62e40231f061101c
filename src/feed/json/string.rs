//! String literals, read by both readings with the same code: most of a feed's bytes are in
//! strings, so this is where the time goes.

use super::cursor::Cursor;
use super::error::{JsonError, JsonErrorKind};

impl Cursor<'_> {
    /// A string literal starting at the opening quote.
    pub(super) fn string(&mut self) -> Result<String, JsonError> {
        let mut out = String::new();
        self.string_into(Some(&mut out))?;
        Ok(out)
    }

    /// Checks a string literal starting at the opening quote, without keeping it.
    pub(super) fn skip_string(&mut self) -> Result<(), JsonError> {
        self.string_into(None)
    }

    /// Reads a string literal starting at the opening quote, appending its text to `out` when
    /// there is one. One function for both keeps the checking and the building reading of a
    /// string the same, at the cost of a test per run and escape, not per byte.
    fn string_into(&mut self, mut out: Option<&mut String>) -> Result<(), JsonError> {
        self.at += 1;
        loop {
            let run_start = self.at;
            self.skip_plain_run();
            if let Some(out) = &mut out {
                // Stops only at ASCII bytes, so both ends are char boundaries (`get` rather
                // than indexing: no panic path).
                out.push_str(self.text.get(run_start..self.at).unwrap_or_default());
            }
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.at += 1;
                    let c = self.escape()?;
                    if let Some(out) = &mut out {
                        out.push(c);
                    }
                }
                Some(_) => return Err(self.error(JsonErrorKind::ControlCharacter)),
                None => return Err(self.error(JsonErrorKind::UnterminatedString)),
            }
        }
    }

    /// Moves past the plain bytes of a string (neither `"`, `\\` nor a control character),
    /// eight at a time while it can: most of a feed's bytes are in such runs.
    #[inline(always)]
    fn skip_plain_run(&mut self) {
        let mut at = self.at;
        while let Some(word) = self
            .bytes
            .get(at..at + 8)
            .and_then(|word| <[u8; 8]>::try_from(word).ok())
        {
            let special = special_bytes(u64::from_le_bytes(word));
            if special != 0 {
                // The lowest flag is exact, and the lowest byte comes first.
                self.at = at + (special.trailing_zeros() / 8) as usize;
                return;
            }
            at += 8;
        }
        while let Some(&byte) = self.bytes.get(at) {
            if byte == b'"' || byte == b'\\' || byte < 0x20 {
                break;
            }
            at += 1;
        }
        self.at = at;
    }

    /// The character of the escape after a backslash.
    fn escape(&mut self) -> Result<char, JsonError> {
        let Some(byte) = self.peek() else {
            return Err(self.error(JsonErrorKind::UnterminatedString));
        };
        self.at += 1;
        Ok(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex4()?;
                match unit {
                    0xD800..=0xDBFF => self.low_surrogate().map_or(
                        // Alone, a high surrogate becomes U+FFFD, as a JavaScript string
                        // would when handed to Rust.
                        char::REPLACEMENT_CHARACTER,
                        |low| {
                            char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                                .unwrap_or(char::REPLACEMENT_CHARACTER)
                        },
                    ),
                    _ => char::from_u32(unit).unwrap_or(char::REPLACEMENT_CHARACTER),
                }
            }
            _ => {
                self.at -= 1;
                return Err(self.error(JsonErrorKind::BadEscape));
            }
        })
    }

    /// The `\uDC00`-`\uDFFF` escape that pairs with the high surrogate just read, consumed; if
    /// none comes next, nothing is consumed, and what does come is read on its own.
    fn low_surrogate(&mut self) -> Option<u32> {
        if !self.bytes.get(self.at..)?.starts_with(b"\\u") {
            return None;
        }
        let saved = self.at;
        self.at += 2;
        match self.hex4() {
            Ok(low @ 0xDC00..=0xDFFF) => Some(low),
            _ => {
                self.at = saved;
                None
            }
        }
    }

    /// The four hexadecimal digits of a `\u` escape.
    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self
            .bytes
            .get(self.at..self.at + 4)
            .ok_or_else(|| self.error(JsonErrorKind::ShortUnicodeEscape))?;
        let mut unit = 0;
        for &digit in digits {
            let value = (digit as char)
                .to_digit(16)
                .ok_or_else(|| self.error(JsonErrorKind::BadUnicodeEscape))?;
            unit = unit * 16 + value;
        }
        self.at += 4;
        Ok(unit)
    }
}

/// The high bit of each byte of `word` that is `"`, `\\` or a control character, by the
/// zero-byte test of "Bit Twiddling Hacks" (on the word XOR each quote byte) and its "less
/// than" form. A byte above a flagged one may be flagged wrongly; the lowest flag is exact.
#[inline(always)]
pub(super) fn special_bytes(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = ONES * 0x80;
    let below =
        |word: u64, bound: u8| word.wrapping_sub(ONES * u64::from(bound)) & !word & HIGH_BITS;
    below(word ^ (ONES * u64::from(b'"')), 1)
        | below(word ^ (ONES * u64::from(b'\\')), 1)
        | below(word, 0x20)
}
