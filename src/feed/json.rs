//! A JSON tree of our own, so the feed reader is the same pure code everywhere while the parsing
//! is done by the fastest parser at hand: the browser's `JSON.parse` in Wasm (no JSON parser
//! in the bundle), `serde_json` in native builds and tests.

/// A parsed JSON value. Objects keep their members in document order.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null` (also what values nested deeper than [`MAX_DEPTH`] become).
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// Any number.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object's members.
    Object(Vec<(String, Json)>),
}

/// Nesting deeper than this is cut off: no feed needs it, and recursion must stay bounded.
pub const MAX_DEPTH: u32 = 32;

impl Json {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.as_object()?
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value)
    }

    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(text) => Some(text),
            _ => None,
        }
    }

    /// The elements of an array.
    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Self::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The members of an object.
    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Self::Object(members) => Some(members),
            _ => None,
        }
    }

    /// A boolean.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Self::Bool(flag) => Some(*flag),
            _ => None,
        }
    }

    /// A whole, non-negative number that `u64` holds exactly.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Self::Number(n) if *n >= 0.0 && n.fract() == 0.0 && *n < 9_007_199_254_740_992.0 => {
                Some(*n as u64)
            }
            _ => None,
        }
    }

    /// A whole number's decimal text (numeric ids); `None` for fractions.
    pub fn integer_text(&self) -> Option<String> {
        match self {
            Self::Number(n) if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 => {
                Some((*n as i64).to_string())
            }
            _ => None,
        }
    }
}

/// Parses JSON text with the browser's `JSON.parse`.
#[cfg(target_arch = "wasm32")]
pub fn parse_text(text: &str) -> Result<Json, String> {
    use wasm_bindgen::JsCast;
    let value = js_sys::JSON::parse(text)
        .map_err(|error| String::from(error.unchecked_into::<js_sys::Error>().message()))?;
    Ok(from_js(&value, 0))
}

#[cfg(target_arch = "wasm32")]
fn from_js(value: &wasm_bindgen::JsValue, depth: u32) -> Json {
    use wasm_bindgen::JsCast;
    if let Some(text) = value.as_string() {
        Json::String(text)
    } else if let Some(number) = value.as_f64() {
        Json::Number(number)
    } else if let Some(flag) = value.as_bool() {
        Json::Bool(flag)
    } else if depth >= MAX_DEPTH {
        Json::Null
    } else if let Some(array) = value.dyn_ref::<js_sys::Array>() {
        Json::Array(array.iter().map(|item| from_js(&item, depth + 1)).collect())
    } else if let Some(object) = value.dyn_ref::<js_sys::Object>() {
        let members = js_sys::Object::entries(object)
            .iter()
            .filter_map(|entry| {
                let pair = js_sys::Array::from(&entry);
                let name = pair.get(0).as_string()?;
                Some((name, from_js(&pair.get(1), depth + 1)))
            })
            .collect();
        Json::Object(members)
    } else {
        Json::Null
    }
}

/// Parses JSON text with `serde_json`.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_text(text: &str) -> Result<Json, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|error| error.to_string())?;
    Ok(from_serde(&value, 0))
}

#[cfg(not(target_arch = "wasm32"))]
fn from_serde(value: &serde_json::Value, depth: u32) -> Json {
    use serde_json::Value;
    match value {
        Value::Null => Json::Null,
        Value::Bool(flag) => Json::Bool(*flag),
        Value::Number(number) => Json::Number(number.as_f64().unwrap_or(f64::NAN)),
        Value::String(text) => Json::String(text.clone()),
        _ if depth >= MAX_DEPTH => Json::Null,
        Value::Array(items) => {
            Json::Array(items.iter().map(|v| from_serde(v, depth + 1)).collect())
        }
        Value::Object(members) => Json::Object(
            members
                .iter()
                .map(|(name, v)| (name.clone(), from_serde(v, depth + 1)))
                .collect(),
        ),
    }
}

/// `text` as a JSON string literal, quotes included.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // U+2028/2029 are valid JSON but break JavaScript string literals; escape them too.
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
