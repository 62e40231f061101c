//! Writing a text back as JSON, for what the widgets store and send.

/// `text` as a JSON string literal, quotes included.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // U+2028/2029 are valid JSON but break JavaScript string literals; escape them too.
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                // Four lowercase hex digits, as `{:04x}` would write them (by hand: the
                // hex formatter is code of its own).
                out.push_str("\\u");
                for shift in [12, 8, 4, 0] {
                    let digit = char::from_digit((c as u32 >> shift) & 0xf, 16);
                    out.push(digit.unwrap_or('0'));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn control_characters_and_line_separators_are_escaped_in_lowercase_hex() {
        assert_eq!(
            quoted("a\u{1}\u{1f}\u{7f}\u{2028}\u{2029}é\"\\\n"),
            "\"a\\u0001\\u001f\u{7f}\\u2028\\u2029é\\\"\\\\\\n\""
        );
    }
}
