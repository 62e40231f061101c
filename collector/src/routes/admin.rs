//! The admin routes (behind [`crate::auth::require_admin`]): summary, report, CSV, deletion.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

use super::AppState;
use crate::db::DateRange;
use crate::error::ApiError;
use crate::{export, report, summary, validate};

/// `?from=YYYY-MM-DD&to=YYYY-MM-DD&p=N`; empty values (a form's blank date) mean "not set".
#[derive(Debug, Default, Deserialize)]
pub struct RangeQuery {
    from: Option<String>,
    to: Option<String>,
    p: Option<String>,
}

fn blank_to_none(v: Option<&String>) -> Option<&str> {
    v.map(|s| s.trim()).filter(|s| !s.is_empty())
}

fn bad_query(message: &str) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, "invalid_query", message)
}

impl RangeQuery {
    fn from_request(q: Result<Query<RangeQuery>, QueryRejection>) -> Result<Self, ApiError> {
        q.map(|Query(q)| q)
            .map_err(|_| bad_query("the query string could not be read"))
    }

    fn range(&self) -> Result<DateRange, ApiError> {
        DateRange::new(
            blank_to_none(self.from.as_ref()),
            blank_to_none(self.to.as_ref()),
        )
        .ok_or_else(|| bad_query("from and to must be dates like 2026-01-31"))
    }

    fn page(&self) -> Result<u32, ApiError> {
        match blank_to_none(self.p.as_ref()) {
            None => Ok(1),
            Some(p) => p
                .parse::<u32>()
                .ok()
                .filter(|p| (1..=report::MAX_PAGE).contains(p))
                .ok_or_else(|| bad_query("p must be a page number from 1")),
        }
    }
}

/// CSAT figures as JSON, optionally for a date range.
pub async fn get_summary(
    State(state): State<AppState>,
    q: Result<Query<RangeQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let range = RangeQuery::from_request(q)?.range()?;
    let groups = state.db.rating_groups(range).await?;
    Ok(Json(summary::summarize(&groups)).into_response())
}

/// The HTML report.
pub async fn get_report(
    State(state): State<AppState>,
    q: Result<Query<RangeQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let q = RangeQuery::from_request(q)?;
    let html = report::build(&state.db, q.range()?, q.page()?).await?;
    let mut response = Html(html).into_response();
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(report::CSP),
    );
    Ok(response)
}

/// The CSV export, streamed, optionally for a date range.
pub async fn get_csv(
    State(state): State<AppState>,
    q: Result<Query<RangeQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let range = RangeQuery::from_request(q)?.range()?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"feedback.csv\"",
            ),
        ],
        export::stream(state.db.clone(), range),
    )
        .into_response())
}

/// Deletes one record: 204, or 404 when there is none.
pub async fn delete_feedback(
    State(state): State<AppState>,
    Path(submission_id): Path<String>,
) -> Result<Response, ApiError> {
    let id = validate::uuid_v4(&submission_id).ok_or_else(|| {
        ApiError::field(
            "invalid_field",
            "submission_id",
            "submission_id must be a UUID v4",
        )
    })?;
    if state.db.delete(id).await? {
        Ok(StatusCode::NO_CONTENT.into_response())
    } else {
        Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "no record has this submission_id",
        ))
    }
}
