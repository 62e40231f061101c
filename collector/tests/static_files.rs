//! The demo site and the widget bundle.

mod common;

use reqwest::{header, StatusCode};

use common::*;

#[tokio::test]
async fn static_site_bundle_and_wasm_mime() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("site")).expect("mkdir");
    std::fs::create_dir_all(dir.path().join("dist")).expect("mkdir");
    std::fs::write(dir.path().join("site/index.html"), "<h1>demo</h1>").expect("write");
    std::fs::write(
        dir.path().join("dist/feedwidgets_bg.wasm"),
        b"\0asm\x01\0\0\0",
    )
    .expect("write");
    std::fs::write(dir.path().join("dist/feedwidgets.js"), "export {}").expect("write");
    let s = start(config(dir.path())).await;

    let r = s.get("/").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers()[header::CONTENT_TYPE]
        .to_str()
        .is_ok_and(|c| c.starts_with("text/html")));
    assert_eq!(r.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(r.text().await.expect("body"), "<h1>demo</h1>");

    let r = s.get("/dist/feedwidgets_bg.wasm").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()[header::CONTENT_TYPE], "application/wasm");
    assert_eq!(r.bytes().await.expect("body").as_ref(), b"\0asm\x01\0\0\0");

    let r = s.get("/dist/feedwidgets.js").await;
    assert!(r.headers()[header::CONTENT_TYPE]
        .to_str()
        .is_ok_and(|c| c.contains("javascript")));

    assert_eq!(
        s.get("/dist/missing.js").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(s.get("/nope.html").await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        s.get("/../Cargo.toml").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn missing_bundle_dir_is_404() {
    let (_dir, s) = start_default().await;
    assert_eq!(
        s.get("/dist/feedwidgets.js").await.status(),
        StatusCode::NOT_FOUND
    );
    // The API still works without the static directories.
    assert_eq!(
        s.post(&payload(&id(1), 4)).await.status(),
        StatusCode::CREATED
    );
}
