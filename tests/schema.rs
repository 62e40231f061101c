//! The sample feed and the real-world fixtures satisfy the published JSON Schema, and the schema
//! is strict where the reader is (so this test can fail).
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};

fn load(path: &str) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&load("schema/feed.schema.json")).expect("the schema compiles")
}

fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| e.to_string())
        .collect()
}

#[test]
fn the_sample_feed_is_valid() {
    let validator = validator();
    let feed = load("demo/feed.json");
    assert_eq!(errors(&validator, &feed), Vec::<String>::new());
}

#[test]
fn the_real_json_feed_1_0_fixture_is_valid() {
    let validator = validator();
    let feed = load("tests/fixtures/real-feeds/oswin-portfolio-jsonfeed-1.0.json");
    assert_eq!(errors(&validator, &feed), Vec::<String>::new());
}

#[test]
fn the_schema_rejects_what_the_reader_rejects() {
    let validator = validator();
    let bad = [
        json!({ "version": "https://jsonfeed.org/version/1.1" }),
        json!({ "version": "https://jsonfeed.org/version/1.1", "items": [{ "title": "no id" }] }),
        json!({ "version": "https://jsonfeed.org/version/1.1", "items": [{ "id": "x", "title": "t", "url": "javascript:alert(1)" }] }),
        json!({ "version": "https://jsonfeed.org/version/1.1", "items": [],
                "_widgets": { "feedback": { "labels": ["only", "four", "labels", "here"] } } }),
        json!({ "version": "https://jsonfeed.org/version/1.1", "items": [],
                "_widgets": { "disclaimer": { "text": { "not a tag!": "x" } } } }),
        json!(42),
    ];
    for instance in bad {
        assert!(
            !errors(&validator, &instance).is_empty(),
            "accepted: {instance}"
        );
    }
}

#[test]
fn the_sample_feed_parses_into_both_news_items_and_every_setting() {
    struct Base;
    impl feedwidgets::feed::ResolveUrl for Base {
        fn resolve(&self, reference: &str) -> Option<String> {
            url::Url::parse("http://127.0.0.1:8080/feed.json")
                .ok()?
                .join(reference)
                .ok()
                .map(String::from)
        }
    }
    let text = std::fs::read_to_string("demo/feed.json").expect("sample feed");
    let parsed = feedwidgets::feed::parse(&text, &Base).expect("sample feed parses");
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    let feed = parsed.feed;
    assert_eq!(feed.items.len(), 2);
    assert!(feed.items[0]
        .title
        .starts_with("ICESCO Director-General receives"));
    let feedback = feed.widgets.feedback.expect("feedback settings");
    assert_eq!(
        feedback.endpoint.as_deref(),
        Some("http://127.0.0.1:8080/api/feedback")
    );
    for lang in ["en", "ar", "fr"] {
        assert!(feedback.question.get(lang).is_some(), "{lang} question");
        assert!(feedback.labels.get(lang).is_some(), "{lang} labels");
    }
    let disclaimer = feed.widgets.disclaimer.expect("disclaimer settings");
    assert_eq!(disclaimer.organization.as_deref(), Some("ICESCO"));
    assert!(disclaimer
        .text
        .get("ar")
        .is_some_and(|t| t.contains("Google")));
}
