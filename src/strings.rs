//! Finding and joining strings by plain loops. The standard `str::find(&str)` (and
//! `split`, `replace`, `contains` with a `&str` pattern) brings the Two-Way searcher, about
//! 2 KB of Wasm, for needles of a few bytes in short texts; `format!` with only strings to
//! join builds formatting arguments at every call.

/// The byte index of the first `needle` in `haystack`. A match of valid UTF-8 in valid UTF-8
/// starts and ends on character boundaries, so the index can slice `haystack`.
pub fn find(haystack: &str, needle: &str) -> Option<usize> {
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    (0..haystack.len()).find(|&i| {
        haystack
            .get(i..)
            .is_some_and(|rest| rest.starts_with(needle))
    })
}

/// `text` up to the first of the (ASCII) `separators`, and what follows that separator when
/// there is one: what `split` and `split_once` give, by a byte loop, since each of theirs
/// brings its searcher's code again (size).
pub fn cut<'a>(text: &'a str, separators: &[u8]) -> (&'a str, Option<&'a str>) {
    let bytes = text.as_bytes();
    let mut end = 0;
    while let Some(b) = bytes.get(end) {
        if separators.contains(b) {
            // An ASCII separator: both ends are character boundaries.
            return (text.get(..end).unwrap_or_default(), text.get(end + 1..));
        }
        end += 1;
    }
    (text, None)
}

/// The `parts` one after the other, as `format!` with only `{}` of strings would give them.
pub fn concat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|part| part.len()).sum());
    for part in parts {
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{concat, cut, find};

    #[test]
    fn concatenates_in_order() {
        assert_eq!(concat(&["FeedWidgets: ", "", "a", "é"]), "FeedWidgets: aé");
        assert_eq!(concat(&[]), "");
    }

    #[test]
    fn finds_as_the_standard_library_does() {
        for (haystack, needle) in [
            ("a --> b", "-->"),
            ("no end", "-->"),
            ("", "x"),
            ("ab", "abc"),
            ("éé</script", "</script"),
            ("aaab", "aab"),
        ] {
            assert_eq!(
                find(haystack, needle),
                haystack.find(needle),
                "{haystack:?}"
            );
        }
    }

    #[test]
    fn cuts_as_split_once_does_at_the_first_separator() {
        for text in ["a=b=c", "=b", "a=", "none", "", "é&ü=ß", "_x-y"] {
            assert_eq!(
                cut(text, b"=&-_"),
                match text.split_once(['=', '&', '-', '_']) {
                    Some((head, rest)) => (head, Some(rest)),
                    None => (text, None),
                },
                "{text:?}"
            );
        }
    }
}
