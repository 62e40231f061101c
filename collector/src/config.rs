//! Command-line flags (with environment fallbacks) and their validation.

use std::collections::BTreeSet;
use std::fmt;
use std::net::SocketAddr;
use std::num::{NonZeroU32, NonZeroU64, NonZeroUsize};
use std::path::PathBuf;

use clap::Parser;

use crate::auth::{self, AdminAccess};

/// The environment variable that may hold the admin token itself. Read from the environment
/// only, never from a flag, so the token does not show in the process list.
pub const ADMIN_TOKEN_ENV: &str = "FW_ADMIN_TOKEN";

/// The admin token as configured; its `Debug` never shows it, so logging a [`Config`] is safe.
#[derive(Clone, PartialEq, Eq)]
pub struct AdminToken(pub String);

impl fmt::Debug for AdminToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AdminToken(..)")
    }
}

impl AdminToken {
    /// The token from [`ADMIN_TOKEN_ENV`], when set and not blank.
    pub fn from_env() -> Option<AdminToken> {
        std::env::var(ADMIN_TOKEN_ENV)
            .ok()
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .map(AdminToken)
    }
}

/// A PostgreSQL URL; its `Debug` hides it, since it may hold a password.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl(pub String);

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DatabaseUrl(..)")
    }
}

impl std::str::FromStr for DatabaseUrl {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            Ok(DatabaseUrl(s.to_owned()))
        } else {
            Err("a database URL starts with postgres:// or postgresql://".to_owned())
        }
    }
}

/// Flags of the collector service. Every flag has an `FW_*` environment fallback so the
/// scripts and CI can configure it without long command lines.
#[derive(Debug, Clone, Parser)]
#[command(name = "feedwidgets-collector", version, about)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "FW_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,

    /// SQLite database file; its parent directory is created when missing. Ignored when
    /// a database URL is set.
    #[arg(long, env = "FW_DB", default_value = "collector-data/feedback.sqlite3")]
    pub db: PathBuf,

    /// PostgreSQL instead of SQLite: `postgres://user:password@host:port/database` (or
    /// `postgresql://`). Several instances may share one database.
    #[arg(long, env = "FW_DATABASE_URL", conflicts_with = "db")]
    pub database_url: Option<DatabaseUrl>,

    /// Origin allowed to POST cross-origin, e.g. `https://news.example` (repeatable; the
    /// environment variable takes a comma-separated list).
    #[arg(
        long = "allowed-origin",
        env = "FW_ALLOWED_ORIGINS",
        value_delimiter = ','
    )]
    pub allowed_origins: Vec<String>,

    /// Sustained submissions per minute allowed for one client IP.
    #[arg(long, env = "FW_RATE_LIMIT_PER_MINUTE", default_value = "30")]
    pub rate_limit_per_minute: NonZeroU32,

    /// Submissions one client IP may send at once before the per-minute rate applies.
    #[arg(long, env = "FW_RATE_LIMIT_BURST", default_value = "10")]
    pub rate_limit_burst: NonZeroU32,

    /// Longest comment accepted, in Unicode scalar values after NFC normalisation.
    #[arg(long, env = "FW_MAX_COMMENT_CHARS", default_value_t = 1000)]
    pub max_comment_chars: usize,

    /// Directory served at `/` (the demo site).
    #[arg(long, env = "FW_SITE_DIR", default_value = "demo")]
    pub site_dir: PathBuf,

    /// Directory served at `/dist/` (the built widget bundle).
    #[arg(long, env = "FW_BUNDLE_DIR", default_value = "dist")]
    pub bundle_dir: PathBuf,

    /// Take the client IP for rate limiting from the last `X-Forwarded-For` entry. Only set
    /// this behind a reverse proxy that appends that header, or clients can pick their IP.
    #[arg(long, env = "FW_TRUST_FORWARDED_FOR")]
    pub trust_forwarded_for: bool,

    /// File holding the admin token that opens the report, summary, CSV and deletion (one
    /// line; surrounding white space is ignored). Without it or FW_ADMIN_TOKEN those are off.
    #[arg(long, env = "FW_ADMIN_TOKEN_FILE")]
    pub admin_token_file: Option<PathBuf>,

    /// The admin token from the FW_ADMIN_TOKEN environment variable (no flag on purpose).
    #[arg(skip = AdminToken::from_env())]
    pub admin_token: Option<AdminToken>,

    /// Seconds a connection may take to send a complete request head. The clock starts
    /// whenever the connection waits for a request: on a new connection and on a kept-alive
    /// one after its last answer, so this is also the idle keep-alive timeout.
    #[arg(long, env = "FW_HEADER_READ_TIMEOUT_SECS", default_value = "10")]
    pub header_read_timeout_secs: NonZeroU64,

    /// Seconds from a complete request head to the start of the answer, reading the request
    /// body included; slower requests get 408.
    #[arg(long, env = "FW_REQUEST_TIMEOUT_SECS", default_value = "30")]
    pub request_timeout_secs: NonZeroU64,

    /// Connections served at once; further ones wait in the listen backlog until one closes.
    #[arg(long, env = "FW_MAX_CONNECTIONS", default_value = "512")]
    pub max_connections: NonZeroUsize,

    /// Submissions that may wait for the database writer at once; when the queue is full a
    /// submission is answered 503 with `Retry-After` instead of waiting without bound.
    #[arg(long, env = "FW_WRITE_QUEUE", default_value = "1024")]
    pub write_queue: NonZeroUsize,

    /// Delete records received more than this many days ago, at start and then daily.
    /// Without it records are kept until deleted.
    #[arg(long, env = "FW_RETENTION_DAYS")]
    pub retention_days: Option<NonZeroU32>,
}

