//! The admin credential that guards everything revealing or changing stored data (report,
//! summary, CSV, deletion). Submitting a rating stays open: the widget posts from anywhere.
//!
//! Accepted as `Authorization: Bearer <token>` (scripts) or HTTP Basic with any user name and
//! the token as password (so a browser can open `/report` through its own login prompt).

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::error::ApiError;

/// Shortest token accepted at start: anything shorter could be guessed online.
pub const MIN_TOKEN_CHARS: usize = 16;
/// Longest token accepted at start (it travels in a header).
pub const MAX_TOKEN_CHARS: usize = 512;

/// Challenges sent with a 401: Basic first so browsers show their login prompt.
const CHALLENGES: [&str; 2] = [
    "Basic realm=\"FeedWidgets collector\", charset=\"UTF-8\"",
    "Bearer realm=\"FeedWidgets collector\"",
];

/// Whether the read endpoints are on, and with which token.
#[derive(Clone)]
pub enum AdminAccess {
    /// No token configured: the read endpoints answer 403 with how to turn them on.
    Off,
    /// Only this token opens them. Kept as its SHA-256 so comparisons take the same time
    /// whatever the length or content of what a client sends.
    Token([u8; 32]),
}

impl AdminAccess {
    /// Access with `token`, which must already be checked by [`check_token`].
    pub fn with_token(token: &str) -> Self {
        AdminAccess::Token(Sha256::digest(token.as_bytes()).into())
    }

    /// Whether `headers` carry the configured token.
    pub fn admits(&self, headers: &HeaderMap) -> bool {
        let AdminAccess::Token(expected) = self else {
            return false;
        };
        presented_token(headers)
            .is_some_and(|t| bool::from(Sha256::digest(&t).as_slice().ct_eq(expected)))
    }
}

/// Why a configured token cannot be used; `None` when it can.
pub fn check_token(token: &str) -> Option<String> {
    let n = token.chars().count();
    if !(MIN_TOKEN_CHARS..=MAX_TOKEN_CHARS).contains(&n) {
        return Some(format!(
            "the admin token must be {MIN_TOKEN_CHARS} to {MAX_TOKEN_CHARS} characters (it is {n})"
        ));
    }
    if !token.bytes().all(|b| b.is_ascii_graphic()) {
        return Some("the admin token must be printable ASCII without spaces".to_owned());
    }
    None
}

/// The token from `Authorization: Bearer t` or from the password of `Basic base64(user:t)`.
fn presented_token(headers: &HeaderMap) -> Option<Vec<u8>> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?.trim();
    let (scheme, rest) = value.split_once(' ')?;
    let rest = rest.trim();
    if scheme.eq_ignore_ascii_case("bearer") {
        return Some(rest.as_bytes().to_vec());
    }
    if scheme.eq_ignore_ascii_case("basic") {
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(rest)
            .ok()?;
        let colon = decoded.iter().position(|b| *b == b':')?;
        return Some(decoded.get(colon + 1..)?.to_vec());
    }
    None
}

/// Middleware for the admin routes.
pub async fn require_admin(
    State(access): State<Arc<AdminAccess>>,
    req: Request,
    next: Next,
) -> Response {
    if let AdminAccess::Off = *access {
        return ApiError::new(
            StatusCode::FORBIDDEN,
            "admin_disabled",
            "reports and exports are off because no admin token is configured; start the \
             collector with --admin-token-file PATH (or FW_ADMIN_TOKEN_FILE) or set FW_ADMIN_TOKEN",
        )
        .into_response();
    }
    if !access.admits(req.headers()) {
        let mut response = ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "send the admin token as Authorization: Bearer <token>, or as the password of \
             HTTP Basic authentication (any user name)",
        )
        .into_response();
        for challenge in CHALLENGES {
            response.headers_mut().append(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static(challenge),
            );
        }
        return response;
    }
    let mut response = next.run(req).await;
    // Personal data: never kept by a shared cache, and a cached copy is per credential.
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.append(header::VARY, HeaderValue::from_static("authorization"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(auth: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        if let Ok(v) = HeaderValue::from_str(auth) {
            h.insert(header::AUTHORIZATION, v);
        }
        h
    }

    fn basic(userpass: &str) -> String {
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(userpass)
        )
    }

    #[test]
    fn bearer_and_basic_with_any_user() {
        let a = AdminAccess::with_token("correct-horse-battery");
        assert!(a.admits(&headers("Bearer correct-horse-battery")));
        assert!(a.admits(&headers("bearer  correct-horse-battery ")));
        assert!(a.admits(&headers(&basic("admin:correct-horse-battery"))));
        assert!(a.admits(&headers(&basic(":correct-horse-battery"))));
        assert!(!a.admits(&headers("Bearer correct-horse-batter")));
        assert!(!a.admits(&headers(&basic("correct-horse-battery"))));
        assert!(!a.admits(&headers("Basic !!!")));
        assert!(!a.admits(&headers("Token correct-horse-battery")));
        assert!(!a.admits(&HeaderMap::new()));
        assert!(!AdminAccess::Off.admits(&headers("Bearer correct-horse-battery")));
    }

    #[test]
    fn weak_tokens_are_refused() {
        assert!(check_token("short").is_some());
        assert!(check_token("with a space inside it").is_some());
        assert!(check_token(&"x".repeat(MAX_TOKEN_CHARS + 1)).is_some());
        assert!(check_token("0123456789abcdef").is_none());
    }
}
