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
