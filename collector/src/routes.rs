//! HTTP routes: the feedback API, the report, the CSV export and the static files.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, State};
use axum::handler::HandlerWithoutStateExt;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{from_fn_with_state, map_response};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{any, get, post};
use axum::{Json, Router};
use serde::Serialize;
use tower_http::services::ServeDir;

use crate::db::{Db, Upsert};
use crate::error::ApiError;
use crate::origin::{self, OriginPolicy};
use crate::ratelimit::{self, RateLimit};
use crate::validate::{self, Limits};
use crate::{export, report, summary};

/// Largest accepted submission body. A payload with a 1000-character comment fits even when
/// every (BMP) character arrives `\uXXXX`-escaped (6 bytes); anything bigger is refused
/// before it is buffered.
pub const MAX_BODY_BYTES: usize = 8 * 1024;

/// State shared by the handlers.
#[derive(Clone)]
pub struct AppState {
    /// Storage.
    pub db: Db,
    /// Validation limits from the configuration.
    pub limits: Limits,
}

/// Everything the router needs besides the handler state.
pub struct RouterParts {
    /// Handler state.
    pub state: AppState,
    /// Origin allow-list for the API.
    pub origins: Arc<OriginPolicy>,
    /// Submission rate limiter.
    pub rate: Arc<RateLimit>,
    /// Served at `/`.
    pub site_dir: PathBuf,
    /// Served at `/dist/`.
    pub bundle_dir: PathBuf,
}

/// Builds the complete router.
pub fn router(parts: RouterParts) -> Router {
    let submit = post(post_feedback)
        .route_layer(from_fn_with_state(parts.rate, ratelimit::limit))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES));
    let api = Router::new()
        .route("/api/feedback", submit)
        .route("/api/feedback/summary", get(get_summary))
        .route("/api/feedback.csv", get(get_csv))
        .route("/report", get(get_report))
        .route("/healthz", get(get_health))
        .route("/api/{*rest}", any(api_not_found))
        .method_not_allowed_fallback(method_not_allowed)
        .layer(from_fn_with_state(parts.origins, origin::guard))
        .with_state(parts.state);
    let bundle = ServeDir::new(&parts.bundle_dir)
        .not_found_service(bundle_not_found(parts.bundle_dir.clone()).into_service());
    Router::new()
        .merge(api)
        .nest_service("/dist", bundle)
        .fallback_service(ServeDir::new(&parts.site_dir))
        .layer(map_response(security_headers))
}

/// `nosniff` everywhere: user text is only ever served as JSON, CSV or escaped HTML, and
/// must never be sniffed into something executable.
async fn security_headers(mut response: Response) -> Response {
    let h = response.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    response
}

/// 404 for `/dist/*`, with a hint in the log when the bundle was never built.
fn bundle_not_found(dir: PathBuf) -> impl Fn() -> std::future::Ready<StatusCode> + Clone {
    move || {
        if !dir.is_dir() {
            warn_missing_bundle(&dir);
        }
        std::future::ready(StatusCode::NOT_FOUND)
    }
}

/// Logs how to get a `/dist/` bundle.
pub fn warn_missing_bundle(dir: &Path) {
    tracing::warn!(
        "bundle directory {} does not exist: build the widget bundle into it (see the repository README); /dist/* answers 404 until then",
        dir.display()
    );
}

/// JSON 405 for the API routes (axum adds the `Allow` header).
async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "this method is not supported here; see the Allow header",
    )
}

/// JSON 404 for unknown paths under `/api/`, instead of the static site's empty 404.
async fn api_not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        "no such API endpoint; submissions go to POST /api/feedback",
    )
}

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

async fn post_feedback(
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
    let body = body.map_err(|rejection| {
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
    })?;
    let submission = validate::parse_submission(&body, &state.limits)?;
    let id = submission.submission_id.clone();
    let spam = submission.spam;
    let outcome = state
        .db
        .upsert(submission, received_at_ms)
        .await
        .map_err(|e| ApiError::storage(&e))?;
    // A honeypot hit gets a plausible answer so bots learn nothing.
    let status = match (spam, outcome) {
        (true, _) => StatusCode::ACCEPTED,
        (false, Upsert::Created) => StatusCode::CREATED,
        (false, Upsert::Updated) => StatusCode::OK,
    };
    tracing::debug!(submission_id = %id, ?outcome, spam, "feedback stored");
    let body = Accepted {
        status: "accepted",
        submission_id: id,
    };
    Ok((status, Json(body)).into_response())
}

fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

async fn current_summary(state: &AppState) -> Result<summary::Summary, ApiError> {
    let groups = state
        .db
        .rating_groups()
        .await
        .map_err(|e| ApiError::storage(&e))?;
    Ok(summary::summarize(&groups))
}

async fn get_summary(State(state): State<AppState>) -> Result<Response, ApiError> {
    let summary = current_summary(&state).await?;
    Ok(no_store(Json(summary).into_response()))
}

async fn get_report(State(state): State<AppState>) -> Result<Response, ApiError> {
    let summary = current_summary(&state).await?;
    let mut response = no_store(Html(report::render(&summary)).into_response());
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(report::CSP),
    );
    Ok(response)
}

async fn get_csv(State(state): State<AppState>) -> Result<Response, ApiError> {
    let rows = state
        .db
        .export_rows()
        .await
        .map_err(|e| ApiError::storage(&e))?;
    let response = (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"feedback.csv\"",
            ),
        ],
        export::to_csv(&rows),
    )
        .into_response();
    Ok(no_store(response))
}

#[derive(Serialize)]
struct Health {
    status: &'static str,
    records: u64,
}

async fn get_health(State(state): State<AppState>) -> Result<Response, ApiError> {
    let records = state
        .db
        .count_all()
        .await
        .map_err(|e| ApiError::storage(&e))?;
    Ok(no_store(
        Json(Health {
            status: "ok",
            records,
        })
        .into_response(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

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
