//! The parser against serde_json (native only, as serde_json is a native dev-dependency), and
//! the exact wording of its errors, which the console shows.

use super::string::special_bytes;
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

#[test]
fn errors_say_what_was_wrong_and_at_which_byte() {
    for (text, whole, head) in [
        ("", "unexpected end at byte 0", None),
        (" ", "unexpected end at byte 1", None),
        ("[1,]", "unexpected character at byte 3", None),
        ("{\"a\":1,}", "expected a member name at byte 7", None),
        ("01", "unexpected text after the JSON value at byte 1", None),
        ("1.", "expected a digit at byte 2", None),
        ("-", "expected a digit at byte 1", None),
        ("[1 2]", "expected ',' or ']' at byte 3", None),
        ("{\"a\" 1}", "expected ':' at byte 5", None),
        (
            "\"tab\there\"",
            "control character in a string at byte 4",
            None,
        ),
        ("\"open", "unterminated string at byte 5", None),
        ("\"\\x\"", "bad escape at byte 2", None),
        ("\"\\u12g4\"", "bad \\u escape at byte 3", None),
        ("\"\\u12", "short \\u escape at byte 3", None),
        ("nul", "unexpected character at byte 0", None),
        ("[}", "unexpected character at byte 1", None),
        // Past the head, the checking reading words some errors by what it met.
        (
            "{\"items\":[0,[}]}",
            "unexpected character at byte 13",
            Some("mismatched bracket at byte 13"),
        ),
        (
            "{\"items\":[0,{,}]}",
            "expected a member name at byte 13",
            Some("unexpected character at byte 13"),
        ),
        (
            "{\"items\":[0,1 2]}",
            "expected ',' or ']' at byte 14",
            None,
        ),
        ("{\"items\":[0,{\"a\" 1}]}", "expected ':' at byte 17", None),
        ("{\"items\":[0,", "unexpected end at byte 12", None),
    ] {
        let error = parse_text(text).expect_err(text);
        assert_eq!(error.to_string(), whole, "{text:?}");
        let error = parse_text_head(text, 1).expect_err(text);
        assert_eq!(error.to_string(), head.unwrap_or(whole), "head of {text:?}");
    }
    assert_eq!(
        parse_text("[1,]"),
        Err(JsonError {
            at: 3,
            what: JsonErrorKind::UnexpectedCharacter
        })
    );
}
