//! The package's `custom-elements.json` says what the code does: its attributes are the options
//! the Rust code reads, its events the ones the widgets dispatch, its custom properties the ones
//! the stylesheets read, and it is a valid Custom Elements Manifest (schema 2.1, from the
//! `custom-elements-manifest` npm package that `scripts/setup.sh` installs into `tools/`).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use feedwidgets::platform::events::WidgetEvent;
use serde_json::Value;

const MANIFEST: &str = "package/custom-elements.json";
const SCHEMA: &str = "tools/node_modules/custom-elements-manifest/schema.json";

fn load(path: &str) -> Value {
    let text = fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e} (scripts/setup.sh installs the npm tools)"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The manifest's declaration of `tag`.
fn declaration(manifest: &Value, tag: &str) -> Value {
    manifest["modules"][0]["declarations"]
        .as_array()
        .and_then(|all| all.iter().find(|d| d["tagName"] == tag))
        .cloned()
        .unwrap_or_else(|| panic!("{tag} is not in {MANIFEST}"))
}

fn names(list: &Value) -> BTreeSet<String> {
    list.as_array()
        .map(|all| {
            all.iter()
                .filter_map(|item| item["name"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// Rust sources under `dir` (recursively when `deep`), without their `#[cfg(test)]` modules.
fn sources(dir: &str, deep: bool) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = vec![Path::new(dir).to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).expect("a source folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                if deep {
                    pending.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = fs::read_to_string(&path).expect("a source file");
                let code = text.split("#[cfg(test)]").next().unwrap_or("").to_string();
                found.push(code);
            }
        }
    }
    found
}

/// The literal names passed to `options.get/text/flag/number(…)` in `code`, however the call
/// is split over lines.
fn option_names(code: &str) -> BTreeSet<String> {
    let flat: String = code.split_whitespace().collect::<Vec<_>>().join("");
    let mut names = BTreeSet::new();
    for accessor in [".get(\"", ".text(\"", ".flag(\"", ".number(\""] {
        let needle = format!("options{accessor}");
        for (at, _) in flat.match_indices(&needle) {
            let rest = &flat[at + needle.len()..];
            if let Some(end) = rest.find('"') {
                names.insert(rest[..end].to_string());
            }
        }
    }
    names
}

/// `css` without its `/* … */` comments, which may name properties they do not set.
fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    out
}

#[test]
fn the_manifest_is_a_valid_custom_elements_manifest() {
    let validator = jsonschema::validator_for(&load(SCHEMA)).expect("the schema compiles");
    let manifest = load(MANIFEST);
    let errors: Vec<String> = validator
        .iter_errors(&manifest)
        .map(|e| e.to_string())
        .collect();
    assert_eq!(errors, Vec::<String>::new());
    assert_eq!(manifest["schemaVersion"], "2.1.0");
}

#[test]
fn each_element_lists_exactly_the_options_its_widget_reads() {
    let manifest = load(MANIFEST);
    let common: BTreeSet<String> = sources("src/widgets", false)
        .iter()
        .flat_map(|code| option_names(code))
        .collect();
    assert!(common.contains("src"), "the scan finds the shared options");
    for (tag, folder) in [
        ("fw-news-carousel", "src/widgets/carousel"),
        ("fw-feedback", "src/widgets/feedback"),
        ("fw-disclaimer", "src/widgets/disclaimer"),
    ] {
        let mut read = common.clone();
        read.extend(
            sources(folder, true)
                .iter()
                .flat_map(|code| option_names(code)),
        );
        let listed = names(&declaration(&manifest, tag)["attributes"]);
        assert_eq!(listed, read, "{tag}: manifest attributes vs options read");
    }
}

#[test]
fn the_events_are_the_ones_the_widgets_dispatch() {
    let manifest = load(MANIFEST);
    let mut listed = BTreeSet::new();
    for (tag, prefixes) in [
        ("fw-news-carousel", &["fw:carousel:"][..]),
        ("fw-feedback", &["fw:feedback:"][..]),
        ("fw-disclaimer", &["fw:disclaimer:", "fw:translation:"][..]),
    ] {
        for event in names(&declaration(&manifest, tag)["events"]) {
            assert!(
                prefixes.iter().any(|p| event.starts_with(p)),
                "{tag} lists {event}, which another widget dispatches"
            );
            listed.insert(event);
        }
    }
    let dispatched: BTreeSet<String> = WidgetEvent::ALL
        .iter()
        .map(|event| event.name().to_string())
        .collect();
    assert_eq!(listed, dispatched);
}

#[test]
fn the_custom_properties_are_the_ones_the_stylesheets_read() {
    let manifest = load(MANIFEST);
    let sheets: Vec<(String, String)> = [
        "src/style",
        "src/widgets/carousel",
        "src/widgets/feedback",
        "src/widgets/disclaimer",
    ]
    .iter()
    .flat_map(|dir| fs::read_dir(dir).expect("a style folder").flatten())
    .filter(|entry| entry.path().extension().is_some_and(|e| e == "css"))
    .map(|entry| {
        let name = entry.file_name().to_string_lossy().into_owned();
        (
            name,
            fs::read_to_string(entry.path()).expect("a stylesheet"),
        )
    })
    .collect();
    let mut sheets = sheets;
    // The head stylesheet reserves each widget's space before the bundle runs.
    sheets.push((
        "feedwidgets.css".to_string(),
        without_comments(&fs::read_to_string("feedwidgets.css").expect("the head stylesheet")),
    ));
    let css: String = sheets.iter().map(|(_, text)| text.as_str()).collect();
    // The dark theme sets the host-facing properties on purpose; elsewhere a property that is
    // both set and read is the widget's own, not the host's.
    let own: String = sheets
        .iter()
        .filter(|(name, _)| name != "dark.css")
        .map(|(_, text)| text.as_str())
        .collect();
    let read: BTreeSet<String> = css
        .match_indices("var(--fw-")
        .map(|(at, _)| {
            let name = &css[at + 4..];
            let end = name.find([',', ')', ' ']).unwrap_or(name.len());
            name[..end].to_string()
        })
        .collect();
    let host_facing: BTreeSet<String> = read
        .into_iter()
        .filter(|name| !own.contains(&format!("{name}:")))
        .collect();
    for tag in ["fw-news-carousel", "fw-feedback", "fw-disclaimer"] {
        let listed = names(&declaration(&manifest, tag)["cssProperties"]);
        assert_eq!(
            listed, host_facing,
            "{tag}: manifest custom properties vs CSS"
        );
    }
}

/// The manifest's attributes, methods, properties and parts per element are the bundle's own
/// table (`embed::API`), which `tests/loader.rs` checks `embed.js` against in turn.
#[test]
fn each_element_matches_the_bundles_table_of_its_api() {
    let manifest = load(MANIFEST);
    for kind in feedwidgets::embed::WidgetKind::ALL {
        let (tag, api) = (kind.spec().element, kind.api());
        let declaration = declaration(&manifest, tag);
        let set = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
        assert_eq!(
            names(&declaration["attributes"]),
            set(api.attributes),
            "{tag}: attributes"
        );
        let members = declaration["members"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let listed: BTreeSet<String> = members
            .iter()
            .filter(|m| m["kind"] == "method" || m["readonly"] == true)
            .filter_map(|m| m["name"].as_str().map(String::from))
            .collect();
        assert_eq!(
            listed,
            set(api.members),
            "{tag}: methods and read-only properties"
        );
        assert_eq!(
            names(&declaration["cssParts"]),
            set(api.parts),
            "{tag}: parts"
        );
        // Every attribute but the HTML-global `lang` has its reflecting camelCase property.
        for attribute in api.attributes.iter().filter(|a| **a != "lang") {
            let property = attribute
                .split('-')
                .enumerate()
                .map(|(i, word)| match i {
                    0 => word.to_string(),
                    _ => word[..1].to_uppercase() + &word[1..],
                })
                .collect::<String>();
            assert!(
                members
                    .iter()
                    .any(|m| m["name"] == property.as_str() && m["attribute"] == *attribute),
                "{tag}: the property {property} reflecting {attribute}"
            );
        }
    }
}