/// A configuration value that cannot be used; reported once at startup.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

impl Config {
    /// The admin access: the token from `--admin-token-file` or `FW_ADMIN_TOKEN` (setting
    /// both is refused, as one of them would be silently ignored), or off.
    pub fn admin_access(&self) -> Result<AdminAccess, ConfigError> {
        let token = match (&self.admin_token_file, &self.admin_token) {
            (Some(_), Some(_)) => {
                return Err(ConfigError(format!(
                    "both --admin-token-file and {ADMIN_TOKEN_ENV} are set; set one"
                )))
            }
            (Some(path), None) => std::fs::read_to_string(path)
                .map_err(|e| ConfigError(format!("--admin-token-file {}: {e}", path.display())))?
                .trim()
                .to_owned(),
            (None, Some(token)) => token.0.clone(),
            (None, None) => return Ok(AdminAccess::Off),
        };
        if let Some(why) = auth::check_token(&token) {
            return Err(ConfigError(why));
        }
        Ok(AdminAccess::with_token(&token))
    }

    /// The allow-list in the canonical form used for comparisons with `Origin` headers.
    /// Blank entries are skipped so an empty `FW_ALLOWED_ORIGINS` means "none".
    pub fn origin_allow_list(&self) -> Result<BTreeSet<String>, ConfigError> {
        let mut set = BTreeSet::new();
        for raw in &self.allowed_origins {
            let trimmed = raw.trim();
            if trimmed.is_empty() {
                continue;
            }
            let canonical = canonical_origin(trimmed).ok_or_else(|| {
                ConfigError(format!(
                    "--allowed-origin {trimmed:?} is not an origin like https://example.org[:port] \
                     (scheme and host only, no path)"
                ))
            })?;
            set.insert(canonical);
        }
        Ok(set)
    }
}

/// Lower-cases an origin and drops the scheme's default port, so `HTTPS://Example.org:443`
/// and `https://example.org` compare equal. Returns `None` for anything that is not a bare
/// `http(s)://host[:port]` (a path, credentials, the opaque `null` origin...).
pub fn canonical_origin(origin: &str) -> Option<String> {
    let lower = origin.trim_end_matches('/').to_ascii_lowercase();
    let (scheme, authority) = lower.split_once("://")?;
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let authority = canonical_authority(scheme, authority)?;
    Some(format!("{scheme}://{authority}"))
}

