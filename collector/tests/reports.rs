//! The admin reads: summary figures, the HTML report and the CSV export.

mod common;

use reqwest::{header, StatusCode};
use serde_json::{json, Value};

use common::*;

/// Posts `counts[i]` ratings of `i + 1` for one page/language/translation cell.
async fn seed(
    s: &Server,
    next_id: &mut u32,
    page: &str,
    lang: &str,
    translated: bool,
    counts: [u32; 5],
) {
    for (i, c) in counts.iter().enumerate() {
        for _ in 0..*c {
            *next_id += 1;
            let mut p = payload(&id(*next_id), i as i64 + 1);
            p["page"] = json!(page);
            p["widget_language"] = json!(lang);
            p["translated"] = json!(translated);
            assert_eq!(s.post(&p).await.status(), StatusCode::CREATED);
        }
    }
}

#[tokio::test]
async fn summary_figures_are_exact() {
    let (_dir, s) = start_default().await;
    let empty = s.summary().await;
    assert_eq!(
        empty["overall"],
        json!({ "n": 0, "csat_percent": null, "mean": null, "counts": [0, 0, 0, 0, 0], "too_small": true })
    );

    let mut n = 0;
    seed(&s, &mut n, "/a", "en", false, [2, 3, 5, 10, 10]).await;
    seed(&s, &mut n, "/b", "ar", true, [0, 0, 1, 1, 1]).await;
    let mut spam = payload(&id(999), 1);
    spam["honeypot"] = json!("bot");
    assert_eq!(s.post(&spam).await.status(), StatusCode::CREATED);

    let sm = s.summary().await;
    // 33 ratings, 22 satisfied = 66.67% -> 66.7; mean 125/33 = 3.788 -> 3.79.
    assert_eq!(
        sm["overall"],
        json!({ "n": 33, "csat_percent": 66.7, "mean": 3.79, "counts": [2, 3, 6, 11, 11], "too_small": false })
    );
    // /a: 30 ratings, 20 satisfied; mean 113/30 = 3.767 -> 3.77; exactly at the threshold.
    assert_eq!(
        sm["by_page"]["/a"],
        json!({ "n": 30, "csat_percent": 66.7, "mean": 3.77, "counts": [2, 3, 5, 10, 10], "too_small": false })
    );
    assert_eq!(
        sm["by_page"]["/b"],
        json!({ "n": 3, "csat_percent": 66.7, "mean": 4.0, "counts": [0, 0, 1, 1, 1], "too_small": true })
    );
    assert_eq!(sm["by_language"]["en"]["n"], 30);
    assert_eq!(sm["by_language"]["ar"]["too_small"], true);
    assert_eq!(
        sm["by_translated"]["true"]["counts"],
        json!([0, 0, 1, 1, 1])
    );
    assert_eq!(sm["by_translated"]["false"]["n"], 30);
    assert_eq!(sm["by_page"].as_object().map(|o| o.len()), Some(2));
}

#[tokio::test]
async fn report_page_is_accessible_and_escaped() {
    let (_dir, s) = start_default().await;
    let mut p = payload(&id(1), 5);
    p["page"] = json!("/x<script>alert(1)</script>");
    assert_eq!(s.post(&p).await.status(), StatusCode::CREATED);
    let r = s.admin_get("/report").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers()[header::CONTENT_TYPE]
        .to_str()
        .is_ok_and(|c| c.starts_with("text/html")));
    let csp = r.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(csp.contains("default-src 'none'") && !csp.contains("script-src"));
    let html = r.text().await.expect("html");
    assert!(!html.contains("<script"), "no scripts, stored text escaped");
    assert!(html.contains("/x&#60;script&#62;alert(1)&#60;/script&#62;"));
    assert!(html.contains("role=\"img\""));
    assert!(html.contains("<title id=\"chart-title\">"));
    assert!(html.contains("<table>"));
    assert!(html.contains("too small"));
}

/// The export read back with the csv crate: header, then one record per row.
fn read_csv(csv: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes());
    reader
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_owned).collect())
        .collect()
}

#[tokio::test]
async fn csv_is_quoted_and_defused() {
    let (_dir, s) = start_default().await;
    let mut p = payload(&id(1), 3);
    p["comment"] = json!("=HYPERLINK(\"http://x.example\",\"click\"), said \"me\"\nbye");
    assert_eq!(s.post(&p).await.status(), StatusCode::CREATED);
    let mut p = payload(&id(2), 4);
    p["comment"] = json!("@SUM(A1:A9)");
    p["elapsed_ms"] = Value::Null;
    assert_eq!(s.post(&p).await.status(), StatusCode::CREATED);
    assert_eq!(
        s.post(&payload(&id(3), 5)).await.status(),
        StatusCode::CREATED
    );

    let r = s.admin_get("/api/feedback.csv").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    let csv = r.text().await.expect("csv");
    assert!(csv.starts_with(
        "\"id\",\"received_at\",\"rating\",\"comment\",\"page\",\"page_language\",\"widget_language\",\"translated\",\"elapsed_ms\"\r\n"
    ));
    assert!(csv.contains(
        "\"3\",\"'=HYPERLINK(\"\"http://x.example\"\",\"\"click\"\"), said \"\"me\"\"\nbye\",\"/news/item-1\",\"en\",\"ar\",\"false\",\"5321\"\r\n"
    ));
    assert!(
        csv.contains("\"4\",\"'@SUM(A1:A9)\",\"/news/item-1\",\"en\",\"ar\",\"false\",\"\"\r\n")
    );
    assert!(csv.ends_with("\r\n"));
    let records = read_csv(&csv);
    assert_eq!(records.len(), 4, "header + 3 records");
    assert!(records.iter().all(|r| r.len() == 9));
    assert_eq!(records[3][0], id(3));
}

