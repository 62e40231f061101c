//! Randomness from `crypto.getRandomValues`, available on every page, secure context or not.

/// 16 random bytes, or `None` when the page has no Web Crypto.
pub fn random_bytes() -> Option<[u8; 16]> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let mut bytes = [0u8; 16];
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes)
}
