//! Dates and numbers in the widget's language through the browser's `Intl`, never by hand.

use wasm_bindgen::JsValue;

/// A date such as "26 July 2024" / "26 juillet 2024" / "٢٦ يوليو ٢٠٢٤" (with the digits the
/// locale uses).
pub fn long_date(epoch_ms: i64, locale: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(epoch_ms as f64));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    date.to_locale_date_string(locale, &options).into()
}

/// The ISO 8601 form for `<time datetime>`.
pub fn iso_date(epoch_ms: i64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(epoch_ms as f64));
    date.to_iso_string().into()
}

/// A whole number with the locale's digits.
pub fn number(value: usize, locale: &str) -> String {
    js_sys::Number::from(value as f64)
        .to_locale_string(locale)
        .into()
}
