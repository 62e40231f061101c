//! HTTP through the browser's `fetch`, with a time limit and a size limit.
//!
//! The time limit races each step against a timer promise with `Promise.race`, which costs far
//! fewer bytes than a Rust future combinator.

use std::cell::Cell;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestInit, Response};

use crate::feed::{FeedError, MAX_FEED_BYTES};

thread_local! {
    /// Feed requests the loader started before the bundle ran, by absolute URL. A `Cell`,
    /// taken and put back: no borrow flag or panic path, as a `RefCell` would bring.
    static PREFETCHED: Cell<Option<js_sys::Map>> = const { Cell::new(None) };
}

/// Takes over the feed requests the loader (`embed.js`) started while the bundle downloaded: a
/// `Map` from absolute URL to a promise of `[Response, body promise or null]`, which carries
/// `arrived: [Response, ArrayBuffer]` once the body is in. Anything else is ignored.
pub fn adopt_prefetched(requests: JsValue) {
    if let Ok(requests) = requests.dyn_into::<js_sys::Map>() {
        PREFETCHED.set(Some(requests));
    }
}

/// The loader's request for `url`; `take` makes it the last time: later loads (a refresh)
/// fetch anew.
fn prefetched(url: &str, take: bool) -> Option<js_sys::Promise> {
    let requests = PREFETCHED.take()?;
    let key = JsValue::from_str(url);
    let request = requests.get(&key).dyn_into::<js_sys::Promise>().ok();
    if take && request.is_some() {
        requests.delete(&key);
    }
    PREFETCHED.set(Some(requests));
    request
}

/// The body of the loader's request for `url` if it is in already (the loader read it only
/// after a 2xx answer that declared no more than [`MAX_FEED_BYTES`]), once; `None` when it is
/// not, or is over the limit (then [`get`], awaiting the same request, reports that).
pub fn arrived_text(url: &str) -> Option<Body> {
    let request = prefetched(url, false)?;
    let key = JsValue::from_str("arrived");
    let arrived = js_sys::Reflect::get(&request, &key).ok()?;
    // Once: a body whose reading failed is read again only by [`get`], which reports why.
    let _ = js_sys::Reflect::delete_property(request.unchecked_ref::<js_sys::Object>(), &key);
    let body = arrived.dyn_into::<js_sys::Array>().ok()?.get(1);
    if !body.is_instance_of::<js_sys::ArrayBuffer>() {
        return None;
    }
    checked_body(&body).ok()
}

/// Drops the loader's request for `url`, once its body was read: a later load fetches anew.
pub fn forget_prefetched(url: &str) {
    let _ = prefetched(url, true);
}

/// Why a request gave no usable answer.
enum Failure {
    /// The deadline passed first.
    Timeout,
    /// The request failed, with the browser's reason.
    Network(String),
}

/// A body that a [`Get`] read.
pub struct Body {
    /// The text (malformed UTF-8 made U+FFFD, as `text()` would make it).
    pub text: String,
    /// The bytes the body came as, still in JavaScript's memory, when they are `text`
    /// exactly: a long feed's rest is read from them a piece at a time once `text` is gone.
    pub bytes: Option<js_sys::Uint8Array>,
}

/// A GET of a feed under way ([`get`]): its deadline, and the time limit its errors name.
///
/// Its two waits, for the answer and for the body, are the caller's: it awaits the futures
/// that [`get`] and [`Get::answered`] give and hands their results on. An `async fn` here
/// would be a state machine inside the caller's (size).
pub struct Get {
    deadline: Deadline,
    timeout_ms: u32,
}

/// Starts a GET of `url` as text, to fail on a non-2xx status, on a body over
/// [`MAX_FEED_BYTES`], or when no complete answer arrives within `timeout_ms` (the request is
/// then aborted): the request, and its answer to await and give to [`Get::answered`]. The
/// loader's request for the same URL, when it made one, stands in for a new one.
pub fn get(url: &str, timeout_ms: u32) -> Result<(Get, JsFuture), FeedError> {
    let init = RequestInit::new();
    init.set_method("GET");
    let get = Get {
        deadline: Deadline::start(timeout_ms, &init),
        timeout_ms,
    };
    // Either request awaited at one place and its answer read by one function.
    let answer = match prefetched(url, true) {
        Some(request) => get.deadline.race(&request),
        None => get
            .deadline
            .fetch(url, &init)
            .map_err(|failure| get.failure(failure))?,
    };
    Ok((get, answer))
}

impl Get {
    fn failure(&self, failure: Failure) -> FeedError {
        match failure {
            Failure::Timeout => FeedError::Timeout {
                ms: self.timeout_ms,
            },
            Failure::Network(reason) => FeedError::Network(reason),
        }
    }

