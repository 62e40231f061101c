//! Links and images from a feed: absolute, and only ever `http:` or `https:`.

use super::limits::MAX_URL_BYTES;

/// Resolves a URL reference from a feed against the address the feed was fetched from.
///
/// In the browser this is the WHATWG URL parser (`new URL(reference, base)`); native tests use
/// the `url` crate, which implements the same standard.
pub trait ResolveUrl {
    /// The absolute, serialised URL, or `None` when `reference` cannot be parsed.
    fn resolve(&self, reference: &str) -> Option<String>;
}

/// The absolute form of `reference` when it is an `http(s)` URL of sane length; `None` for
/// `javascript:`, `data:`, unparsable or oversized references.
pub fn web_url(reference: &str, base: &dyn ResolveUrl) -> Option<String> {
    let reference = reference.trim();
    if reference.is_empty() || reference.len() > MAX_URL_BYTES {
        return None;
    }
    if is_canonical_web_url(reference) {
        // What the WHATWG parser would return anyway: saves a call into the browser per link,
        // which adds up to a tenth of a second on a 10,000-item feed.
        return Some(reference.to_string());
    }
    let absolute = base.resolve(reference)?;
    let scheme = absolute
        .split(':')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    (scheme == "http" || scheme == "https").then_some(absolute)
}

/// Whether `reference` is an absolute `http(s)` URL that the WHATWG URL parser would return
/// unchanged: lower-case scheme and host name, a path, no port or user info, no dot segment and
/// no character the parser would percent-encode, map or reject. Most feed links are written so.
/// Anything else goes through the parser; this only has to be right when it says yes. Read as
/// bytes, by loops: `str` splitting brings a searcher per pattern.
fn is_canonical_web_url(reference: &str) -> bool {
    let Some(rest) = reference
        .strip_prefix("https://")
        .or_else(|| reference.strip_prefix("http://"))
    else {
        return false;
    };
    let rest = rest.as_bytes();
    // The parser adds the "/" of an empty path, so a URL without one is not canonical.
    let Some(slash) = rest.iter().position(|&b| b == b'/') else {
        return false;
    };
    // Checked: `split_at` would bring a panic path.
    let Some((host, tail)) = rest.split_at_checked(slash) else {
        return false;
    };
    let path_end = tail.iter().position(|&b| b == b'?' || b == b'#');
    let path = tail
        .get(..path_end.unwrap_or(tail.len()))
        .unwrap_or_default();
    is_plain_host_name(host)
        && tail.iter().all(|&b| {
            matches!(b, b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~'
                | b'!' | b'$' | b'&' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=' | b':'
                | b'@' | b'%' | b'/' | b'?' | b'#')
        })
        // No "." or ".." segment to remove, also when percent-encoded.
        && !has_dot_segment(path)
        && !path.windows(3).any(|w| matches!(w, [b'%', b'2', b'e' | b'E']))
}

/// Whether a `/`-separated path has a `.` or `..` segment.
fn has_dot_segment(path: &[u8]) -> bool {
    // The dots of the segment so far, `None` once it has anything else.
    let mut dots = Some(0);
    for &byte in path {
        match byte {
            b'/' if matches!(dots, Some(1 | 2)) => return true,
            b'/' => dots = Some(0),
            b'.' => dots = dots.map(|n| n + 1),
            _ => dots = None,
        }
    }
    matches!(dots, Some(1 | 2))
}

/// A lower-case ASCII host name that no IDNA or IPv4 rule rewrites: non-empty labels of
/// letters, digits and hyphens, no punycode label, the last label starting with a letter.
fn is_plain_host_name(host: &[u8]) -> bool {
    let mut start = 0;
    for (at, &byte) in host.iter().enumerate() {
        if byte == b'.' {
            if !host.get(start..at).is_some_and(is_plain_label) {
                return false;
            }
            start = at + 1;
        }
    }
    let last = host.get(start..).unwrap_or_default();
    is_plain_label(last) && last.first().is_some_and(u8::is_ascii_lowercase)
}

/// A host name label of lower-case letters, digits and hyphens, not punycode.
fn is_plain_label(label: &[u8]) -> bool {
    !label.is_empty()
        && !label.starts_with(b"xn--")
        && label
            .iter()
            .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

// serde_json and url, the references these tests check against, are native-only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::is_canonical_web_url;

    /// The implication that matters: whenever the shortcut says yes, the WHATWG parser (the
    /// `url` crate implements the same standard as the browser) returns the text unchanged.
    fn check(reference: &str) -> bool {
        let canonical = is_canonical_web_url(reference);
        if canonical {
            let parsed = ::url::Url::parse(reference).map(|u| u.to_string());
            assert_eq!(parsed.as_deref(), Ok(reference), "shortcut wrongly taken");
        }
        canonical
    }

    #[test]
    fn takes_the_shortcut_only_for_links_the_parser_keeps() {
        for yes in [
            "https://example.org/",
            "http://news.example.org/n/1?utm=x&y=1#top",
            "https://example.org/a/b.html",
            "https://a-b.example/.well-known/x",
            "https://example.org/%C3%A9t%C3%A9",
            "https://example.org/a?b=/./c",
            "https://example.org/path;p=1/@x:y",
        ] {
            assert!(check(yes), "{yes}");
        }
        for no in [
            "https://example.org",
            "https://example.org?x",
            "HTTPS://example.org/",
            "https://Example.org/",
            "https://example.org:443/",
            "https://user@example.org/",
            "https://example.org/a/../b",
            "https://example.org/a/./b",
            "https://example.org/a/%2e%2E/b",
            "https://example.org/a b",
            "https://example.org/a\\b",
            "https://example.org/\"x\"",
            "https://example.org/a'b",
            "https://example.org/{x}",
            "https://1.2.3.4/",
            "https://0x7f.1/",
            "https://xn--nxasmq6b.example/",
            "https://exa_mple.org/",
            "https://example..org/",
            "https://example.org./",
            "https://ex\tample.org/",
            "https://éxample.org/",
            "javascript:alert(1)//https://example.org/",
            "/relative/path",
            "//example.org/",
            " https://example.org/",
        ] {
            assert!(!check(no), "{no}");
        }
    }

    #[test]
    fn never_wrong_on_generated_references() {
        const PIECES: [&str; 34] = [
            "https://", "http://", "a", "z", "0", "9", "-", ".", "/", "..", "./", "%", "%2e",
            "%41", "?", "#", "&", "=", "'", "\"", " ", "\t", ":", "@", "xn--", "é", "\\", "[", "]",
            "|", "^", "`", "{", "~",
        ];
        const HOSTS: [&str; 14] = [
            "example.org",
            "a-b.c9",
            "Ex.org",
            "1.2.3.4",
            "xn--p1ai",
            "a..b",
            "ex.org.",
            "e_x.org",
            "ex.org:80",
            "u@ex.org",
            "e.9x",
            "localhost",
            "ex.org:443",
            "",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut taken = 0;
        for _ in 0..200_000 {
            let mut reference = String::from(if next() % 2 == 0 {
                "https://"
            } else {
                "http://"
            });
            reference.push_str(HOSTS[(next() % HOSTS.len() as u64) as usize]);
            if next() % 4 != 0 {
                reference.push('/');
            }
            for _ in 0..(next() % 10) {
                reference.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            }
            taken += usize::from(check(&reference));
        }
        assert!(
            taken > 1_000,
            "the generator rarely makes canonical links: {taken}"
        );
    }
}
