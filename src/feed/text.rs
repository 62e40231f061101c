//! Turning feed text, which may carry HTML, into plain text that is only ever set as a text node.
//!
//! This is deliberately not an HTML parser: it only has to find where markup is, drop it (with the
//! content of elements that are never text, such as `script`), keep word boundaries where block
//! elements were, decode character references and fold white space. The result is inserted as
//! text, so a mistake here can garble a title but never inject markup.

use crate::strings::{concat, find};

/// Elements whose content is not readable text.
const SKIPPED_ELEMENTS: [&str; 7] = [
    "script", "style", "template", "noscript", "iframe", "svg", "head",
];

/// Elements that end a word when they open or close (`<h2>A</h2><p>B</p>` reads "A B").
const BREAKING_ELEMENTS: [&str; 30] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "tr",
];

/// Plain text of a fragment that may contain HTML, on one line with single spaces.
pub fn plain_text(input: &str) -> String {
    // Most feed titles and summaries are plain text already: one copy, no rewriting.
    if is_plain_folded(input, false) {
        return input.to_string();
    }
    let mut out = String::with_capacity(input.len());
    let mut rest = input;
    while let Some(lt) = rest.find('<') {
        push_decoded(&mut out, up_to(rest, lt));
        let after = from(rest, lt + 1);
        if after.starts_with("!--") {
            rest = find(after, "-->").map_or("", |end| from(after, end + 3));
            continue;
        }
        // By the first byte: a `char` predicate would bring a pattern searcher of its own.
        if !after
            .as_bytes()
            .first()
            .is_some_and(|&b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?'))
        {
            out.push('<');
            rest = after;
            continue;
        }
        let Some(gt) = tag_end(after) else {
            // An unterminated tag swallows the rest, as a browser would.
            rest = "";
            break;
        };
        let tag = up_to(after, gt);
        rest = from(after, gt + 1);
        let name = tag_name(tag);
        if BREAKING_ELEMENTS.contains(&name.as_str()) {
            out.push(' ');
        }
        if !tag.starts_with('/') && !tag.ends_with('/') && SKIPPED_ELEMENTS.contains(&name.as_str())
        {
            rest = skip_element_content(rest, &name);
        }
    }
    push_decoded(&mut out, rest);
    collapse_whitespace(&out)
}

/// Cuts `text` to at most `max_chars` characters, with an ellipsis; at a word boundary when that
/// keeps at least half of the text. A text within the bound is returned as it is, uncopied.
pub fn bounded(text: String, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text;
    }
    let cut: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    // By a loop over the bytes: `rfind` would bring a reverse byte search for this one use.
    let words = cut
        .as_bytes()
        .iter()
        .rposition(|&b| b == b' ')
        .and_then(|space| cut.get(..space));
    let at_word = match words {
        Some(words) if words.chars().count() * 2 >= max_chars => words,
        _ => cut.as_str(),
    };
    concat(&[at_word.trim_end(), "…"])
}

/// `text` before byte `at` (an ASCII byte's offset, so a char boundary). By `get`: indexing
/// brings a panic path per use.
fn up_to(text: &str, at: usize) -> &str {
    text.get(..at).unwrap_or_default()
}

/// `text` from byte `at` on (see [`up_to`]).
fn from(text: &str, at: usize) -> &str {
    text.get(at..).unwrap_or_default()
}

/// Index of the `>` closing a tag, skipping `>` inside quoted attribute values.
fn tag_end(tag: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in tag.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// A tag's name, lower-cased: its ASCII letters and digits up to the first other character.
/// By a byte loop: collecting its `char`s would be code of its own (size).
fn tag_name(tag: &str) -> String {
    let tag = tag.trim_start_matches('/');
    let mut end = 0;
    for &byte in tag.as_bytes() {
        if !byte.is_ascii_alphanumeric() {
            break;
        }
        end += 1;
    }
    up_to(tag, end).to_ascii_lowercase()
}

/// The text after the closing tag of `name`, or nothing when it is never closed.
fn skip_element_content<'a>(rest: &'a str, name: &str) -> &'a str {
    let lower = rest.to_ascii_lowercase();
    let mut closing = String::from("</");
    closing.push_str(name);
    match find(&lower, &closing) {
        Some(start) => {
            let after = from(rest, start);
            after.find('>').map_or("", |gt| from(after, gt + 1))
        }
        None => "",
    }
}

