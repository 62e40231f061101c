//! Building a [`Json`] tree from a text, whole or (for a long feed's first reading) with the
//! items of its top-level `items` array left for later.

use std::ops::Range;

use super::cursor::Cursor;
use super::error::{JsonError, JsonErrorKind};
use super::value::{Json, MAX_DEPTH};

/// Parses `text` as one JSON value. Values nested deeper than [`MAX_DEPTH`] are checked for
/// syntax, then dropped as `null`. Duplicate object members are all kept, in order.
pub fn parse_text(text: &str) -> Result<Json, JsonError> {
    Parser::new(text, None).document().map(|(value, _)| value)
}

/// The elements of a top-level `items` array that [`parse_text_head`] left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnreadItems {
    /// Where each of them starts (white space may come first), in bytes, the read ones too:
    /// the next ones can then be read from a piece of the text that holds just them.
    starts: Vec<usize>,
    /// Where the array's `]` is.
    end: usize,
    /// How many are read.
    read: usize,
    /// How many are left.
    pub count: usize,
}

/// Parses `text` as [`parse_text`] does, except that the `items` array of a top-level object
/// keeps only its first `first` elements: the others are checked for syntax and counted, not
/// built, and [`UnreadItems::read_next`] reads them later. (An earlier, repeated `items` member is
/// cut too; [`Json::get`] reads the last one.) The whole text is checked, so an error anywhere
/// is found now.
pub fn parse_text_head(text: &str, first: usize) -> Result<(Json, UnreadItems), JsonError> {
    Parser::new(text, Some(first)).document()
}

impl UnreadItems {
    /// The next of these elements in `text` (the text [`parse_text_head`] read), which is then
    /// no longer unread; `None` once all are read.
    pub fn read_next(&mut self, text: &str) -> Option<Json> {
        self.read_next_in(text, 0)
    }

    /// Where in the text the next `count` of these elements are (fewer at the end): the
    /// piece of it that [`UnreadItems::read_next_in`] needs to read them.
    pub fn next_range(&self, count: usize) -> Option<Range<usize>> {
        let start = *self.starts.get(self.read).filter(|_| self.count > 0)?;
        let end = self
            .starts
            .get(self.read + count)
            .copied()
            .unwrap_or(self.end);
        Some(start..end)
    }

    /// The next of these elements, from `piece`: the part of the text that starts at byte
    /// `offset` and holds it (as [`UnreadItems::next_range`] says); `None` once all are read.
    pub fn read_next_in(&mut self, piece: &str, offset: usize) -> Option<Json> {
        let start = *self.starts.get(self.read).filter(|_| self.count > 0)?;
        let mut parser = Parser::new(piece, None);
        parser.cursor.at = start.checked_sub(offset)?;
        // The whole text was checked already: an error means another text was given, and
        // ends the reading.
        let Ok(element) = parser.value(ITEM_DEPTH) else {
            self.count = 0;
            return None;
        };
        self.read += 1;
        self.count -= 1;
        Some(element)
    }
}

/// The depth of a top-level object's `items` elements: the object is 0, the array 1.
const ITEM_DEPTH: u32 = 2;

