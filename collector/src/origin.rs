//! Origin allow-list and CORS for the API.
//!
//! Written by hand rather than with a generic CORS layer because unknown origins must be
//! refused with a 403 (a CORS layer only withholds headers, and the write would still
//! happen), and same-origin pages must work without being listed.

use std::collections::BTreeSet;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::config::{canonical_authority, canonical_origin};
use crate::error::ApiError;

/// How long browsers may cache a preflight answer, in seconds.
const PREFLIGHT_MAX_AGE: u32 = 600;

/// The only route that answers cross-origin requests. The read endpoints (summary, report,
/// CSV with free-text comments) never get CORS headers: embedding sites need to submit, not
/// to read everyone's feedback from their pages' scripts.
pub const CORS_PATH: &str = "/api/feedback";

/// The configured allow-list, in canonical form.
#[derive(Debug, Clone, Default)]
pub struct OriginPolicy {
    allowed: BTreeSet<String>,
}

impl OriginPolicy {
    /// A policy allowing exactly `allowed` (already canonical, see
    /// [`crate::config::canonical_origin`]).
    pub fn new(allowed: BTreeSet<String>) -> Self {
        Self { allowed }
    }

    /// Whether `origin` is on the allow-list.
    pub fn is_allowed(&self, origin: &str) -> bool {
        canonical_origin(origin).is_some_and(|o| self.allowed.contains(&o))
    }
}

/// Whether `origin` names this service itself, judged by the `Host` the browser sent: a page
/// served by the collector posts with its own origin and must not need listing.
pub fn is_same_origin(origin: &str, host: Option<&str>) -> bool {
    let (Some(canonical), Some(host)) = (canonical_origin(origin), host) else {
        return false;
    };
    let Some((scheme, _)) = canonical.split_once("://") else {
        return false;
    };
    canonical_authority(scheme, host).is_some_and(|h| canonical == format!("{scheme}://{h}"))
}

fn host(headers: &HeaderMap, req: &Request) -> Option<String> {
    headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_owned)
        .or_else(|| req.uri().authority().map(|a| a.to_string()))
}

fn forbidden() -> Response {
    ApiError::new(
        StatusCode::FORBIDDEN,
        "origin_not_allowed",
        "this origin may not submit feedback",
    )
    .into_response()
}

/// Middleware for the API routes: answers preflights, refuses state-changing requests from
/// foreign origins, and adds `Access-Control-Allow-Origin` for listed ones.
pub async fn guard(State(policy): State<Arc<OriginPolicy>>, req: Request, next: Next) -> Response {
    let headers = req.headers();
    let Some(origin_header) = headers.get(header::ORIGIN).cloned() else {
        // No Origin: not a cross-origin browser request (curl, same-origin GET...).
        let mut response = next.run(req).await;
        add_vary_origin(response.headers_mut());
        return response;
    };
    let origin = origin_header.to_str().unwrap_or_default();
    let allowed = req.uri().path() == CORS_PATH && policy.is_allowed(origin);
    let same = is_same_origin(origin, host(headers, &req).as_deref());

    let is_preflight = req.method() == Method::OPTIONS
        && headers.contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    if is_preflight {
        if !allowed {
            return forbidden();
        }
        let mut response = StatusCode::NO_CONTENT.into_response();
        let h = response.headers_mut();
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin_header);
        h.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("POST"),
        );
        h.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            HeaderValue::from_static("content-type"),
        );
        h.insert(
            header::ACCESS_CONTROL_MAX_AGE,
            HeaderValue::from(PREFLIGHT_MAX_AGE),
        );
        add_vary_origin(h);
        return response;
    }

    let safe_method = matches!(*req.method(), Method::GET | Method::HEAD);
    if !safe_method && !allowed && !same {
        // The origin itself is not logged: it is whatever the client sent.
        crate::logs::ORIGIN_REFUSED.hit(&"");
        let mut response = forbidden();
        add_vary_origin(response.headers_mut());
        return response;
    }
    let mut response = next.run(req).await;
    let h = response.headers_mut();
    if allowed {
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin_header);
        // Not CORS-safelisted: without this the widget could not read a 429's Retry-After.
        h.insert(
            header::ACCESS_CONTROL_EXPOSE_HEADERS,
            HeaderValue::from_static("retry-after"),
        );
    }
    add_vary_origin(h);
    response
}

/// Responses differ by Origin, so caches must key on it.
fn add_vary_origin(headers: &mut HeaderMap) {
    headers.append(header::VARY, HeaderValue::from_static("origin"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allow_list_matches_canonically() {
        let p = OriginPolicy::new(["https://a.example".to_owned()].into_iter().collect());
        assert!(p.is_allowed("https://a.example"));
        assert!(p.is_allowed("HTTPS://A.EXAMPLE:443"));
        assert!(!p.is_allowed("http://a.example"));
        assert!(!p.is_allowed("https://a.example.evil"));
        assert!(!p.is_allowed("null"));
    }

    #[test]
    fn same_origin_compares_host_and_port() {
        assert!(is_same_origin(
            "http://127.0.0.1:8080",
            Some("127.0.0.1:8080")
        ));
        assert!(is_same_origin("http://localhost", Some("localhost:80")));
        assert!(!is_same_origin(
            "http://127.0.0.1:9999",
            Some("127.0.0.1:8080")
        ));
        assert!(!is_same_origin("http://evil.example", None));
        assert!(!is_same_origin("null", Some("null")));
    }
}
