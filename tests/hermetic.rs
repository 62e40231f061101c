//! The browser and end-to-end suites name no host outside this machine: every absolute URL in
//! `tests/` and `e2e/` is on loopback or under a reserved name that never resolves (`.test`,
//! `.example`, `.invalid`, `.localhost`), so no test can depend on what the network does with
//! a lookup. `scripts/offline.sh` checks the same at run time; this finds it before.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

/// JSON Feed's version URIs are identifiers that feeds carry, never fetched.
const IDENTIFIERS: &[&str] = &["https://jsonfeed.org/version/"];

/// Whether `host` (without a port) can only be this machine or nothing at all.
fn is_local_or_reserved(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    host == "localhost"
        || host.starts_with("127.")
        || host == "[::1]"
        || [".test", ".example", ".invalid", ".localhost"]
            .iter()
            .any(|tld| host.ends_with(tld))
}

/// Every `http://` or `https://` host named in `text` that is neither local nor reserved.
fn outside_hosts(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices("http") {
        let rest = &text[at..];
        let Some(after) = rest
            .strip_prefix("https://")
            .or_else(|| rest.strip_prefix("http://"))
        else {
            continue;
        };
        if IDENTIFIERS.iter().any(|id| rest.starts_with(id)) {
            continue;
        }
        let end = after
            .find(|c: char| {
                !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '[' | ']' | ':'))
            })
            .unwrap_or(after.len());
        let authority = &after[..end];
        // A port after the host, or an IPv6 literal's brackets, are not part of the name.
        let host = if authority.starts_with('[') {
            authority.split_inclusive(']').next().unwrap_or(authority)
        } else {
            authority.split(':').next().unwrap_or(authority)
        };
        if !host.is_empty() && !is_local_or_reserved(host) {
            found.push(host.to_string());
        }
    }
    found
}

fn scan(dir: &Path, problems: &mut Vec<String>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            // Screenshots the e2e run leaves behind.
            if path.file_name().is_some_and(|name| name == "artifacts") {
                continue;
            }
            scan(&path, problems);
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue; // not text
        };
        for host in outside_hosts(&text) {
            problems.push(format!("{}: {host}", path.display()));
        }
    }
}

#[test]
fn tests_name_no_outside_host() {
    let mut problems = Vec::new();
    for dir in ["tests", "e2e"] {
        scan(Path::new(dir), &mut problems);
    }
    assert!(
        problems.is_empty(),
        "tests must use loopback or reserved names (*.test): {problems:#?}"
    );
}

#[test]
fn the_scan_finds_what_it_must() {
    // Written in two pieces so that the scan of this file does not find them.
    let outside = concat!(
        r#"{"image":"https:"#,
        r#"//cdn.example.com/a.png","url":"http:"#,
        r#"//x"}"#
    );
    assert_eq!(outside_hosts(outside), ["cdn.example.com", "x"]);
    assert!(outside_hosts(
        "https://feeds.test/a http://127.0.0.1:8080/ https://spam.example http://localhost:9/ \
         https://[::1]:80/ https://jsonfeed.org/version/1.1"
    )
    .is_empty());
}
