//! Why a text is not JSON, and where.

use std::fmt;

/// A JSON syntax error: what was wrong, and the byte offset in the text where it was found.
///
/// Shown as `<what> at byte <at>` (in a feed's `console.error` line, for instance). Only the
/// message is built when shown: the parser only fills in two numbers, so a refused text costs
/// no allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonError {
    /// The byte offset of the error in the text.
    pub at: usize,
    /// What was wrong there.
    pub what: JsonErrorKind,
}

/// What a [`JsonError`] found wrong.
///
/// A text can be refused with different kinds by a full reading ([`parse_text`]) and by one
/// that only checks the items it leaves for later ([`parse_first`]): the check follows the
/// grammar with less context, so it names what it met rather than what it wanted.
///
/// [`parse_text`]: crate::feed::parse_text
/// [`parse_first`]: crate::feed::parse_first
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonErrorKind {
    /// The text ends where more was needed.
    UnexpectedEnd,
    /// A byte that cannot start or continue what is being read.
    UnexpectedCharacter,
    /// More than white space after the value.
    TextAfterValue,
    /// An object member name without its `:`.
    ExpectedColon,
    /// Neither `,` nor `]` after an array element.
    ExpectedCommaOrBracket,
    /// Neither `,` nor `}` after an object member.
    ExpectedCommaOrBrace,
    /// No `"` where an object member name must start.
    ExpectedMemberName,
    /// A `]` closing an object or a `}` closing an array (only the checking reading says so).
    MismatchedBracket,
    /// A number without the digit its grammar needs next.
    ExpectedDigit,
    /// A raw control character (below U+0020) inside a string.
    ControlCharacter,
    /// A string without its closing `"`.
    UnterminatedString,
    /// A backslash followed by a character that does not escape.
    BadEscape,
    /// A `\u` escape with fewer than four characters left in the text.
    ShortUnicodeEscape,
    /// A `\u` escape whose four characters are not all hexadecimal digits.
    BadUnicodeEscape,
}

impl JsonErrorKind {
    /// The wording of the error, as the console shows it.
    pub fn message(self) -> &'static str {
        match self {
            Self::UnexpectedEnd => "unexpected end",
            Self::UnexpectedCharacter => "unexpected character",
            Self::TextAfterValue => "unexpected text after the JSON value",
            Self::ExpectedColon => "expected ':'",
            Self::ExpectedCommaOrBracket => "expected ',' or ']'",
            Self::ExpectedCommaOrBrace => "expected ',' or '}'",
            Self::ExpectedMemberName => "expected a member name",
            Self::MismatchedBracket => "mismatched bracket",
            Self::ExpectedDigit => "expected a digit",
            Self::ControlCharacter => "control character in a string",
            Self::UnterminatedString => "unterminated string",
            Self::BadEscape => "bad escape",
            Self::ShortUnicodeEscape => "short \\u escape",
            Self::BadUnicodeEscape => "bad \\u escape",
        }
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.what.message(), self.at)
    }
}

impl std::error::Error for JsonError {}
