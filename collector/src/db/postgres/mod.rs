//! PostgreSQL storage, for several collector instances behind a load balancer. A pool of
//! connections (deadpool) serves every call; the schema is migrated at start under an
//! advisory lock so instances starting together do not race.
//!
//! Every statement that decides something (first rating or repeat, owner or not) is one
//! statement, so two instances receiving the same id at once store it once: PostgreSQL's
//! `ON CONFLICT` settles the race. Ratings are group-committed by one writer task (see
//! [`batch`]). Durability: a commit with `synchronous_commit=on` (checked
//! at start) has been flushed to the WAL before the 2xx leaves.

pub mod batch;
mod export;
mod read;
pub mod schema;
mod write;

use std::sync::Arc;
use std::time::Duration;

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod, Runtime, Timeouts};
use tokio_postgres::NoTls;

use super::{DbError, WriteHealth};

/// Connections in the pool. Writes are single statements and reads are short, so a few
/// connections keep the server busy; each is a PostgreSQL backend process, so keep it small.
pub const POOL_SIZE: usize = 16;
/// How long a request waits for a pooled connection, or for a new one to be set up.
const POOL_WAIT: Duration = Duration::from_secs(5);
/// TCP connect timeout for a new connection.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Longest a statement may run on the server (exports use their own, longer limit).
const STATEMENT_TIMEOUT_MS: u32 = 10_000;

/// Handle to a PostgreSQL database; cheap to clone.
#[derive(Clone)]
pub struct Postgres {
    pool: Pool,
    /// The group-commit writer's bounded queue.
    queue: tokio::sync::mpsc::Sender<crate::db::batch::Job>,
    health: Arc<WriteHealth>,
    export_permits: Arc<tokio::sync::Semaphore>,
}

impl Postgres {
    /// Connects to `url` (`postgres://` or `postgresql://`), checks `synchronous_commit`, runs
    /// the migrations and starts the writer with room for `write_queue` waiting submissions.
    pub async fn open(url: &str, write_queue: usize) -> Result<Postgres, DbError> {
        let mut config: tokio_postgres::Config = url
            .parse()
            .map_err(|e| DbError::Setup(format!("--database-url: {e}")))?;
        config
            .connect_timeout(CONNECT_TIMEOUT)
            .keepalives(true)
            // A silent server or network is noticed in about half a minute, not two hours.
            .keepalives_idle(Duration::from_secs(10))
            .keepalives_interval(Duration::from_secs(5))
            .keepalives_retries(3)
            .application_name("feedwidgets-collector")
            .options(format!("-c statement_timeout={STATEMENT_TIMEOUT_MS}"));
        let manager = Manager::from_config(
            config,
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(POOL_SIZE)
            .timeouts(Timeouts {
                wait: Some(POOL_WAIT),
                create: Some(POOL_WAIT),
                recycle: Some(POOL_WAIT),
            })
            .runtime(Runtime::Tokio1)
            .build()
            .map_err(|e| DbError::Setup(format!("connection pool: {e}")))?;
        let health = Arc::new(WriteHealth::default());
        let queue = batch::spawn(pool.clone(), Arc::clone(&health), write_queue.max(1));
        let db = Postgres {
            pool,
            queue,
            health,
            export_permits: Arc::new(tokio::sync::Semaphore::new(super::EXPORTS)),
        };
        let mut client = db.client().await?;
        let sync: String = client
            .query_one("SHOW synchronous_commit", &[])
            .await?
            .get(0);
        // Every value but `off` waits for the local WAL flush before a commit returns.
        if sync == "off" {
            return Err(DbError::Setup(format!(
                "synchronous_commit is {sync}; on is required so an acknowledged rating is on disk"
            )));
        }
        schema::migrate(&mut client).await?;
        Ok(db)
    }

    /// A pooled connection.
    async fn client(&self) -> Result<deadpool_postgres::Object, DbError> {
        self.pool
            .get()
            .await
            .map_err(|e| DbError::Pool(e.to_string()))
    }

    /// The write health shared with `/healthz`.
    pub fn health(&self) -> &WriteHealth {
        &self.health
    }
}
