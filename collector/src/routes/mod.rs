//! HTTP routes: the feedback API, the admin reads, the health check and the static files.

mod admin;
mod health;
mod submit;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::handler::HandlerWithoutStateExt;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::from_fn_with_state;
use axum::routing::{any, delete, get, post};
use axum::Router;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use crate::auth::{self, AdminAccess};
use crate::db::Db;
use crate::error::ApiError;
use crate::origin::{self, OriginPolicy};
use crate::ratelimit::{self, RateLimit};
use crate::validate::Limits;

pub use submit::MAX_BODY_BYTES;

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
    /// Who may read stored data.
    pub admin: Arc<AdminAccess>,
    /// From a complete request head to the start of the answer, body read included.
    pub request_timeout: Duration,
    /// Served at `/`.
    pub site_dir: PathBuf,
    /// Served at `/dist/`.
    pub bundle_dir: PathBuf,
}

/// Builds the complete router.
pub fn router(parts: RouterParts) -> Router {
    let submit = post(submit::post_feedback)
        .route_layer(from_fn_with_state(parts.rate, ratelimit::limit))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES));
    let admin = from_fn_with_state(parts.admin, auth::require_admin);
    let api = Router::new()
        .route("/api/feedback", submit)
        .route(
            "/api/feedback/summary",
            get(admin::get_summary).route_layer(admin.clone()),
        )
        .route(
            "/api/feedback.csv",
            get(admin::get_csv).route_layer(admin.clone()),
        )
        .route(
            "/api/feedback/{submission_id}",
            delete(admin::delete_feedback).route_layer(admin.clone()),
        )
        .route("/report", get(admin::get_report).route_layer(admin))
        .route("/healthz", get(health::get_health))
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
        // Reading a slow body happens inside the handler, so this bounds it too; a streamed
        // export counts until its first byte (its pace is then the client's, under backpressure).
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            parts.request_timeout,
        ))
        // User text is only ever served as JSON, CSV or escaped HTML, and must never be
        // sniffed into something executable.
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
}

/// 404 for `/dist/*`, with a hint in the log when the bundle was never built.
fn bundle_not_found(dir: PathBuf) -> impl Fn() -> std::future::Ready<StatusCode> + Clone {
    move || {
        if !dir.is_dir() {
            crate::logs::MISSING_BUNDLE.hit(&format_args!(
                "bundle directory {} does not exist: build the widget bundle into it (see the \
                 repository README); /dist/* answers 404 until then",
                dir.display()
            ));
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
