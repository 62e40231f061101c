//! Waiting for the browser: to paint, or to run its other tasks.
//!
//! Each wait is a plain function giving the future to await (none without a window), not an
//! `async fn`: the task awaiting it then holds one `JsFuture` at one await point for both, not
//! a state machine of each inside its own (size).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::task;

/// Frames do not come on a hidden page; past this, the wait ends anyway.
const MOST_WAIT_MS: i32 = 100;

/// What resolves once the browser has painted what was rendered before the call: in a task after the
/// next animation frame (the frame paints after its callbacks), or after `MOST_WAIT_MS` when
/// no frame comes, as on a hidden page.
pub fn after_paint() -> Option<JsFuture> {
    let window = web_sys::window()?;
    let painted = js_sys::Promise::new(&mut |resolve, _reject| {
        let on_frame = {
            let (window, resolve) = (window.clone(), resolve.clone());
            task::once_js(Box::new(move || {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            }))
        };
        let _ = window.request_animation_frame(on_frame.unchecked_ref());
        // A promise settles once: whichever comes second does nothing.
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, MOST_WAIT_MS);
    });
    Some(JsFuture::from(painted))
}

/// What resolves in a later task (a zero-delay timer), so the browser can run what waits meanwhile:
/// input, rendering, other scripts. A promise on the timer is what `JsFuture` already brings;
/// a timer future would bring a channel of its own into the bundle.
pub fn next_task() -> Option<JsFuture> {
    let window = web_sys::window()?;
    let later = js_sys::Promise::new(&mut |resolve, _reject| {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    Some(JsFuture::from(later))
}