/// Folds runs of ASCII white space; no-break spaces stay, as French typography needs them.
fn collapse_whitespace(text: &str) -> String {
    if is_folded(text) {
        return text.to_string();
    }
    // By hand: `join` would bring its own code for this one use.
    let mut out = String::with_capacity(text.len());
    for word in text.split_ascii_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `text` is already on one line with single spaces between words.
fn is_folded(text: &str) -> bool {
    is_plain_folded(text, true)
}

/// Whether `text` is folded (see [`is_folded`]) and, unless `markup_allowed`, has no `<` or
/// `&`: then it is its own plain text. One pass, since most feed texts are like that.
fn is_plain_folded(text: &str, markup_allowed: bool) -> bool {
    let mut after_space = true;
    for &byte in text.as_bytes() {
        match byte {
            b'\t' | b'\n' | b'\r' | b'\x0c' => return false,
            b'<' | b'&' if !markup_allowed => return false,
            b' ' if after_space => return false,
            _ => {}
        }
        after_space = byte == b' ';
    }
    !after_space || text.is_empty()
}

/// Appends `text` with its character references decoded; unknown references stay as written.
fn push_decoded(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(up_to(rest, amp));
        let after = from(rest, amp + 1);
        match after.find(';').filter(|&semi| semi <= 32) {
            Some(semi) => match decode_reference(up_to(after, semi)) {
                Some(c) => {
                    out.push(c);
                    rest = from(after, semi + 1);
                }
                None => {
                    out.push('&');
                    rest = after;
                }
            },
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

fn decode_reference(reference: &str) -> Option<char> {
    if let Some(number) = reference.strip_prefix('#') {
        // One parser call for both radixes: each would be a copy of it.
        // Two `char` patterns: a `[char; 2]` one would bring a searcher of its own.
        let (digits, radix) = match number.strip_prefix('x').or(number.strip_prefix('X')) {
            Some(hex) => (hex, 16),
            None => (number, 10),
        };
        let code = u32::from_str_radix(digits, radix).ok()?;
        return match char::from_u32(code) {
            Some('\0') | None => Some('\u{FFFD}'),
            Some(c) => Some(c),
        };
    }
    named_reference(reference)
}

/// The named references that CMS feeds actually produce (WordPress's typography, Latin-1
/// letters of French text), `;` between them; numeric references cover the rest.
const NAMED_REFERENCES: &str = "amp;lt;gt;quot;apos;nbsp;hellip;mdash;ndash;lsquo;rsquo;ldquo;rdquo;laquo;raquo;bull;middot;copy;reg;trade;deg;euro;shy;zwnj;zwj;lrm;rlm;agrave;acirc;ccedil;egrave;eacute;ecirc;euml;icirc;iuml;ocirc;oelig;ugrave;ucirc;uuml;Agrave;Ccedil;Eacute;Egrave;Ecirc";

/// The character of each of [`NAMED_REFERENCES`], in the same order.
const NAMED_CHARACTERS: &str =
    "&<>\"'\u{A0}…—–‘’“”«»•·©®™°€\u{AD}\u{200C}\u{200D}\u{200E}\u{200F}àâçèéêëîïôœùûüÀÇÉÈÊ";

/// The character a named reference stands for. Two texts and a loop rather than a `match`,
/// which compares the name once per entry in code (about 750 bytes of Wasm).
fn named_reference(name: &str) -> Option<char> {
    let mut characters = NAMED_CHARACTERS.chars();
    for known in NAMED_REFERENCES.split(';') {
        let character = characters.next();
        if known == name {
            return character;
        }
    }
    None
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::named_reference;

    #[test]
    fn every_named_reference_decodes_to_its_own_character() {
        let expected = [
            ("amp", '&'),
            ("lt", '<'),
            ("gt", '>'),
            ("quot", '"'),
            ("apos", '\''),
            ("nbsp", '\u{A0}'),
            ("hellip", '…'),
            ("mdash", '—'),
            ("ndash", '–'),
            ("lsquo", '‘'),
            ("rsquo", '’'),
            ("ldquo", '“'),
            ("rdquo", '”'),
            ("laquo", '«'),
            ("raquo", '»'),
            ("bull", '•'),
            ("middot", '·'),
            ("copy", '©'),
            ("reg", '®'),
            ("trade", '™'),
            ("deg", '°'),
            ("euro", '€'),
            ("shy", '\u{AD}'),
            ("zwnj", '\u{200C}'),
            ("zwj", '\u{200D}'),
            ("lrm", '\u{200E}'),
            ("rlm", '\u{200F}'),
            ("agrave", 'à'),
            ("acirc", 'â'),
            ("ccedil", 'ç'),
            ("egrave", 'è'),
            ("eacute", 'é'),
            ("ecirc", 'ê'),
            ("euml", 'ë'),
            ("icirc", 'î'),
            ("iuml", 'ï'),
            ("ocirc", 'ô'),
            ("oelig", 'œ'),
            ("ugrave", 'ù'),
            ("ucirc", 'û'),
            ("uuml", 'ü'),
            ("Agrave", 'À'),
            ("Ccedil", 'Ç'),
            ("Eacute", 'É'),
            ("Egrave", 'È'),
            ("Ecirc", 'Ê'),
        ];
        for (name, character) in expected {
            assert_eq!(named_reference(name), Some(character), "&{name};");
        }
        for unknown in ["", "AMP", "am", "ampx", "amp;lt", "Uuml"] {
            assert_eq!(named_reference(unknown), None, "&{unknown};");
        }
    }
}
