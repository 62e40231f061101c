//! FeedWidgets collector: receives ratings from the feedback widget, stores them durably in
//! SQLite or PostgreSQL, reports CSAT and serves the demo site and widget bundle.
//!
//! The binary is a thin wrapper around [`run`]; tests start the same app with [`serve`] on
//! a listener of their own.

#![deny(missing_docs)]

pub mod auth;
pub mod config;
pub mod db;
pub mod error;
pub mod export;
pub mod logs;
pub mod origin;
pub mod ratelimit;
pub mod report;
pub mod retention;
pub mod routes;
pub mod server;
pub mod summary;
pub mod validate;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use tokio::net::TcpListener;

pub use config::Config;

use auth::AdminAccess;
use config::ConfigError;
use db::postgres::Postgres;
use db::{Db, DbError, Sqlite};
use origin::OriginPolicy;
use ratelimit::RateLimit;
use routes::{AppState, RouterParts};
use server::ConnLimits;
use validate::Limits;

/// How often idle rate-limit buckets are dropped and aggregate log lines written.
const HOUSEKEEPING: Duration = Duration::from_secs(60);
/// How long a shutdown waits for open connections (beyond the request timeout they get).
const SHUTDOWN_SLACK: Duration = Duration::from_secs(5);

/// Why the service could not start or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// A flag value is unusable.
    #[error("configuration: {0}")]
    Config(#[from] ConfigError),
    /// The database could not be opened or set up.
    #[error("database: {0}")]
    Db(#[from] DbError),
    /// Binding or serving the socket failed.
    #[error("network: {0}")]
    Io(#[from] std::io::Error),
}

/// The assembled service, before it is bound to a socket.
pub struct App {
    /// The complete router.
    pub router: Router,
    /// The limiter, kept to sweep idle buckets.
    pub rate: Arc<RateLimit>,
    /// The storage, kept for the retention sweep.
    pub db: Db,
}

/// Validates the configuration, opens the database and builds the router.
pub async fn build_app(config: &Config) -> Result<App, StartError> {
    let allowed = config.origin_allow_list()?;
    let admin = config.admin_access()?;
    if let AdminAccess::Off = admin {
        tracing::warn!(
            "no admin token configured: /report, /api/feedback/summary, /api/feedback.csv and \
             DELETE /api/feedback/{{id}} answer 403; set FW_ADMIN_TOKEN or \
             --admin-token-file PATH (FW_ADMIN_TOKEN_FILE) to turn them on"
        );
    }
    let db = match &config.database_url {
        Some(url) => Db::Postgres(Postgres::open(&url.0, config.write_queue.get()).await?),
        None => Db::Sqlite(Sqlite::open_with_queue(
            &config.db,
            config.write_queue.get(),
        )?),
    };
    if !config.site_dir.is_dir() {
        tracing::warn!(
            "site directory {} does not exist; / answers 404",
            config.site_dir.display()
        );
    }
    if !config.bundle_dir.is_dir() {
        routes::warn_missing_bundle(&config.bundle_dir);
    }
    let rate = Arc::new(RateLimit::new(
        config.rate_limit_per_minute,
        config.rate_limit_burst,
        config.trust_forwarded_for,
    ));
    let router = routes::router(RouterParts {
        state: AppState {
            db: db.clone(),
            limits: Limits {
                max_comment_chars: config.max_comment_chars,
            },
        },
        origins: Arc::new(OriginPolicy::new(allowed)),
        rate: Arc::clone(&rate),
        admin: Arc::new(admin),
        request_timeout: Duration::from_secs(config.request_timeout_secs.get()),
        site_dir: config.site_dir.clone(),
        bundle_dir: config.bundle_dir.clone(),
    });
    Ok(App { router, rate, db })
}

/// Serves on `listener` until `shutdown` resolves, then lets in-flight requests finish
/// (so every acknowledged write is committed) before returning.
pub async fn serve<F>(config: &Config, listener: TcpListener, shutdown: F) -> Result<(), StartError>
where
    F: Future<Output = ()> + Send + 'static,
{
    let app = build_app(config).await?;
    let addr = listener.local_addr()?;
    let storage = match &config.database_url {
        Some(_) => "postgres".to_owned(),
        None => config.db.display().to_string(),
    };
    tracing::info!(
        %addr,
        db = %storage,
        allowed_origins = ?config.allowed_origins,
        "collector listening"
    );
    let rate = Arc::clone(&app.rate);
    let housekeeping = tokio::spawn(async move {
        let mut tick = tokio::time::interval(HOUSEKEEPING);
        loop {
            tick.tick().await;
            rate.forget_idle();
            logs::flush_all();
        }
    });
    let retention = config
        .retention_days
        .map(|days| retention::spawn(app.db.clone(), days.get()));
    let request_timeout = Duration::from_secs(config.request_timeout_secs.get());
    let limits = ConnLimits {
        header_read_timeout: Duration::from_secs(config.header_read_timeout_secs.get()),
        max_connections: config.max_connections.get(),
        shutdown_grace: request_timeout + SHUTDOWN_SLACK,
    };
    server::serve_connections(listener, app.router, limits, shutdown).await;
    housekeeping.abort();
    if let Some(r) = retention {
        r.abort();
    }
    tracing::info!("collector stopped");
    Ok(())
}

/// Binds `config.listen` and serves until SIGINT or SIGTERM.
pub async fn run(config: Config) -> Result<(), StartError> {
    let listener = TcpListener::bind(config.listen).await?;
    serve(&config, listener, shutdown_signal()).await
}

/// Resolves on Ctrl-C or SIGTERM (what `kill` and container runtimes send).
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!("cannot listen for Ctrl-C: {e}");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!("cannot listen for SIGTERM: {e}");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutdown requested; finishing in-flight requests");
}
