//! Timers that stop when dropped, on the window's own `setTimeout` and `setInterval`.
//!
//! By hand rather than gloo-timers: the bundle already calls the window's timer methods, and
//! gloo's timers bring their own bindings of the same functions and a copy of their code for
//! each callback type.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A running timeout or interval; dropping it clears it, so its callback never runs again.
pub struct Timer {
    handle: i32,
    /// Kept alive for as long as the browser may call it.
    callback: Closure<dyn FnMut()>,
}

impl Timer {
    /// Runs `callback` once, after `ms` milliseconds.
    pub fn once(ms: u32, callback: Box<dyn FnMut()>) -> Option<Self> {
        Self::start(ms, callback, false)
    }

    /// Runs `callback` every `ms` milliseconds.
    pub fn every(ms: u32, callback: Box<dyn FnMut()>) -> Option<Self> {
        Self::start(ms, callback, true)
    }

    /// The JS function the timer calls, for another caller of the same callback (an observer):
    /// it lives as long as the timer.
    pub fn function(&self) -> &js_sys::Function {
        self.callback.as_ref().unchecked_ref()
    }

    fn start(ms: u32, callback: Box<dyn FnMut()>, repeats: bool) -> Option<Self> {
        let window = web_sys::window()?;
        let callback = Closure::wrap(callback);
        let function = callback.as_ref().unchecked_ref();
        let ms = i32::try_from(ms).unwrap_or(i32::MAX);
        let handle = if repeats {
            window.set_interval_with_callback_and_timeout_and_arguments_0(function, ms)
        } else {
            window.set_timeout_with_callback_and_timeout_and_arguments_0(function, ms)
        }
        .ok()?;
        Some(Self { handle, callback })
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        // `clearTimeout` clears intervals too: timeouts and intervals share one list of
        // handles (HTML's timer initialisation steps), so `clearInterval` is not imported
        // (size).
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(self.handle);
        }
    }
}
