//! The JSON error body shared by every API failure, so the widget and scripts can branch on a
//! stable `error` code instead of parsing messages.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use crate::db::DbError;
use crate::logs;

/// An API failure: HTTP status plus `{ "error": code, "field"?: ..., "message": ... }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status of the response.
    pub status: StatusCode,
    /// Stable machine-readable code, e.g. `invalid_field`.
    pub code: &'static str,
    /// The payload field at fault, when there is one.
    pub field: Option<String>,
    /// Human-readable explanation.
    pub message: String,
    /// Seconds for a `Retry-After` header (rate limiting).
    pub retry_after_secs: Option<u64>,
}

#[derive(Serialize)]
struct Body<'a> {
    error: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
    message: &'a str,
}

impl ApiError {
    /// An error without a field.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            field: None,
            message: message.into(),
            retry_after_secs: None,
        }
    }

    /// A 422 about one payload field.
    pub fn field(code: &'static str, field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: Some(field.into()),
            ..Self::new(StatusCode::UNPROCESSABLE_ENTITY, code, message)
        }
    }

    /// Storage failures are logged (in aggregate, so a failing disk cannot also fill the log)
    /// but answered without internals. A 5xx tells the widget's outbox to keep the rating.
    pub fn storage(err: &dyn std::fmt::Display) -> Self {
        logs::STORAGE_FAILURES.hit(err);
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "storage_error",
            "the submission could not be stored; retry later",
        )
    }
}

/// Seconds a client is asked to wait when the write queue is full: a queue drains in a few
/// group commits, far less than this.
pub const QUEUE_FULL_RETRY_SECS: u64 = 1;

impl From<DbError> for ApiError {
    fn from(e: DbError) -> Self {
        match e {
            // Backpressure, not a fault: nothing to log per request, and the widget's outbox
            // retries a 503 like any 5xx.
            DbError::QueueFull => Self {
                retry_after_secs: Some(QUEUE_FULL_RETRY_SECS),
                ..Self::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "busy",
                    "the collector is busy; retry after the time in Retry-After",
                )
            },
            e => ApiError::storage(&e),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Body {
            error: self.code,
            field: self.field.as_deref(),
            message: &self.message,
        };
        let mut response = (self.status, Json(body)).into_response();
        if let Some(secs) = self.retry_after_secs {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}