    /// The body to await and give to [`Get::body`], from the settled answer.
    pub fn answered(&self, answer: Result<JsValue, JsValue>) -> Result<JsFuture, FeedError> {
        let deadline = &self.deadline;
        let (response, body) = deadline
            .checked(answer)
            .and_then(answer_parts)
            .map_err(|failure| self.failure(failure))?;
        if !response.ok() {
            return Err(FeedError::Http(response.status()));
        }
        let declared = response
            .headers()
            .get("content-length")
            .ok()
            .flatten()
            // Read as a `u64`, whose parser the bundle has already, not a `usize`, whose
            // parser would be code for this one use (size).
            .and_then(|length| length.trim().parse::<u64>().ok())
            .and_then(|length| usize::try_from(length).ok());
        if let Some(bytes) = declared.filter(|&bytes| bytes > MAX_FEED_BYTES) {
            return Err(FeedError::TooLarge { bytes });
        }
        // The bytes rather than `text()`: one copy into Wasm memory instead of a UTF-8 decode
        // and re-encode, and an oversized body is refused before it is copied at all.
        let body = match body {
            Some(body) => body,
            None => response
                .array_buffer()
                .map_err(|e| FeedError::Network(describe(&e)))?,
        };
        Ok(deadline.race(&body))
    }

    /// The text of the settled body.
    pub fn body(&self, body: Result<JsValue, JsValue>) -> Result<Body, FeedError> {
        let body = self
            .deadline
            .checked(body)
            .map_err(|failure| self.failure(failure))?;
        checked_body(&body)
    }
}

/// The text of `body` (an `ArrayBuffer`), unless it is over [`MAX_FEED_BYTES`].
fn checked_body(body: &JsValue) -> Result<Body, FeedError> {
    let bytes = js_sys::Uint8Array::new(body);
    let length = bytes.length() as usize;
    if length > MAX_FEED_BYTES {
        return Err(FeedError::TooLarge { bytes: length });
    }
    Ok(match decoded(bytes.to_vec()) {
        Ok(text) => Body {
            text,
            bytes: Some(bytes),
        },
        Err(text) => Body { text, bytes: None },
    })
}

/// `bytes` as text: `Ok` when they are UTF-8, else `Err` with what is malformed made U+FFFD,
/// as `text()` would make it. One function for a body and its pieces.
fn decoded(bytes: Vec<u8>) -> Result<String, String> {
    let error = match String::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(error) => error,
    };
    // Repaired by the UTF-8 check that read it, as `String::from_utf8_lossy` would repair it:
    // each malformed sequence that check names becomes one U+FFFD. That function's own
    // reading of UTF-8 would be a second copy of it in the Wasm (about 600 bytes).
    let mut rest = error.as_bytes();
    let mut text = String::with_capacity(rest.len());
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                text.push_str(valid);
                return Err(text);
            }
            Err(error) => {
                // Checked: `split_at` would bring a panic path.
                let Some((valid, after)) = rest.split_at_checked(error.valid_up_to()) else {
                    return Err(text);
                };
                text.push_str(std::str::from_utf8(valid).unwrap_or_default());
                text.push(char::REPLACEMENT_CHARACTER);
                let malformed = error.error_len().unwrap_or(after.len());
                rest = after.get(malformed..).unwrap_or_default();
            }
        }
    }
}

/// The bytes `range` of `bytes` (a [`Body`]'s), as text: a piece of a valid text cut
/// between two JSON tokens is valid too, and anything else is repaired as `text()` would.
pub fn text_of(bytes: &js_sys::Uint8Array, range: std::ops::Range<usize>) -> String {
    let piece = bytes
        .subarray(range.start as u32, range.end as u32)
        .to_vec();
    decoded(piece).unwrap_or_else(|text| text)
}

/// POSTs `body` as JSON; the answer's status, or why no answer came.
pub async fn post_json(url: &str, body: &str, timeout_ms: u32) -> Result<u16, String> {
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(body));
    let headers = web_sys::Headers::new().map_err(|e| describe(&e))?;
    headers
        .set("content-type", "application/json")
        .map_err(|e| describe(&e))?;
    init.set_headers(&headers);
    let deadline = Deadline::start(timeout_ms, &init);
    let answered = match deadline.fetch(url, &init) {
        Ok(answer) => deadline.checked(answer.await).and_then(as_response),
        Err(failure) => Err(failure),
    };
    match answered {
        Ok(response) => Ok(response.status()),
        Err(Failure::Timeout) => Err(format!("no answer within {timeout_ms} ms")),
        Err(Failure::Network(reason)) => Err(reason),
    }
}

/// A timer that aborts the request when it fires, and that each step of the request races.
struct Deadline {
    timer: js_sys::Promise,
    controller: Option<AbortController>,
    handle: Option<i32>,
}