#[tokio::test]
async fn semicolons_and_tabs_stay_inside_one_quoted_cell() {
    let (_dir, s) = start_default().await;
    // The attack from the issue: with `;` as the separator (French locales), an unquoted
    // `x;=CHAR(80)` became a formula cell. Tabs split cells in tab-separated pastes.
    let comments = ["x;=CHAR(80)&CHAR(87)&A1", "a\tb;\t=1+1", "@x;\ty", "-2;+3"];
    for (n, c) in (1..).zip(comments) {
        let mut p = payload(&id(n), 4);
        p["comment"] = json!(c);
        assert_eq!(s.post(&p).await.status(), StatusCode::CREATED);
    }
    let csv = s.csv().await;
    for c in comments {
        let defused = if c.starts_with(['@', '-']) {
            format!("'{c}")
        } else {
            c.to_owned()
        };
        assert!(
            csv.contains(&format!(",\"{defused}\",")),
            "{c:?} is one quoted cell in {csv}"
        );
    }
    let records = read_csv(&csv);
    let cells: Vec<&str> = records[1..].iter().map(|r| r[3].as_str()).collect();
    assert_eq!(
        cells,
        [
            "x;=CHAR(80)&CHAR(87)&A1",
            "a\tb;\t=1+1",
            "'@x;\ty",
            "'-2;+3"
        ]
    );
    // Whatever separator a spreadsheet is set to (`;` in French locales, tab on paste), it
    // can only split outside quotes, and there is no `;` or tab outside quotes.
    let mut quoted = false;
    for c in csv.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' | '\t' => assert!(quoted, "a separator outside quotes in {csv}"),
            _ => {}
        }
    }
}

#[tokio::test]
async fn report_lists_comments_newest_first_with_human_labels_and_pages() {
    let (_dir, s) = start_default().await;
    for n in 1..=25 {
        let mut p = payload(&id(n), 5);
        p["comment"] = json!(format!("comment number {n} <b>bold</b>"));
        p["widget_language"] = json!("fr");
        p["translated"] = json!(n % 2 == 0);
        assert_eq!(s.post(&p).await.status(), StatusCode::CREATED);
    }
    let html = s.admin_get("/report").await.text().await.expect("html");
    let newest = html.find("comment number 25 ").expect("newest listed");
    let older = html.find("comment number 24 ").expect("older listed");
    assert!(newest < older, "newest first");
    assert!(
        !html.contains("comment number 5 "),
        "page 1 holds 20 comments"
    );
    assert!(html.contains("&#60;b&#62;bold&#60;/b&#62;") && !html.contains("<b>bold"));
    assert!(html.contains("French (fr)"));
    assert!(html.contains("Arabic") || html.contains("English (en)"));
    assert!(html.contains("Machine-translated: yes") && html.contains("Machine-translated: no"));
    assert!(html.contains("5 – Extremely satisfied"));
    assert!(!html.contains(">true<") && !html.contains(">false<"));
    assert!(html.contains("Page 1 of 2"));
    assert!(html.contains("p=2\" rel=\"next\""));
    assert!(
        html.contains("href=\"/api/feedback.csv?"),
        "links to the CSV"
    );
    assert!(html.contains("Weekly satisfaction") && html.contains("n=25"));
    assert!(html.contains("forced-colors: active"));

    let page2 = s
        .admin_get("/report?from=&to=&p=2")
        .await
        .text()
        .await
        .expect("html");
    assert!(page2.contains("comment number 5 ") && !page2.contains("comment number 25 "));
    assert!(page2.contains("Page 2 of 2"));
}

#[tokio::test]
async fn report_summary_and_csv_filter_by_date_range() {
    let (_dir, s) = start_default().await;
    assert_eq!(
        s.post(&payload(&id(1), 5)).await.status(),
        StatusCode::CREATED
    );
    assert_eq!(
        s.post(&payload(&id(2), 1)).await.status(),
        StatusCode::CREATED
    );
    // Move one record into the past, as if it had arrived then.
    s.execute(
        "UPDATE feedback SET received_at = '2020-03-04T10:00:00.000Z' WHERE submission_id = ?1",
        &[&id(2)],
    )
    .await;

    let sm: Value = s
        .admin_get("/api/feedback/summary?from=2020-03-01&to=2020-03-31")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(sm["overall"]["counts"], json!([1, 0, 0, 0, 0]));
    let all = s.summary().await;
    assert_eq!(all["overall"]["n"], 2);

    let r = s.admin_get("/api/feedback.csv?to=2020-03-04").await;
    let csv = r.text().await.expect("csv");
    assert!(
        csv.contains(&id(2)) && !csv.contains(&id(1)),
        "the last day is included"
    );

    let html = s
        .admin_get("/report?from=2020-03-01&to=2020-03-31")
        .await
        .text()
        .await
        .expect("html");
    assert!(html.contains("value=\"2020-03-01\"") && html.contains("Week of 2 Mar 2020"));

    for bad in [
        "/report?from=yesterday",
        "/api/feedback/summary?to=2020-13-01",
        "/report?p=0",
        "/api/feedback.csv?from=2020-1-1",
    ] {
        assert_error(
            s.admin_get(bad).await,
            StatusCode::BAD_REQUEST,
            "invalid_query",
            None,
        )
        .await;
    }
}