/// Canonical `host[:port]` for a scheme, shared with the same-origin check on `Host`.
pub fn canonical_authority(scheme: &str, authority: &str) -> Option<String> {
    let authority = authority.to_ascii_lowercase();
    let valid = !authority.is_empty()
        && authority
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']' | '_'));
    if !valid {
        return None;
    }
    let default_port = match scheme {
        "http" => ":80",
        "https" => ":443",
        _ => return None,
    };
    Some(
        authority
            .strip_suffix(default_port)
            .map_or(authority.clone(), str::to_owned),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Config {
        let mut all = vec!["feedwidgets-collector"];
        all.extend_from_slice(args);
        match Config::try_parse_from(all) {
            Ok(c) => c,
            Err(e) => panic!("flags should parse: {e}"),
        }
    }

    #[test]
    fn defaults_match_the_documented_values() {
        let c = parse(&[]);
        assert_eq!(c.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(c.db, PathBuf::from("collector-data/feedback.sqlite3"));
        assert_eq!(c.rate_limit_per_minute.get(), 30);
        assert_eq!(c.max_comment_chars, 1000);
        assert_eq!(c.site_dir, PathBuf::from("demo"));
        assert_eq!(c.bundle_dir, PathBuf::from("dist"));
        assert!(!c.trust_forwarded_for);
        assert_eq!(c.header_read_timeout_secs.get(), 10);
        assert_eq!(c.request_timeout_secs.get(), 30);
        assert_eq!(c.max_connections.get(), 512);
        assert_eq!(c.retention_days, None);
        assert_eq!(c.write_queue.get(), crate::db::DEFAULT_WRITE_QUEUE);
        assert_eq!(c.database_url, None);
        assert!(c.admin_token_file.is_none());
    }

    #[test]
    fn admin_token_from_a_file_or_the_environment_but_not_both() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("token");
        std::fs::write(&file, "0123456789abcdef0123\n").expect("write token");
        let mut c = parse(&["--admin-token-file", &file.to_string_lossy()]);
        assert!(matches!(c.admin_access(), Ok(AdminAccess::Token(_))));
        c.admin_token = Some(AdminToken("fedcba9876543210fedc".into()));
        assert!(c.admin_access().is_err(), "both set");
        c.admin_token_file = None;
        assert!(matches!(c.admin_access(), Ok(AdminAccess::Token(_))));
        c.admin_token = Some(AdminToken("short".into()));
        assert!(c.admin_access().is_err(), "too short");
        c.admin_token = None;
        assert!(matches!(c.admin_access(), Ok(AdminAccess::Off)));
        c.admin_token_file = Some(dir.path().join("missing"));
        assert!(c.admin_access().is_err(), "unreadable file");
        assert_eq!(
            format!("{:?}", AdminToken("secret".into())),
            "AdminToken(..)"
        );
    }

    #[test]
    fn origins_are_repeatable_and_canonicalised() {
        let c = parse(&[
            "--allowed-origin",
            "HTTPS://News.Example:443/",
            "--allowed-origin",
            "http://localhost:3000,http://a.example",
        ]);
        let list = c.origin_allow_list().unwrap_or_default();
        let expected: BTreeSet<String> = [
            "https://news.example",
            "http://localhost:3000",
            "http://a.example",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(list, expected);
    }

    #[test]
    fn origins_with_paths_are_refused() {
        let c = parse(&["--allowed-origin", "https://a.example/path"]);
        assert!(c.origin_allow_list().is_err());
        let c = parse(&["--allowed-origin", "null"]);
        assert!(c.origin_allow_list().is_err());
    }

    #[test]
    fn a_database_url_selects_postgres_and_is_never_shown() {
        let c = parse(&["--database-url", "postgresql://u:secret@127.0.0.1:5432/fw"]);
        assert_eq!(
            c.database_url,
            Some(DatabaseUrl(
                "postgresql://u:secret@127.0.0.1:5432/fw".into()
            ))
        );
        assert!(!format!("{c:?}").contains("secret"));
        assert!(Config::try_parse_from(["x", "--database-url", "mysql://x"]).is_err());
        assert!(
            Config::try_parse_from(["x", "--database-url", "postgres://x/y", "--db", "f"]).is_err(),
            "one backend at a time"
        );
    }

    #[test]
    fn zero_rate_is_refused() {
        let r = Config::try_parse_from(["x", "--rate-limit-per-minute", "0"]);
        assert!(r.is_err());
    }
}
