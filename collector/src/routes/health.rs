//! `GET /healthz`: open, for load balancers. It says whether the storage can write, since a
//! collector that answers but cannot store loses every rating sent to it. It says nothing about
//! what is stored (not even how many records): that is for the admin endpoints.

use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use super::AppState;

#[derive(Serialize)]
struct Health {
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
}

/// 200 `{status: "ok"}` when the storage can write and read; otherwise 503
/// `{status: "unavailable", reason}`.
pub async fn get_health(State(state): State<AppState>) -> Response {
    let health = match (state.db.can_write().await, state.db.count_all().await) {
        (Ok(()), Ok(_)) => Health {
            status: "ok",
            reason: None,
        },
        (Err(why), _) => Health {
            status: "unavailable",
            reason: Some(format!("the storage cannot write: {why}")),
        },
        (Ok(()), Err(e)) => Health {
            status: "unavailable",
            reason: Some(format!("the storage cannot read: {e}")),
        },
    };
    let status = if health.reason.is_none() {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let mut response = (status, Json(health)).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
