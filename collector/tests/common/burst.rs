//! A burst of submissions from several widget outboxes, each retrying with the same id until
//! it gets a 2xx, for the suites that kill or stop something in the middle of one.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

/// The `n`th burst submission id.
pub fn id(n: usize) -> String {
    format!("5eed0000-0000-4000-8000-{n:012x}")
}

/// Deterministic rating so the stored values can be checked, 40 of each.
pub fn rating(n: usize) -> i64 {
    (n % 5) as i64 + 1
}

/// Each submission's own key, as each widget instance makes its own.
pub fn key(n: usize) -> String {
    format!("{n:032x}")
}

pub fn payload(n: usize) -> Value {
    json!({
        "submission_id": id(n),
        "submission_key": key(n),
        "rating": rating(n),
        "comment": format!("burst {n}"),
        "page": format!("/news/{}", n % 3),
        "page_language": "en",
        "widget_language": "en",
        "translated": false,
        "elapsed_ms": n,
    })
}

/// `submission_id -> (rating, key hash)`, as a suite reads it back from storage.
pub type Records = BTreeMap<String, (i64, Option<Vec<u8>>)>;

/// What every burst submission should leave in storage.
pub fn expected(submissions: usize) -> Records {
    (0..submissions)
        .map(|n| {
            let hash = feedwidgets_collector::validate::key_hash(&key(n)).map(|h| h.to_vec());
            (id(n), (rating(n), hash))
        })
        .collect()
}

/// What the clients saw: the 2xx status that acknowledged each id.
pub type Seen = BTreeMap<String, u16>;

/// One widget outbox: sends its submissions in order, each retried with the same id until a 2xx.
pub async fn outbox(
    client: Client,
    base: String,
    ids: Vec<usize>,
    seen: Arc<Mutex<Seen>>,
    acks: Arc<AtomicUsize>,
    failures: Arc<AtomicUsize>,
) {
    let give_up = Instant::now() + Duration::from_secs(20);
    for n in ids {
        let body = payload(n);
        loop {
            assert!(
                Instant::now() < give_up,
                "submission {n} never acknowledged"
            );
            match client
                .post(format!("{base}/api/feedback"))
                .json(&body)
                .send()
                .await
            {
                Ok(r) if r.status().is_success() => {
                    let previous = seen
                        .lock()
                        .expect("lock")
                        .insert(id(n), r.status().as_u16());
                    assert!(previous.is_none(), "{n} acknowledged twice");
                    acks.fetch_add(1, Ordering::SeqCst);
                    break;
                }
                Ok(r) => {
                    let status = r.status();
                    assert!(
                        status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error(),
                        "submission {n} refused with {status}: {:?}",
                        r.text().await
                    );
                    failures.fetch_add(1, Ordering::SeqCst);
                }
                Err(_) => {
                    failures.fetch_add(1, Ordering::SeqCst);
                }
            }
            tokio::time::sleep(Duration::from_millis(15)).await;
        }
    }
}

/// `clients` outboxes sending `submissions` burst submissions between them, in the background.
pub struct Burst {
    seen: Arc<Mutex<Seen>>,
    acks: Arc<AtomicUsize>,
    failures: Arc<AtomicUsize>,
    clients: Vec<tokio::task::JoinHandle<()>>,
}

impl Burst {
    /// Starts the outboxes against `base` (`http://host:port`).
    pub fn start(base: &str, submissions: usize, clients: usize) -> Burst {
        let seen = Arc::new(Mutex::new(Seen::default()));
        let acks = Arc::new(AtomicUsize::new(0));
        let failures = Arc::new(AtomicUsize::new(0));
        let clients = (0..clients)
            .map(|c| {
                let ids: Vec<usize> = (0..submissions).filter(|n| n % clients == c).collect();
                tokio::spawn(outbox(
                    super::binary::client(),
                    base.to_owned(),
                    ids,
                    Arc::clone(&seen),
                    Arc::clone(&acks),
                    Arc::clone(&failures),
                ))
            })
            .collect();
        Burst {
            seen,
            acks,
            failures,
            clients,
        }
    }

    /// Waits until `n` submissions are acknowledged (at most 10 s).
    pub async fn wait_for_acks(&self, n: usize) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.acks() < n {
            assert!(
                Instant::now() < deadline,
                "burst too slow to reach {n} acknowledgements"
            );
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    }

    /// Submissions acknowledged so far.
    pub fn acks(&self) -> usize {
        self.acks.load(Ordering::SeqCst)
    }

    /// Failed attempts so far (5xx, 429 or no answer).
    pub fn failures(&self) -> usize {
        self.failures.load(Ordering::SeqCst)
    }

    /// The acknowledgements so far.
    pub fn seen(&self) -> Seen {
        self.seen.lock().expect("lock").clone()
    }

    /// Waits (at most `limit`) for every outbox to have all its submissions acknowledged.
    pub async fn finish(self, limit: Duration) -> Seen {
        for c in self.clients {
            tokio::time::timeout(limit, c)
                .await
                .expect("clients finish")
                .expect("client task did not panic");
        }
        let seen = self.seen.lock().expect("lock").clone();
        seen
    }
}
