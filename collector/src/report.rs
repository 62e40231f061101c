//! Server-rendered HTML report: no scripts, every stored string escaped, the chart usable
//! with a screen reader (SVG `role="img"` with title/description plus the same data as a
//! table).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::summary::{Figures, Summary, MIN_SEGMENT_N};

/// Content-Security-Policy sent with the report: no scripts at all, only the page's own
/// inline stylesheet.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; \
                       form-action 'none'; frame-ancestors 'none'";

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn percent(f: &Figures) -> String {
    f.csat_percent
        .map_or_else(|| "n/a".to_owned(), |p| format!("{p:.1}%"))
}

fn mean(f: &Figures) -> String {
    f.mean
        .map_or_else(|| "n/a".to_owned(), |m| format!("{m:.2}"))
}

/// Renders the whole report page.
pub fn render(summary: &Summary) -> String {
    let o = &summary.overall;
    let mut html = String::new();
    html.push_str(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Feedback report</title>\n<style>\n\
         body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1a1a1a}\n\
         table{border-collapse:collapse;margin:1rem 0 2rem}\n\
         th,td{border:1px solid #999;padding:.3rem .6rem;text-align:right}\n\
         th[scope=row],th[scope=col]:first-child,.key{text-align:left}\n\
         caption{font-weight:bold;text-align:left;padding:.3rem 0}\n\
         .small{color:#8a4b00;font-weight:bold}\n\
         svg text{font-size:14px;fill:#1a1a1a}\n\
         </style>\n</head>\n<body>\n<main>\n<h1>Feedback report</h1>\n",
    );
    let _ = writeln!(
        html,
        "<p>Ratings: <strong>{n}</strong>. CSAT (share of 4 and 5): <strong>{csat}</strong>. \
         Mean rating: <strong>{mean}</strong>.{small}</p>",
        n = o.n,
        csat = percent(o),
        mean = mean(o),
        small = if o.too_small {
            format!(
                " <span class=\"small\">Too few ratings (fewer than {MIN_SEGMENT_N}) to rely on.</span>"
            )
        } else {
            String::new()
        },
    );
    html.push_str("<h2>Distribution</h2>\n");
    html.push_str(&chart(&o.counts));
    html.push_str(
        "<table>\n<caption>Number of ratings by value</caption>\n\
         <thead><tr><th scope=\"col\">Rating</th><th scope=\"col\">Count</th></tr></thead>\n<tbody>\n",
    );
    for (i, c) in o.counts.iter().enumerate() {
        let _ = writeln!(
            html,
            "<tr><th scope=\"row\">{}</th><td>{c}</td></tr>",
            i + 1
        );
    }
    html.push_str("</tbody>\n</table>\n");
    segment_table(&mut html, "By page", "Page", &summary.by_page);
    segment_table(
        &mut html,
        "By widget language",
        "Language",
        &summary.by_language,
    );
    segment_table(
        &mut html,
        "By machine translation",
        "Translated",
        &summary.by_translated,
    );
    html.push_str("</main>\n</body>\n</html>\n");
    html
}

/// Bar chart of the five counts. `role="img"` makes assistive technology read the title and
/// description instead of the individual shapes.
fn chart(counts: &[u64; 5]) -> String {
    const BASE_Y: u64 = 200;
    const MAX_H: u64 = 160;
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let desc = counts
        .iter()
        .enumerate()
        .map(|(i, c)| format!("rating {}: {c}", i + 1))
        .collect::<Vec<_>>()
        .join(", ");
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg role=\"img\" aria-labelledby=\"chart-title chart-desc\" viewBox=\"0 0 420 240\" \
         width=\"420\" height=\"240\" xmlns=\"http://www.w3.org/2000/svg\">\n\
         <title id=\"chart-title\">Number of ratings from 1 to 5</title>\n\
         <desc id=\"chart-desc\">{desc}.</desc>\n\
         <line x1=\"30\" y1=\"{BASE_Y}\" x2=\"410\" y2=\"{BASE_Y}\" stroke=\"#1a1a1a\"/>\n"
    );
    for (i, c) in counts.iter().enumerate() {
        let h = c * MAX_H / max;
        let x = 45 + i as u64 * 75;
        let _ = write!(
            svg,
            "<rect x=\"{x}\" y=\"{y}\" width=\"50\" height=\"{h}\" fill=\"#1f5fa8\"/>\n\
             <text x=\"{tx}\" y=\"{cy}\" text-anchor=\"middle\">{c}</text>\n\
             <text x=\"{tx}\" y=\"225\" text-anchor=\"middle\">{r}</text>\n",
            y = BASE_Y - h,
            tx = x + 25,
            cy = BASE_Y - h - 6,
            r = i + 1,
        );
    }
    svg.push_str("</svg>\n");
    svg
}

fn segment_table(
    html: &mut String,
    caption: &str,
    key_label: &str,
    rows: &BTreeMap<String, Figures>,
) {
    let _ = writeln!(html, "<h2>{}</h2>", escape(caption));
    if rows.is_empty() {
        html.push_str("<p>No ratings yet.</p>\n");
        return;
    }
    let _ = write!(
        html,
        "<table>\n<caption>{caption} (segments under {MIN_SEGMENT_N} ratings are marked too small)</caption>\n\
         <thead><tr><th scope=\"col\">{key}</th><th scope=\"col\">n</th><th scope=\"col\">CSAT</th>\
         <th scope=\"col\">Mean</th><th scope=\"col\">1</th><th scope=\"col\">2</th>\
         <th scope=\"col\">3</th><th scope=\"col\">4</th><th scope=\"col\">5</th>\
         <th scope=\"col\" class=\"key\">Note</th></tr></thead>\n<tbody>\n",
        caption = escape(caption),
        key = escape(key_label),
    );
    for (key, f) in rows {
        let _ = write!(
            html,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td>",
            escape(key),
            f.n,
            percent(f),
            mean(f)
        );
        for c in f.counts {
            let _ = write!(html, "<td>{c}</td>");
        }
        let note = if f.too_small {
            "<span class=\"small\">too small</span>"
        } else {
            ""
        };
        let _ = writeln!(html, "<td class=\"key\">{note}</td></tr>");
    }
    html.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summary::{summarize, RatingGroup};

    #[test]
    fn escapes_everything_dangerous() {
        assert_eq!(
            escape(r#"<script>alert('x' & "y")</script>"#),
            "&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;"
        );
    }

    #[test]
    fn report_escapes_keys_and_has_accessible_chart() {
        let s = summarize(&[RatingGroup {
            page: "/<img src=x onerror=alert(1)>".into(),
            widget_language: "en".into(),
            translated: false,
            rating: 5,
            count: 2,
        }]);
        let html = render(&s);
        assert!(!html.contains("<img"));
        assert!(html.contains("/&lt;img src=x onerror=alert(1)&gt;"));
        assert!(html.contains("role=\"img\""));
        assert!(html.contains("<title id=\"chart-title\">"));
        assert!(html.contains("rating 5: 2"));
        assert!(html.contains("too small"));
        assert!(!html.contains("<script"));
    }
}
