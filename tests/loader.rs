//! The hand-written loader and the crate agree on the version the page sees.
#![cfg(not(target_arch = "wasm32"))]

#[test]
fn the_loader_reports_the_crate_version() {
    let loader = include_str!("../embed.js");
    let expected = format!("const VERSION = \"{}\";", env!("CARGO_PKG_VERSION"));
    assert!(
        loader.contains(&expected),
        "embed.js must contain {expected}"
    );
    assert_eq!(feedwidgets::VERSION, env!("CARGO_PKG_VERSION"));
}

#[test]
fn the_loader_reads_bodies_up_to_the_bundles_limit() {
    const MIB: usize = 1024 * 1024;
    let loader = include_str!("../embed.js");
    assert_eq!(feedwidgets::feed::MAX_FEED_BYTES % MIB, 0);
    let expected = format!(
        "const MAX_FEED_BYTES = {} * 1024 * 1024;",
        feedwidgets::feed::MAX_FEED_BYTES / MIB
    );
    assert!(
        loader.contains(&expected),
        "embed.js must contain {expected}"
    );
}

/// The loader observes, and makes properties of, exactly the option attributes each widget
/// reads (`KINDS`), and defines exactly its methods.
#[test]
fn the_loader_observes_every_option_of_each_widget() {
    let loader = include_str!("../embed.js");
    for kind in feedwidgets::embed::WidgetKind::ALL {
        let (spec, api) = (kind.spec(), kind.api());
        let row = format!("\"{}\": [\"", spec.element);
        let start = loader
            .find(&row)
            .unwrap_or_else(|| panic!("embed.js has no row for {}", spec.element))
            + row.len();
        let rest = &loader[start..];
        let attributes_end = rest.find('"').expect("the attribute list ends");
        let attributes: Vec<&str> = rest[..attributes_end].split(' ').collect();
        assert_eq!(attributes, api.attributes, "attributes of {}", spec.element);
        let rest = &rest[attributes_end..];
        let methods_start = rest.find(", \"").expect("the methods follow") + 3;
        let methods_end = methods_start + rest[methods_start..].find('"').expect("they end");
        let methods: Vec<&str> = rest[methods_start..methods_end].split(' ').collect();
        let expected: Vec<&str> = api
            .members
            .iter()
            .copied()
            .filter(|member| *member != "currentIndex")
            .collect();
        assert_eq!(methods, expected, "methods of {}", spec.element);
    }
    assert!(
        loader.contains("\"currentIndex\""),
        "the carousel's read-only currentIndex"
    );
}
