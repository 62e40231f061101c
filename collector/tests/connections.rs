//! Connection limits on a real socket: a half-sent header and an idle keep-alive connection
//! are closed after the header read timeout, a slow body gets 408 after the request timeout,
//! and connections beyond the cap wait instead of exhausting file descriptors.

mod common;

use std::num::{NonZeroU64, NonZeroUsize};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use common::*;

/// Reads until the server closes the connection (or `limit` passes: then `None`), returning
/// what arrived and when the close came.
async fn read_until_closed(stream: &mut TcpStream, limit: Duration) -> Option<(String, Duration)> {
    let started = Instant::now();
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let remaining = limit.checked_sub(started.elapsed())?;
        match tokio::time::timeout(remaining, stream.read(&mut buf)).await {
            Err(_) => return None,
            Ok(Ok(0)) | Ok(Err(_)) => {
                return Some((
                    String::from_utf8_lossy(&got).into_owned(),
                    started.elapsed(),
                ))
            }
            Ok(Ok(n)) => got.extend_from_slice(&buf[..n]),
        }
    }
}

async fn start_with_timeouts(
    header_secs: u64,
    request_secs: u64,
    max_connections: usize,
) -> (tempfile::TempDir, Server) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut c = config(dir.path());
    c.header_read_timeout_secs = NonZeroU64::new(header_secs).expect("non-zero");
    c.request_timeout_secs = NonZeroU64::new(request_secs).expect("non-zero");
    c.max_connections = NonZeroUsize::new(max_connections).expect("non-zero");
    let s = start(c).await;
    (dir, s)
}

#[tokio::test]
async fn a_half_sent_header_is_closed_within_the_timeout() {
    let (_dir, s) = start_with_timeouts(1, 30, 16).await;
    let mut stream = TcpStream::connect(s.addr).await.expect("connect");
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
        .await
        .expect("write");
    let (_, after) = read_until_closed(&mut stream, Duration::from_secs(5))
        .await
        .expect("closed by the server, not left open");
    assert!(
        after >= Duration::from_millis(900),
        "not before the timeout: {after:?}"
    );
}

#[tokio::test]
async fn an_idle_keep_alive_connection_is_closed() {
    let (_dir, s) = start_with_timeouts(1, 30, 16).await;
    let mut stream = TcpStream::connect(s.addr).await.expect("connect");
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .await
        .expect("write");
    let (answer, after) = read_until_closed(&mut stream, Duration::from_secs(5))
        .await
        .expect("the idle connection is closed");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(
        after >= Duration::from_millis(900),
        "kept alive for a while: {after:?}"
    );
}

#[tokio::test]
async fn a_slow_body_gets_408_after_the_request_timeout() {
    let (_dir, s) = start_with_timeouts(10, 1, 16).await;
    let mut stream = TcpStream::connect(s.addr).await.expect("connect");
    stream
        .write_all(
            b"POST /api/feedback HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\
              Content-Length: 200\r\n\r\n{\"submission_id\":",
        )
        .await
        .expect("write");
    let (answer, after) = read_until_closed(&mut stream, Duration::from_secs(5))
        .await
        .expect("answered and closed");
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(after >= Duration::from_millis(900), "{after:?}");
    assert!(s.rows().await.is_empty());
}

#[tokio::test]
async fn connections_over_the_cap_wait_for_a_free_slot() {
    let (_dir, s) = start_with_timeouts(1, 30, 2).await;
    // Two silent connections take both slots...
    let mut idle = Vec::new();
    for _ in 0..2 {
        idle.push(TcpStream::connect(s.addr).await.expect("connect"));
    }
    // ...so the next request is only served once the header timeout has freed one.
    let started = Instant::now();
    let r = s.get("/healthz").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        started.elapsed() >= Duration::from_millis(800),
        "served while the cap was full: {:?}",
        started.elapsed()
    );
    for mut stream in idle {
        assert!(
            read_until_closed(&mut stream, Duration::from_secs(5))
                .await
                .is_some(),
            "the silent connections were closed"
        );
    }
}
