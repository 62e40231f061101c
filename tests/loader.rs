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
