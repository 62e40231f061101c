//! JSON text to a [`Json`] tree (RFC 8259), in one pass over the bytes.
//!
//! Written here rather than taken from a crate because both alternatives cost what the widgets
//! are about. The browser's `JSON.parse` is fast, but copying its result into Rust crosses the
//! Wasm boundary several times per string: about 400 ms for a 10,000-item feed on a slow
//! machine. serde_json would put a general-purpose parser and serde's machinery in every
//! visitor's download. This parser is small, runs in Wasm without crossing, never recurses
//! deeper than [`MAX_DEPTH`], and is the same code natively, where it is fuzzed
//! (`fuzz/`) and checked against serde_json in the tests.

use super::json::{Json, MAX_DEPTH};

/// Parses `text` as one JSON value. Values nested deeper than [`MAX_DEPTH`] are checked for
/// syntax, then dropped as `null`. Duplicate object members are all kept, in order.
pub fn parse_text(text: &str) -> Result<Json, String> {
    Parser::new(text, None).document().map(|(value, _)| value)
}

/// The elements of a top-level `items` array that [`parse_text_head`] left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UnreadItems {
    /// Where the first of them starts (whitespace may come first), in bytes.
    pub at: usize,
    /// How many there are.
    pub count: usize,
}

/// Parses `text` as [`parse_text`] does, except that the `items` array of a top-level object
/// keeps only its first `first` elements: the others are checked for syntax and counted, not
/// built, and [`UnreadItems::read_next`] reads them later. (An earlier, repeated `items` member is
/// cut too; [`Json::get`] reads the last one.) The whole text is checked, so an error anywhere
/// is found now.
pub fn parse_text_head(text: &str, first: usize) -> Result<(Json, UnreadItems), String> {
    Parser::new(text, Some(first)).document()
}

impl UnreadItems {
    /// The next of these elements in `text` (the text [`parse_text_head`] read), which is then
    /// no longer unread; `None` once all are read.
    pub fn read_next(&mut self, text: &str) -> Option<Json> {
        if self.count == 0 {
            return None;
        }
        let mut parser = Parser::new(text, None);
        parser.at = self.at;
        // The whole text was checked already: an error means another text was given, and
        // ends the reading.
        let Ok(element) = parser.value(ITEM_DEPTH) else {
            self.count = 0;
            return None;
        };
        parser.skip_whitespace();
        self.at = parser.at + 1; // past the `,` or `]` the check found
        self.count -= 1;
        Some(element)
    }
}

