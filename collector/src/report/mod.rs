//! Server-rendered HTML report, from an askama template that escapes every value by
//! construction. No scripts; the charts are SVG with `role="img"`, a title and a description,
//! drawn in system colours under forced colours, and each has the same data as a table.

mod labels;
mod trend;

use std::collections::BTreeMap;

use askama::Template;
use axum::http::StatusCode;

use crate::db::{CommentRow, DateRange, Db};
use crate::error::ApiError;
use crate::summary::{summarize, Figures, MIN_SEGMENT_N};

pub use trend::Week;

/// Content-Security-Policy sent with the report: no scripts at all, only the page's own
/// inline stylesheet, and the date filter may only submit to the report itself.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; \
                       form-action 'self'; frame-ancestors 'none'";

/// Comments per page of the report.
pub const COMMENTS_PER_PAGE: u32 = 20;
/// Highest page number accepted (bounds the database's OFFSET).
pub const MAX_PAGE: u32 = 100_000;

/// Figures of one segment or of everything, formatted for reading.
pub struct FiguresView {
    /// What the row is about, in words.
    pub label: String,
    /// Ratings.
    pub n: u64,
    /// `66.7%` or `n/a`.
    pub csat: String,
    /// `3.79` or `n/a`.
    pub mean: String,
    /// Counts of 1..=5.
    pub counts: [u64; 5],
    /// Fewer than [`MIN_SEGMENT_N`] ratings.
    pub too_small: bool,
}

impl FiguresView {
    fn new(label: String, f: &Figures) -> Self {
        Self {
            label,
            n: f.n,
            csat: f
                .csat_percent
                .map_or_else(|| "n/a".to_owned(), |p| format!("{p:.1}%")),
            mean: f
                .mean
                .map_or_else(|| "n/a".to_owned(), |m| format!("{m:.2}")),
            counts: f.counts,
            too_small: f.too_small,
        }
    }
}

/// One table of segments.
pub struct Segment {
    /// Heading.
    pub title: &'static str,
    /// Header of the first column.
    pub key: &'static str,
    /// Its rows.
    pub rows: Vec<FiguresView>,
}

/// One bar of the distribution chart.
pub struct Bar {
    /// `4 – Satisfied`.
    pub label: String,
    /// 1..=5.
    pub rating: usize,
    /// Ratings of this value.
    pub count: u64,
    /// Geometry.
    pub x: u64,
    /// Top of the bar.
    pub y: u64,
    /// Height.
    pub h: u64,
}

/// One comment as shown.
pub struct CommentView {
    /// `1 Dec 2026, 15:51 UTC`.
    pub date: String,
    /// `4 – Satisfied`.
    pub rating: String,
    /// The text.
    pub comment: String,
    /// Page path.
    pub page: String,
    /// `Arabic (ar)`.
    pub page_language: String,
    /// `French (fr)`.
    pub widget_language: String,
    /// `Machine-translated: yes`.
    pub translated: &'static str,
}

/// The page's template and everything it shows.
#[derive(Template)]
#[template(path = "report.html")]
pub struct ReportPage {
    /// First day of the filter, as typed.
    pub from: String,
    /// Last day of the filter, as typed.
    pub to: String,
    /// `from=...&to=...` for links that keep the filter (escaped by the template).
    pub range_query: String,
    /// All ratings in range.
    pub overall: FiguresView,
    /// Distribution chart.
    pub bars: Vec<Bar>,
    /// Screen-reader text of the distribution chart.
    pub bars_desc: String,
    /// Weekly trend.
    pub weeks: Vec<Week>,
    /// Width of the trend chart in user units.
    pub trend_width: u64,
    /// Baseline of the trend chart.
    pub trend_base: u64,
    /// Screen-reader text of the trend chart.
    pub weeks_desc: String,
    /// Segment tables.
    pub segments: Vec<Segment>,
    /// This page of comments.
    pub comments: Vec<CommentView>,
    /// Comments in range.
    pub comment_total: u64,
    /// Current page, from 1.
    pub page: u32,
    /// Number of pages (at least 1).
    pub pages: u32,
    /// Threshold under which a segment is flagged.
    pub min_n: u64,
}

fn bars(counts: &[u64; 5]) -> (Vec<Bar>, String) {
    const BASE_Y: u64 = 170;
    const MAX_H: u64 = 150;
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let bars = counts
        .iter()
        .zip(1u8..)
        .map(|(&count, r)| {
            let h = count * MAX_H / max;
            Bar {
                label: labels::rating(r),
                rating: usize::from(r),
                count,
                x: 40 + u64::from(r - 1) * 75,
                y: BASE_Y - h,
                h,
            }
        })
        .collect::<Vec<_>>();
    let desc = bars
        .iter()
        .map(|b| format!("{}: {}", b.label, b.count))
        .collect::<Vec<_>>()
        .join(", ");
    (bars, desc)
}

fn segment(
    title: &'static str,
    key: &'static str,
    rows: &BTreeMap<String, Figures>,
    label: fn(&str) -> String,
) -> Segment {
    Segment {
        title,
        key,
        rows: rows
            .iter()
            .map(|(k, f)| FiguresView::new(label(k), f))
            .collect(),
    }
}

fn comment_view(c: CommentRow) -> CommentView {
    CommentView {
        date: labels::date_time(&c.received_at),
        rating: labels::rating(c.rating),
        comment: c.comment,
        page: c.page,
        page_language: labels::language(&c.page_language),
        widget_language: labels::language(&c.widget_language),
        translated: labels::translated(c.translated),
    }
}

/// Reads everything the report shows for `range` and renders page `page` of its comments.
pub async fn build(db: &Db, range: DateRange, page: u32) -> Result<String, ApiError> {
    let groups = db.rating_groups(range.clone()).await?;
    let week_groups = db.weekly(range.clone()).await?;
    let offset = u64::from(page.saturating_sub(1)) * u64::from(COMMENTS_PER_PAGE);
    let (comments, comment_total) = db
        .comments(range.clone(), COMMENTS_PER_PAGE, offset)
        .await?;
    let summary = summarize(&groups);
    let (bars, bars_desc) = bars(&summary.overall.counts);
    let (weeks, trend_width) = trend::weeks(&week_groups);
    let weeks_desc = weeks
        .iter()
        .map(|w| format!("{}: {} of {} ratings satisfied", w.label, w.csat, w.n))
        .collect::<Vec<_>>()
        .join("; ");
    let pages = u32::try_from(comment_total.div_ceil(u64::from(COMMENTS_PER_PAGE)))
        .unwrap_or(MAX_PAGE)
        .clamp(1, MAX_PAGE);
    let from = range.from().unwrap_or_default().to_owned();
    let to = range.to().unwrap_or_default().to_owned();
    let page = ReportPage {
        range_query: format!("from={from}&to={to}"),
        from,
        to,
        overall: FiguresView::new("All ratings".to_owned(), &summary.overall),
        bars,
        bars_desc,
        weeks,
        trend_width,
        trend_base: trend::BASE_Y,
        weeks_desc,
        segments: vec![
            segment("By page", "Page", &summary.by_page, str::to_owned),
            segment(
                "By widget language",
                "Language",
                &summary.by_language,
                labels::language,
            ),
            segment(
                "By machine translation",
                "Page shown",
                &summary.by_translated,
                labels::translated_key,
            ),
        ],
        comments: comments.into_iter().map(comment_view).collect(),
        comment_total,
        page,
        pages,
        min_n: MIN_SEGMENT_N,
    };
    page.render().map_err(|e| {
        tracing::error!("report template: {e}");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "report_error",
            "the report could not be rendered",
        )
    })
}
