//! Remembering a rating in headless Chromium: the short thanks, per site or page, for its days,
//! and with storage blocked.

#![cfg(target_arch = "wasm32")]

mod support;

use support::feedback::*;
use support::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_remembered_rating_shows_the_short_thanks() {
    setup();
    let url = endpoint("remembered");
    respond(&url, 201, "{}");
    let host = feedback(&[("endpoint", &url)]).await;
    rate_and_submit(&host, 5).await;
    wait_for_heading(&host).await;
    assert!(
        local("feedwidgets:feedback:rated").is_some(),
        "remembered in localStorage"
    );

    let again = add_feedback(&[("endpoint", &url), ("lang", "fr")]);
    wait_for_text(
        &again,
        "p[role=status]",
        "Merci, vous avez déjà donné votre avis.",
    )
    .await;
    assert_eq!(
        attr(&again, "p[role=status]", "role").as_deref(),
        Some("status")
    );
    assert!(find(&again, "form").is_none());

    // Per page: a rating on another page does not count here.
    let per_page = add_feedback(&[("endpoint", &url), ("remember-scope", "page")]);
    wait_for(&per_page, "form legend").await;
    // Zero days: never remembered.
    let never = add_feedback(&[("endpoint", &url), ("remember-days", "0")]);
    wait_for(&never, "form legend").await;
    // An old rating no longer counts.
    feedwidgets::platform::storage::set("feedback:rated", "1000");
    let old = add_feedback(&[("endpoint", &url)]);
    wait_for(&old, "form legend").await;
    forget();
}

#[wasm_bindgen_test]
async fn with_storage_blocked_it_works_and_remembers_for_the_page() {
    setup();
    let url = endpoint("blocked");
    respond(&url, 201, "{}");
    forget();
    block_storage(true);
    let window: JsValue = web_sys::window().unwrap().into();
    assert!(
        js_sys::Reflect::get(&window, &"localStorage".into()).is_err(),
        "the stub throws as a blocking browser does"
    );
    let host = add_feedback(&[("endpoint", &url)]);
    wait_for(&host, "form legend").await;
    rate_and_submit(&host, 4).await;
    wait_for_heading(&host).await;
    assert_eq!(calls_to(&url).len(), 1);
    let again = add_feedback(&[("endpoint", &url)]);
    wait_for_text(
        &again,
        "p[role=status]",
        "Thanks, you already gave your feedback.",
    )
    .await;
    block_storage(false);
    assert_eq!(
        local("feedwidgets:feedback:rated"),
        None,
        "nothing reached localStorage"
    );
    forget();
}
