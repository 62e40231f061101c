//! `POST /api/feedback`: open to everyone, since the widget posts from the open internet.

use std::time::{SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use super::AppState;
use crate::db::Upsert;
use crate::error::ApiError;
use crate::validate;

/// Largest accepted submission body. A payload with a 1000-character comment fits even when
/// every (BMP) character arrives `\uXXXX`-escaped (6 bytes); anything bigger is refused
/// before it is buffered.
pub const MAX_BODY_BYTES: usize = 8 * 1024;

#[derive(Serialize)]
struct Accepted {
    status: &'static str,
    submission_id: String,
}

/// `application/json`, optionally with `charset=utf-8` (JSON is UTF-8 by definition).
fn is_json(headers: &HeaderMap) -> bool {
    let Some(value) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let mut parts = value.split(';').map(str::trim);
    let essence_ok = parts
        .next()
        .is_some_and(|e| e.eq_ignore_ascii_case("application/json"));
    essence_ok
        && parts.filter(|p| !p.is_empty()).all(|p| {
            p.split_once('=').is_some_and(|(k, v)| {
                k.trim().eq_ignore_ascii_case("charset")
                    && v.trim().trim_matches('"').eq_ignore_ascii_case("utf-8")
            })
        })
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

fn body_error(rejection: &BytesRejection) -> ApiError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            format!("the body must be at most {MAX_BODY_BYTES} bytes"),
        )
    } else {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "unreadable_body",
            "the body could not be read",
        )
    }
}

/// Stores a rating.
///
/// A filled honeypot takes exactly the path of a genuine rating (same ownership check, same
/// status, same body) and only sets the record's spam flag, so a bot cannot tell it was
/// caught, and a spam request for someone else's id gets the 409 anyone would and changes
/// nothing.
pub async fn post_feedback(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let received_at_ms = now_ms();
    if !is_json(&headers) {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the submission as Content-Type: application/json",
        ));
    }
    let body = body.map_err(|r| body_error(&r))?;
    let submission = validate::parse_submission(&body, &state.limits)?;
    let id = submission.submission_id.clone();
    let status = match state.db.upsert(submission, received_at_ms).await? {
        Upsert::Created => StatusCode::CREATED,
        Upsert::Updated => StatusCode::OK,
        Upsert::NotOwner => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "submission_conflict",
                "this submission_id belongs to another submission_key; nothing was changed",
            ))
        }
    };
    let body = Accepted {
        status: "accepted",
        submission_id: id,
    };
    Ok((status, Json(body)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ct(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        if let Ok(v) = HeaderValue::from_str(v) {
            h.insert(header::CONTENT_TYPE, v);
        }
        h
    }

    #[test]
    fn json_content_types() {
        assert!(is_json(&ct("application/json")));
        assert!(is_json(&ct("Application/JSON; charset=UTF-8")));
        assert!(!is_json(&ct("application/json; charset=latin1")));
        assert!(!is_json(&ct("text/plain")));
        assert!(!is_json(&ct("application/jsonx")));
        assert!(!is_json(&HeaderMap::new()));
    }
}
