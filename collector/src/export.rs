//! CSV export (RFC 4180, every field quoted) that is safe to open in a spreadsheet, streamed
//! row by row so memory stays bounded whatever the number of records.

use std::borrow::Cow;
use std::io::{self, Write};

use axum::body::{Body, Bytes};
use csv::{QuoteStyle, Terminator, WriterBuilder};
use tokio::sync::mpsc;

use crate::db::{DateRange, Db, ExportError, ExportRow, ExportSink};
use crate::logs;

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

/// Bytes the CSV writer gathers before handing a chunk to the response.
const CHUNK_BYTES: usize = 32 * 1024;
/// Chunks waiting for a slow client; with [`CHUNK_BYTES`] this bounds an export's buffer.
const CHUNKS_IN_FLIGHT: usize = 4;

/// Spreadsheets run cells starting with `= + - @` (and tab/CR, which some strip first) as
/// formulas, so such text gets a leading `'`, which spreadsheets show as plain text.
pub fn defuse(value: &str) -> Cow<'_, str> {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    }
}

/// A CSV writer with the export's dialect: every field quoted (so a `;` or a tab inside a
/// comment cannot split a cell even where `;` is the separator), CRLF line ends.
pub fn csv_writer<W: Write>(out: W) -> csv::Writer<W> {
    WriterBuilder::new()
        .quote_style(QuoteStyle::Always)
        .terminator(Terminator::CRLF)
        .buffer_capacity(CHUNK_BYTES)
        .from_writer(out)
}

/// Writes one record in [`HEADER`] order.
pub fn write_row<W: Write>(w: &mut csv::Writer<W>, row: &ExportRow) -> csv::Result<()> {
    let rating = row.rating.to_string();
    let elapsed = row.elapsed_ms.map(|v| v.to_string()).unwrap_or_default();
    w.write_record([
        defuse(&row.submission_id).as_ref(),
        defuse(&row.received_at).as_ref(),
        &rating,
        row.comment.as_deref().map(defuse).as_deref().unwrap_or(""),
        defuse(&row.page).as_ref(),
        defuse(&row.page_language).as_ref(),
        defuse(&row.widget_language).as_ref(),
        if row.translated { "true" } else { "false" },
        &elapsed,
    ])
}

/// Renders rows in memory (for tests and small exports).
pub fn to_csv(rows: &[ExportRow]) -> Vec<u8> {
    let mut w = csv_writer(Vec::new());
    let written = w
        .write_record(HEADER)
        .and_then(|()| rows.iter().try_for_each(|r| write_row(&mut w, r)));
    if written.is_err() {
        return Vec::new();
    }
    w.into_inner().unwrap_or_default()
}

/// An `io::Write` that hands each chunk to the response body; blocks (on the blocking pool)
/// while the client is behind, and fails once the client has gone.
struct ChannelWriter(mpsc::Sender<io::Result<Bytes>>);

impl Write for ChannelWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0
            .blocking_send(Ok(Bytes::copy_from_slice(buf)))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "client went away"))?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Writes the header before the first row, so nothing blocks before the blocking pool runs.
struct CsvSink {
    writer: csv::Writer<ChannelWriter>,
    started: bool,
}

impl CsvSink {
    fn start(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            self.writer.write_record(HEADER).map_err(io::Error::other)?;
        }
        Ok(())
    }
}

impl ExportSink for CsvSink {
    fn row(&mut self, row: ExportRow) -> io::Result<()> {
        self.start()?;
        write_row(&mut self.writer, &row).map_err(io::Error::other)
    }

    fn end(&mut self) -> io::Result<()> {
        self.start()?;
        self.writer.flush()
    }
}

/// The export of `range` as a streamed response body.
///
/// A failure after the first bytes cannot change the status any more, so it ends the body
/// with an error: the client sees a cut connection, never a CSV that looks complete.
pub fn stream(db: Db, range: DateRange) -> Body {
    let (tx, rx) = mpsc::channel(CHUNKS_IN_FLIGHT);
    let sink = CsvSink {
        writer: csv_writer(ChannelWriter(tx.clone())),
        started: false,
    };
    tokio::spawn(async move {
        tokio::select! {
            result = db.export(range, sink) => match result {
                Ok(()) | Err(ExportError::Sink(_)) => {}
                Err(ExportError::Db(e)) => {
                    logs::STORAGE_FAILURES.hit(&e);
                    let _ = tx.send(Err(io::Error::other("export failed"))).await;
                }
            },
            // A client that leaves while its download waits for an export turn gives the
            // turn up; one that leaves mid-way stops the writer at its next chunk.
            () = tx.closed() => {}
        }
    });
    Body::from_stream(futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|chunk| (chunk, rx))
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(comment: Option<&str>) -> ExportRow {
        ExportRow {
            submission_id: "id".into(),
            received_at: "2024-01-01T00:00:00.000Z".into(),
            rating: 5,
            comment: comment.map(str::to_owned),
            page: "/p".into(),
            page_language: "en".into(),
            widget_language: "ar".into(),
            translated: true,
            elapsed_ms: Some(7),
        }
    }

    #[test]
    fn every_field_is_quoted_in_header_order() {
        let csv = String::from_utf8(to_csv(&[row(None)])).unwrap_or_default();
        assert_eq!(
            csv,
            "\"id\",\"received_at\",\"rating\",\"comment\",\"page\",\"page_language\",\
             \"widget_language\",\"translated\",\"elapsed_ms\"\r\n\
             \"id\",\"2024-01-01T00:00:00.000Z\",\"5\",\"\",\"/p\",\"en\",\"ar\",\"true\",\"7\"\r\n"
        );
    }

    #[test]
    fn formula_injection_is_defused() {
        assert_eq!(defuse("=1+1"), "'=1+1");
        assert_eq!(defuse("+1"), "'+1");
        assert_eq!(defuse("-1"), "'-1");
        assert_eq!(defuse("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse("\tx"), "'\tx");
        assert_eq!(defuse("a=1"), "a=1");
        let csv = String::from_utf8(to_csv(&[row(Some("=HYPERLINK(\"x\")"))])).unwrap_or_default();
        assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
    }
}
