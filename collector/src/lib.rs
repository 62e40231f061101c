//! FeedWidgets collector: receives ratings from the feedback widget, stores them durably in
//! SQLite, reports CSAT and serves the demo site and widget bundle.
//!
//! The binary is a thin wrapper around [`run`]; tests start the same app with [`serve`] on
//! a listener of their own.

#![deny(missing_docs)]

pub mod config;
pub mod db;
pub mod error;
pub mod export;
pub mod origin;
pub mod ratelimit;
pub mod report;
pub mod routes;
pub mod summary;
pub mod validate;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use tokio::net::TcpListener;

pub use config::Config;

use config::ConfigError;
use db::{Db, DbError};
use origin::OriginPolicy;
use ratelimit::RateLimit;
use routes::{AppState, RouterParts};
use validate::Limits;

/// How often idle rate-limit buckets are dropped.
const RATE_LIMIT_SWEEP: Duration = Duration::from_secs(60);

/// Why the service could not start or stopped with an error.
#[derive(Debug)]
pub enum StartError {
    /// A flag value is unusable.
    Config(ConfigError),
    /// The database could not be opened or set up.
    Db(DbError),
    /// Binding or serving the socket failed.
    Io(std::io::Error),
}

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StartError::Config(e) => write!(f, "configuration: {e}"),
            StartError::Db(e) => write!(f, "database: {e}"),
            StartError::Io(e) => write!(f, "network: {e}"),
        }
    }
}

impl std::error::Error for StartError {}

/// The assembled service, before it is bound to a socket.
pub struct App {
    /// The complete router.
    pub router: Router,
    /// The limiter, kept to sweep idle buckets.
    pub rate: Arc<RateLimit>,
}

/// Validates the configuration, opens the database and builds the router.
pub fn build_app(config: &Config) -> Result<App, StartError> {
    let allowed = config.origin_allow_list().map_err(StartError::Config)?;
    let db = Db::open(&config.db).map_err(StartError::Db)?;
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
            db,
            limits: Limits {
                max_comment_chars: config.max_comment_chars,
            },
        },
        origins: Arc::new(OriginPolicy::new(allowed)),
        rate: Arc::clone(&rate),
        site_dir: config.site_dir.clone(),
        bundle_dir: config.bundle_dir.clone(),
    });
    Ok(App { router, rate })
}

/// Serves on `listener` until `shutdown` resolves, then lets in-flight requests finish
/// (so every acknowledged write is committed) before returning.
pub async fn serve<F>(config: &Config, listener: TcpListener, shutdown: F) -> Result<(), StartError>
where
    F: Future<Output = ()> + Send + 'static,
{
    let app = build_app(config)?;
    let addr = listener.local_addr().map_err(StartError::Io)?;
    tracing::info!(
        %addr,
        db = %config.db.display(),
        allowed_origins = ?config.allowed_origins,
        "collector listening"
    );
    let rate = Arc::clone(&app.rate);
    let sweeper = tokio::spawn(async move {
        let mut tick = tokio::time::interval(RATE_LIMIT_SWEEP);
        loop {
            tick.tick().await;
            rate.forget_idle();
        }
    });
    let result = axum::serve(
        listener,
        app.router
            .into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
    .map_err(StartError::Io);
    sweeper.abort();
    tracing::info!("collector stopped");
    result
}

/// Binds `config.listen` and serves until SIGINT or SIGTERM.
pub async fn run(config: Config) -> Result<(), StartError> {
    let listener = TcpListener::bind(config.listen)
        .await
        .map_err(StartError::Io)?;
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
