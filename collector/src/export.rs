//! CSV export (RFC 4180) that is safe to open in a spreadsheet.

use crate::db::ExportRow;

/// Header line of the export, in column order.
pub const HEADER: [&str; 9] = [
    "id",
    "received_at",
    "rating",
    "comment",
    "page",
    "page_language",
    "widget_language",
    "translated",
    "elapsed_ms",
];

/// Renders rows as CSV with CRLF line ends.
pub fn to_csv(rows: &[ExportRow]) -> String {
    let mut out = String::new();
    push_line(&mut out, HEADER.iter().map(|h| text_cell(h)));
    for row in rows {
        let cells = [
            text_cell(&row.submission_id),
            text_cell(&row.received_at),
            row.rating.to_string(),
            row.comment.as_deref().map(text_cell).unwrap_or_default(),
            text_cell(&row.page),
            text_cell(&row.page_language),
            text_cell(&row.widget_language),
            row.translated.to_string(),
            row.elapsed_ms.map(|v| v.to_string()).unwrap_or_default(),
        ];
        push_line(&mut out, cells.into_iter());
    }
    out
}

fn push_line(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&cell);
    }
    out.push_str("\r\n");
}

/// One user-supplied text cell: defused against formula injection, then quoted if needed.
///
/// Spreadsheets run cells starting with `= + - @` (and tab/CR, which some strip first) as
/// formulas, so such cells get a leading `'`, which spreadsheets show as plain text.
pub fn text_cell(value: &str) -> String {
    let defused = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if defused.contains([',', '"', '\n', '\r'])
        || defused.starts_with(' ')
        || defused.ends_with(' ')
    {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(text_cell("plain"), "plain");
        assert_eq!(text_cell("a,b"), "\"a,b\"");
        assert_eq!(text_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(text_cell("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn formula_injection_is_defused() {
        assert_eq!(text_cell("=1+1"), "'=1+1");
        assert_eq!(text_cell("+1"), "'+1");
        assert_eq!(text_cell("-1"), "'-1");
        assert_eq!(text_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(
            text_cell("=HYPERLINK(\"x\",\"y\")"),
            "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""
        );
        assert_eq!(text_cell("a=1"), "a=1");
    }

    #[test]
    fn rows_render_in_header_order() {
        let csv = to_csv(&[ExportRow {
            submission_id: "id".into(),
            received_at: "2024-01-01T00:00:00.000Z".into(),
            rating: 5,
            comment: None,
            page: "/p".into(),
            page_language: "en".into(),
            widget_language: "ar".into(),
            translated: true,
            elapsed_ms: Some(7),
        }]);
        assert_eq!(
            csv,
            "id,received_at,rating,comment,page,page_language,widget_language,translated,elapsed_ms\r\n\
             id,2024-01-01T00:00:00.000Z,5,,/p,en,ar,true,7\r\n"
        );
    }
}