struct Parser<'a> {
    cursor: Cursor<'a>,
    /// How many elements of a top-level `items` array to build ([`parse_text_head`]); `None`
    /// builds them all.
    head: Option<usize>,
    /// The elements of the last top-level `items` member left out.
    unread: UnreadItems,
    /// The stack of closing brackets for [`Cursor::skip_nested`], kept between calls: a long
    /// feed's unread items come one by one.
    open_brackets: Vec<u8>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str, head: Option<usize>) -> Self {
        Self {
            cursor: Cursor::new(text),
            head,
            unread: UnreadItems::default(),
            open_brackets: Vec::new(),
        }
    }

    /// The whole text as one value, and how many `items` elements were left out.
    fn document(mut self) -> Result<(Json, UnreadItems), JsonError> {
        // `Response.text()` drops a byte-order mark, but a stored or hand-made text may have one.
        if self.cursor.text.starts_with('\u{feff}') {
            self.cursor.at = '\u{feff}'.len_utf8();
        }
        let value = self.value(0)?;
        self.cursor.skip_whitespace();
        if self.cursor.peek().is_some() {
            return Err(self.cursor.error(JsonErrorKind::TextAfterValue));
        }
        Ok((value, self.unread))
    }

    fn value(&mut self, depth: u32) -> Result<Json, JsonError> {
        let cursor = &mut self.cursor;
        cursor.skip_whitespace();
        match cursor.peek() {
            None => Err(cursor.error(JsonErrorKind::UnexpectedEnd)),
            Some(b'"') => cursor.string().map(Json::String),
            // One call for the three literals: a call and its result's mapping each would be
            // code of their own.
            Some(first @ (b'n' | b't' | b'f')) => {
                let (word, value): (&[u8], _) = match first {
                    b'n' => (b"null", Json::Null),
                    b't' => (b"true", Json::Bool(true)),
                    _ => (b"false", Json::Bool(false)),
                };
                cursor.literal(word).map(|()| value)
            }
            Some(b'-' | b'0'..=b'9') => cursor.number().map(Json::Number),
            Some(b'[' | b'{') if depth >= MAX_DEPTH => cursor
                .skip_nested(&mut self.open_brackets)
                .map(|()| Json::Null),
            Some(b'[') => self.array_head(depth, usize::MAX),
            Some(b'{') => self.object(depth),
            Some(_) => Err(cursor.error(JsonErrorKind::UnexpectedCharacter)),
        }
    }

    /// An array whose first `first` elements are built and the others only checked and
    /// counted into `self.unread`: all are built unless this is a top-level `items` array
    /// ([`Parser::head_of_items`]), so no other array touches `self.unread`.
    fn array_head(&mut self, depth: u32, first: usize) -> Result<Json, JsonError> {
        self.cursor.at += 1;
        let mut items = Vec::new();
        self.cursor.skip_whitespace();
        if self.cursor.peek() == Some(b']') {
            self.cursor.at += 1;
            return Ok(Json::Array(items));
        }
        loop {
            if items.len() < first {
                items.push(self.value(depth + 1)?);
            } else {
                self.unread.starts.push(self.cursor.at);
                self.unread.count += 1;
                self.cursor.skip_value(&mut self.open_brackets)?;
            }
            self.cursor.skip_whitespace();
            match self.cursor.peek() {
                Some(b',') => self.cursor.at += 1,
                Some(b']') => {
                    if first != usize::MAX {
                        self.unread.end = self.cursor.at;
                    }
                    self.cursor.at += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.cursor.error(JsonErrorKind::ExpectedCommaOrBracket)),
            }
        }
    }

    fn object(&mut self, depth: u32) -> Result<Json, JsonError> {
        self.cursor.at += 1;
        let mut members = Vec::new();
        self.cursor.skip_whitespace();
        if self.cursor.peek() == Some(b'}') {
            self.cursor.at += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.cursor.skip_whitespace();
            if self.cursor.peek() != Some(b'"') {
                return Err(self.cursor.error(JsonErrorKind::ExpectedMemberName));
            }
            let name = self.cursor.string()?;
            self.cursor.skip_whitespace();
            self.cursor.expect_colon()?;
            let value = match self.head {
                Some(first) if depth == 0 && name == "items" => self.head_of_items(first)?,
                _ => self.value(depth + 1)?,
            };
            members.push((name, value));
            self.cursor.skip_whitespace();
            match self.cursor.peek() {
                Some(b',') => self.cursor.at += 1,
                Some(b'}') => {
                    self.cursor.at += 1;
                    return Ok(Json::Object(members));
                }
                _ => return Err(self.cursor.error(JsonErrorKind::ExpectedCommaOrBrace)),
            }
        }
    }

    /// A top-level `items` value: an array is built up to its first `first` elements and only
    /// checked and counted beyond; anything else is read whole. The last `items` member decides
    /// the count, as it decides what `items` is.
    fn head_of_items(&mut self, first: usize) -> Result<Json, JsonError> {
        self.unread = UnreadItems::default();
        self.cursor.skip_whitespace();
        if self.cursor.peek() != Some(b'[') {
            return self.value(ITEM_DEPTH - 1);
        }
        self.array_head(ITEM_DEPTH - 1, first)
    }
}
