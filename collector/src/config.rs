//! Command-line flags (with environment fallbacks) and their validation.

use std::collections::BTreeSet;
use std::fmt;
use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::path::PathBuf;

use clap::Parser;

/// Flags of the collector service. Every flag has an `FW_*` environment fallback so the
/// scripts and CI can configure it without long command lines.
#[derive(Debug, Clone, Parser)]
#[command(name = "feedwidgets-collector", version, about)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "FW_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,

    /// SQLite database file; its parent directory is created when missing.
    #[arg(long, env = "FW_DB", default_value = "collector-data/feedback.sqlite3")]
    pub db: PathBuf,

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
}

/// A configuration value that cannot be used; reported once at startup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

impl Config {
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
    fn zero_rate_is_refused() {
        let r = Config::try_parse_from(["x", "--rate-limit-per-minute", "0"]);
        assert!(r.is_err());
    }
}