/// The depth of a top-level object's `items` elements: the object is 0, the array 1.
const ITEM_DEPTH: u32 = 2;

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

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    /// How many elements of a top-level `items` array to build ([`parse_text_head`]); `None`
    /// builds them all.
    head: Option<usize>,
    /// The elements of the last top-level `items` member left out.
    unread: UnreadItems,
    /// [`Parser::skip_nested`]'s stack of closing brackets.
    open_brackets: Vec<u8>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str, head: Option<usize>) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            at: 0,
            head,
            unread: UnreadItems::default(),
            open_brackets: Vec::new(),
        }
    }

    /// The whole text as one value, and how many `items` elements were left out.
    fn document(mut self) -> Result<(Json, UnreadItems), String> {
        // `Response.text()` drops a byte-order mark, but a stored or hand-made text may have one.
        if self.text.starts_with('\u{feff}') {
            self.at = '\u{feff}'.len_utf8();
        }
        let value = self.value(0)?;
        self.skip_whitespace();
        if self.at < self.bytes.len() {
            return Err(self.error("unexpected text after the JSON value"));
        }
        Ok((value, self.unread))
    }

    fn error(&self, what: &str) -> String {
        format!("{what} at byte {}", self.at)
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    #[inline(always)]
    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), String> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(&format!("expected '{}'", byte as char)))
        }
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json, String> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("unexpected character"))
        }
    }

    fn value(&mut self, depth: u32) -> Result<Json, String> {
        self.skip_whitespace();
        match self.peek() {
            None => Err(self.error("unexpected end")),
            Some(b'"') => self.string().map(Json::String),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[' | b'{') if depth >= MAX_DEPTH => self.skip_nested().map(|()| Json::Null),
            Some(b'[') => self.array(depth),
            Some(b'{') => self.object(depth),
            Some(_) => Err(self.error("unexpected character")),
        }
    }

    fn array(&mut self, depth: u32) -> Result<Json, String> {
        self.array_head(depth, usize::MAX).map(|(items, _)| items)
    }

    /// An array whose first `first` elements are built and the others only checked and
    /// counted.
    fn array_head(&mut self, depth: u32, first: usize) -> Result<(Json, UnreadItems), String> {
        self.at += 1;
        let mut items = Vec::new();
        let mut unread = UnreadItems::default();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok((Json::Array(items), unread));
        }
        loop {
            if items.len() < first {
                items.push(self.value(depth + 1)?);
            } else {
                if unread.count == 0 {
                    unread.at = self.at;
                }
                unread.count += 1;
                self.skip_value()?;
            }
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok((Json::Array(items), unread));
                }
                _ => return Err(self.error("expected ',' or ']'")),
            }
        }
    }

    fn object(&mut self, depth: u32) -> Result<Json, String> {
        self.at += 1;
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a member name"));
            }
            let name = self.string()?;
            self.skip_whitespace();
            self.expect(b':')?;
            let value = match self.head {
                Some(first) if depth == 0 && name == "items" => self.head_of_items(first)?,
                _ => self.value(depth + 1)?,
            };
            members.push((name, value));
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Json::Object(members));
                }
                _ => return Err(self.error("expected ',' or '}'")),
            }
        }
    }

    /// A top-level `items` value: an array is built up to its first `first` elements and only
    /// checked and counted beyond; anything else is read whole. The last `items` member decides
    /// the count, as it decides what `items` is.
    fn head_of_items(&mut self, first: usize) -> Result<Json, String> {
        self.unread = UnreadItems::default();
        self.skip_whitespace();
        if self.peek() != Some(b'[') {
            return self.value(ITEM_DEPTH - 1);
        }
        let (items, unread) = self.array_head(ITEM_DEPTH - 1, first)?;
        self.unread = unread;
        Ok(items)
    }

    /// Checks the syntax of one value without keeping it.
    fn skip_value(&mut self) -> Result<(), String> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'[' | b'{') => self.skip_nested(),
            _ => self.skip_scalar(),
        }
    }

    /// Checks the syntax of a string, number or literal without keeping it.
    fn skip_scalar(&mut self) -> Result<(), String> {
        match self.peek() {
            None => Err(self.error("unexpected end")),
            Some(b'"') => self.skip_string(),
            Some(b'n') => self.literal("null", Json::Null).map(drop),
            Some(b't') => self.literal("true", Json::Null).map(drop),
            Some(b'f') => self.literal("false", Json::Null).map(drop),
            Some(b'-' | b'0'..=b'9') => self.number_literal(),
            Some(_) => Err(self.error("unexpected character")),
        }
    }

    /// Checks the syntax of an array or object without keeping it or recursing: one too deep
    /// to keep, or an unread item.
    fn skip_nested(&mut self) -> Result<(), String> {
        // The stack's memory is kept between calls: a long feed's unread items come one by one.
        let mut open = std::mem::take(&mut self.open_brackets);
        open.clear();
        let skipped = self.skip_nested_with(&mut open);
        self.open_brackets = open;
        skipped
    }

    /// [`Parser::skip_nested`] with `open` for the closing bracket of each open container.
    fn skip_nested_with(&mut self, open: &mut Vec<u8>) -> Result<(), String> {
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
                        return Err(self.error("mismatched bracket"));
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
                    self.expect(b':')?;
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
                (_, None) => return Err(self.error("unexpected end")),
                _ => return Err(self.error("unexpected character")),
            }
        }
    }

    fn number(&mut self) -> Result<Json, String> {
        let start = self.at;
        self.number_literal()?;
        Ok(Json::Number(number_value(&self.text[start..self.at])))
    }

    /// Consumes a number literal.
    fn number_literal(&mut self) -> Result<(), String> {
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error("expected a digit")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("expected a digit"));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("expected a digit"));
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

    /// A string literal starting at the opening quote.
    fn string(&mut self) -> Result<String, String> {
        let mut out = String::new();
        self.string_into(Some(&mut out))?;
        Ok(out)
    }

    /// Checks a string literal starting at the opening quote, without keeping it.
    fn skip_string(&mut self) -> Result<(), String> {
        self.string_into(None)
    }

    /// Reads a string literal starting at the opening quote, appending its text to `out` when
    /// there is one.
    fn string_into(&mut self, mut out: Option<&mut String>) -> Result<(), String> {
        self.at += 1;
        loop {
            let run_start = self.at;
            self.skip_plain_run();
            if let Some(out) = &mut out {
                // Stops only at ASCII bytes, so both ends are char boundaries.
                out.push_str(&self.text[run_start..self.at]);
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
                Some(_) => return Err(self.error("control character in a string")),
                None => return Err(self.error("unterminated string")),
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
    fn escape(&mut self) -> Result<char, String> {
        let Some(byte) = self.peek() else {
            return Err(self.error("unterminated string"));
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
                    0xD800..=0xDBFF => {
                        // A high surrogate pairs with a following `\uDC00`-`\uDFFF`; alone it
                        // becomes U+FFFD, as a JavaScript string would when handed to Rust.
                        let low = self.bytes[self.at..]
                            .starts_with(b"\\u")
                            .then(|| {
                                let saved = self.at;
                                self.at += 2;
                                match self.hex4() {
                                    Ok(low @ 0xDC00..=0xDFFF) => Some(low),
                                    _ => {
                                        self.at = saved;
                                        None
                                    }
                                }
                            })
                            .flatten();
                        low.and_then(|low| {
                            char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                        })
                        .unwrap_or(char::REPLACEMENT_CHARACTER)
                    }
                    _ => char::from_u32(unit).unwrap_or(char::REPLACEMENT_CHARACTER),
                }
            }
            _ => {
                self.at -= 1;
                return Err(self.error("bad escape"));
            }
        })
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self
            .bytes
            .get(self.at..self.at + 4)
            .ok_or_else(|| self.error("short \\u escape"))?;
        let mut unit = 0;
        for &digit in digits {
            let value = (digit as char)
                .to_digit(16)
                .ok_or_else(|| self.error("bad \\u escape"))?;
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
fn special_bytes(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = ONES * 0x80;
    let below =
        |word: u64, bound: u8| word.wrapping_sub(ONES * u64::from(bound)) & !word & HIGH_BITS;
    below(word ^ (ONES * u64::from(b'"')), 1)
        | below(word ^ (ONES * u64::from(b'\\')), 1)
        | below(word, 0x20)
}

/// What [`Parser::skip_nested`] accepts next.
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

// serde_json and url, the references these tests check against, are native-only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// serde_json's reading of `text` in our tree's shape, members sorted by name (serde_json's
    /// map is sorted) so trees compare whatever the member order.
    fn reference(text: &str) -> Option<Json> {
        fn convert(value: &serde_json::Value) -> Json {
            use serde_json::Value;
            match value {
                Value::Null => Json::Null,
                Value::Bool(flag) => Json::Bool(*flag),
                Value::Number(n) => Json::Number(n.as_f64().unwrap_or(f64::NAN)),
                Value::String(s) => Json::String(s.clone()),
                Value::Array(items) => Json::Array(items.iter().map(convert).collect()),
                Value::Object(members) => Json::Object(
                    members
                        .iter()
                        .map(|(k, v)| (k.clone(), convert(v)))
                        .collect(),
                ),
            }
        }
        serde_json::from_str(text).ok().map(|v| convert(&v))
    }

    fn sorted(json: Json) -> Json {
        match json {
            Json::Array(items) => Json::Array(items.into_iter().map(sorted).collect()),
            Json::Object(mut members) => {
                members.sort_by(|a, b| a.0.cmp(&b.0));
                Json::Object(members.into_iter().map(|(k, v)| (k, sorted(v))).collect())
            }
            other => other,
        }
    }

    #[test]
    fn reads_every_fixture_as_serde_json_does() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/real-feeds");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("fixtures")
            .map(|entry| entry.expect("entry").path())
            .filter(|path| path.extension().is_some_and(|e| e == "json"))
            .collect();
        files.push(concat!(env!("CARGO_MANIFEST_DIR"), "/demo/feed.json").into());
        files.push(concat!(env!("CARGO_MANIFEST_DIR"), "/schema/feed.schema.json").into());
        assert!(files.len() >= 3, "fixtures found: {files:?}");
        for path in files {
            let text = std::fs::read_to_string(&path).expect("read");
            let ours = parse_text(&text).map(sorted).ok();
            assert_eq!(ours, reference(&text), "{}", path.display());
        }
    }

    #[test]
    fn strings_and_escapes() {
        let parsed = parse_text(
            r#"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u0627", "\ud83d\ude00", "\ud800x", "\udc00", "é ش 😀"]"#,
        );
        let expected = Json::Array(vec![
            Json::String("a\"b\\c/d\u{8}\u{c}\n\r\t".into()),
            Json::String("éا".into()),
            Json::String("😀".into()),
            Json::String("\u{fffd}x".into()),
            Json::String("\u{fffd}".into()),
            Json::String("é ش 😀".into()),
        ]);
        assert_eq!(parsed, Ok(expected));
    }

    #[test]
    fn numbers() {
        let parsed = parse_text("[0, -0, 12, -3.5, 1e3, 2E-2, 1e400, 9007199254740993]");
        let expected = [
            0.0,
            -0.0,
            12.0,
            -3.5,
            1000.0,
            0.02,
            f64::INFINITY,
            9007199254740992.0,
        ];
        assert_eq!(
            parsed,
            Ok(Json::Array(
                expected.into_iter().map(Json::Number).collect()
            ))
        );
    }

    #[test]
    fn rejects_what_json_parse_rejects() {
        for bad in [
            "",
            " ",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "-",
            "1.",
            ".5",
            "1e",
            "+1",
            "[1 2]",
            "{a:1}",
            "{\"a\" 1}",
            "'x'",
            "\"tab\there\"",
            "\"open",
            "\"\\x\"",
            "\"\\u12g4\"",
            "nul",
            "truex",
            "[",
            "{",
            "]",
            "[]]",
            "{} x",
            "NaN",
            "Infinity",
            "[\"\\ud800\\u\"]",
        ] {
            assert!(parse_text(bad).is_err(), "accepted {bad:?}");
        }
    }

    #[test]
    fn a_head_reading_checks_everything_and_reads_the_rest_later() {
        let text = r#"{"items": [1, "two", {"three": [3]}], "x": {"items": [4, 5]},
            "items" : [ {"a": "\u00e9"} , [[]], "\ud83d\ude00", -1.5e2, null ] }"#;
        let whole = parse_text(text).expect("parses");
        let Some(Json::Array(all)) = whole.get("items") else {
            panic!("no items array");
        };
        for first in 0..7 {
            let (head, unread) = parse_text_head(text, first).expect("parses");
            // An earlier `items` member is cut as well, unseen: the last one is the feed's.
            let Some(Json::Array(mut items)) = head.get("items").cloned() else {
                panic!("no items array");
            };
            assert_eq!(items[..], all[..first.min(5)]);
            assert_eq!(unread.count, 5 - first.min(5));
            assert_eq!(
                head.get("x"),
                whole.get("x"),
                "nested `items` are built whole"
            );
            let mut unread = unread;
            items.extend(std::iter::from_fn(|| unread.read_next(text)));
            assert_eq!(unread.count, 0);
            assert_eq!(&items, all, "first {first}");
        }
        let (_, unread) = parse_text_head(r#"{"items": [1, 2], "items": 3}"#, 1).expect("parses");
        assert_eq!(unread.count, 0, "the last `items` is not an array");
    }

    #[test]
    fn a_head_reading_refuses_what_json_parse_refuses_past_the_head() {
        for bad in [
            "1,]",
            "01",
            "1.",
            "[1 2]",
            "{\"a\" 1}",
            "\"tab\there\"",
            "\"\\x\"",
            "\"\\u12g4\"",
            "nul",
            "{\"a\":[}",
            "\"open",
        ] {
            let text = format!("{{\"items\": [0, {bad}]}}");
            assert!(parse_text(&text).is_err(), "parse_text accepted {text:?}");
            assert!(parse_text_head(&text, 1).is_err(), "head accepted {text:?}");
        }
    }

    #[test]
    fn the_first_special_byte_of_a_word_is_found_exactly() {
        let special = |byte: u8| byte == b'"' || byte == b'\\' || byte < 0x20;
        let first_flag = |word: [u8; 8]| match special_bytes(u64::from_le_bytes(word)) {
            0 => None,
            flags => Some(flags.trailing_zeros() / 8),
        };
        for filler in [b'a', b' ', 0x7f, 0x80, 0xd8, 0xff] {
            for byte in 0..=255u8 {
                for place in 0..8 {
                    let mut word = [filler; 8];
                    word[place] = byte;
                    // And a second special byte after it, which must not hide the first.
                    if place < 7 {
                        word[7] = b'"';
                    }
                    let expected = word.iter().position(|&b| special(b)).map(|at| at as u32);
                    assert_eq!(
                        first_flag(word),
                        expected,
                        "byte {byte:#x} at {place} among {filler:#x}"
                    );
                }
            }
        }
    }

    #[test]
    fn whitespace_and_byte_order_mark() {
        assert_eq!(
            parse_text("\u{feff} \t\r\n{ \"a\" : [ ] } \n"),
            Ok(Json::Object(vec![("a".into(), Json::Array(vec![]))]))
        );
    }

    #[test]
    fn repeated_names_are_kept_and_the_last_one_wins() {
        let parsed = parse_text(r#"{"id": "first", "id": "second"}"#).expect("parses");
        assert_eq!(parsed.as_object().map(<[_]>::len), Some(2));
        assert_eq!(parsed.get("id").and_then(Json::as_str), Some("second"));
    }

    #[test]
    fn deep_nesting_is_checked_but_cut_off_without_recursion() {
        let depth = 100_000;
        let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let mut value = parse_text(&deep).expect("balanced");
        let mut levels = 0;
        while let Json::Array(mut items) = value {
            levels += 1;
            value = items.pop().unwrap_or(Json::Bool(false));
        }
        assert_eq!(levels, MAX_DEPTH);
        assert_eq!(value, Json::Null);

        let unbalanced = format!("{}{}", "[{\"a\":".repeat(depth), "1}]".repeat(depth - 1));
        assert!(parse_text(&unbalanced).is_err());
        assert!(parse_text(&"[".repeat(depth)).is_err());
        assert!(parse_text(&format!("{}}}", "[".repeat(40))).is_err());
    }
}