impl Deadline {
    fn start(timeout_ms: u32, init: &RequestInit) -> Self {
        let controller = AbortController::new().ok();
        if let Some(controller) = &controller {
            init.set_signal(Some(&controller.signal()));
        }
        let mut handle = None;
        // Resolves with `undefined`, which neither a Response nor a body text ever is.
        let timer = js_sys::Promise::new(&mut |resolve, _reject| {
            handle = web_sys::window().and_then(|window| {
                window
                    .set_timeout_with_callback_and_timeout_and_arguments_0(
                        &resolve,
                        i32::try_from(timeout_ms).unwrap_or(i32::MAX),
                    )
                    .ok()
            });
        });
        Self {
            timer,
            controller,
            handle,
        }
    }

    /// A `fetch` of `url` with `init`, raced against the deadline.
    fn fetch(&self, url: &str, init: &RequestInit) -> Result<JsFuture, Failure> {
        let window = web_sys::window().ok_or_else(|| Failure::Network("no window".into()))?;
        Ok(self.race(&window.fetch_with_str_and_init(url, init)))
    }

    /// `step` raced against the deadline, for [`Deadline::checked`] to read once it settles.
    /// A plain function and a check, not one async function: an async function is a state
    /// machine of its own, and a part of the state of each one that awaits it.
    fn race(&self, step: &js_sys::Promise) -> JsFuture {
        JsFuture::from(js_sys::Promise::race(&js_sys::Array::of2(
            step,
            &self.timer,
        )))
    }

    /// The value of a settled [`Deadline::race`], unless the deadline passed first (then the
    /// request is aborted).
    fn checked(&self, settled: Result<JsValue, JsValue>) -> Result<JsValue, Failure> {
        let value = settled.map_err(|e| Failure::Network(describe(&e)))?;
        if value.is_undefined() {
            if let Some(controller) = &self.controller {
                controller.abort();
            }
            return Err(Failure::Timeout);
        }
        Ok(value)
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let (Some(window), Some(handle)) = (web_sys::window(), self.handle) {
            window.clear_timeout_with_handle(handle);
        }
    }
}

/// What a request answered: its `Response`, and the promise of its body when the loader reads
/// it (a loader's request answers `[Response, body promise or null]`). A bare `Response`, as a
/// `fetch` answers (and a loader of an earlier release, still in a cache), is taken too.
fn answer_parts(answer: JsValue) -> Result<(Response, Option<js_sys::Promise>), Failure> {
    let answer = match answer.dyn_into::<Response>() {
        Ok(response) => return Ok((response, None)),
        Err(answer) => answer,
    };
    let pair = js_sys::Array::from(&answer);
    Ok((
        as_response(pair.get(0))?,
        pair.get(1).dyn_into::<js_sys::Promise>().ok(),
    ))
}

/// `value` as the `Response` a `fetch` answers with.
fn as_response(value: JsValue) -> Result<Response, Failure> {
    value
        .dyn_into::<Response>()
        .map_err(|_| Failure::Network("fetch did not answer with a Response".into()))
}

/// A readable reason from a JavaScript error value.
fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::decoded;

    #[test]
    fn malformed_bytes_are_repaired_as_from_utf8_lossy_repairs_them() {
        let mut cases: Vec<Vec<u8>> = vec![
            b"plain".to_vec(),
            "d\u{e9}j\u{e0} \u{1f600}".as_bytes().to_vec(),
            vec![0xff],
            vec![b'a', 0xc3],
            vec![0xe2, 0x82, b'x', 0xf0, 0x9f, 0x98],
            vec![0xed, 0xa0, 0x80, b'z'],
            vec![0xc0, 0xaf, 0xf8, 0x80, 0x80, 0x80, 0x80],
            vec![0xf4, 0x90, 0x80, 0x80, 0xe0, 0x80, 0xc3, 0xa9],
        ];
        let mut seed: u32 = 0x2545_f491;
        for length in 0..400 {
            let bytes = (0..length % 13)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 17;
                    seed ^= seed << 5;
                    [0x41, 0x80, 0xbf, 0xc3, 0xa9, 0xe2, 0xf0, 0x9f, 0xff, 0xed][seed as usize % 10]
                })
                .collect();
            cases.push(bytes);
        }
        for bytes in cases {
            let expected = String::from_utf8_lossy(&bytes).into_owned();
            let valid = std::str::from_utf8(&bytes).is_ok();
            let got = decoded(bytes.clone());
            assert_eq!(got.is_ok(), valid, "{bytes:x?}");
            assert_eq!(got.unwrap_or_else(|text| text), expected, "{bytes:x?}");
        }
    }
}
