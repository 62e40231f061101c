//! Dates and numbers in the widget's language through the browser's `Intl`, never by hand.
//!
//! Each formatter is made once per locale and kept: making one loads the locale's data, which
//! costs milliseconds, while formatting with it costs microseconds.

use std::cell::Cell;

use wasm_bindgen::{JsCast, JsValue};

/// Formatters made so far: (`Intl` constructor name, locale, the bound `format` function).
type Formatters = Vec<(&'static str, String, js_sys::Function)>;

thread_local! {
    /// In a `Cell`, taken and put back by one `with`: a `RefCell` borrowed by a lookup and an
    /// insertion was two copies of `LocalKey::with` and their borrow checks (size).
    static FORMATTERS: Cell<Formatters> = const { Cell::new(Vec::new()) };
}

/// A date such as "26 July 2024" / "26 juillet 2024" / "٢٦ يوليو ٢٠٢٤" (with the digits the
/// locale uses).
pub fn long_date(epoch_ms: i64, locale: &str) -> String {
    format_with("DateTimeFormat", locale, &date(epoch_ms)).unwrap_or_else(|| iso_date(epoch_ms))
}

/// The ISO 8601 form for `<time datetime>`.
pub fn iso_date(epoch_ms: i64) -> String {
    date(epoch_ms).to_iso_string().into()
}

/// The JS `Date` at `epoch_ms`: one function for both dates (size).
fn date(epoch_ms: i64) -> js_sys::Date {
    js_sys::Date::new(&JsValue::from_f64(epoch_ms as f64))
}

/// A whole number with the locale's digits.
pub fn number(value: usize, locale: &str) -> String {
    format_with("NumberFormat", locale, &JsValue::from_f64(value as f64))
        .unwrap_or_else(|| value.to_string())
}

/// `value` formatted by the cached `Intl[constructor]` for `locale`; `None` when `Intl`
/// rejects the locale (it throws a `RangeError` on a malformed tag).
fn format_with(constructor: &'static str, locale: &str, value: &JsValue) -> Option<String> {
    let format = FORMATTERS.with(|cell| {
        let mut formatters = cell.take();
        let mut found = None;
        for (kind, tag, format) in &formatters {
            if *kind == constructor && tag == locale {
                found = Some(format.clone());
                break;
            }
        }
        if found.is_none() {
            found = make_formatter(constructor, locale);
            if let Some(format) = &found {
                formatters.push((constructor, locale.to_string(), format.clone()));
            }
        }
        cell.set(formatters);
        found
    })?;
    format.call1(&JsValue::UNDEFINED, value).ok()?.as_string()
}

/// `new Intl[constructor](locale, options).format`, through `Reflect` so that a rejected
/// locale is an error value rather than an exception through Wasm.
fn make_formatter(constructor: &str, locale: &str) -> Option<js_sys::Function> {
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let class = js_sys::Reflect::get(&intl, &constructor.into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let options = js_sys::Object::new();
    if constructor == "DateTimeFormat" {
        js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into()).ok()?;
    }
    let formatter =
        js_sys::Reflect::construct(&class, &js_sys::Array::of2(&locale.into(), &options)).ok()?;
    // `format` is a getter returning a function bound to its formatter.
    js_sys::Reflect::get(&formatter, &"format".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()
}
