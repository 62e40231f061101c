//! `feedwidgets-collector` binary: parse flags, set up logging, run the service.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use feedwidgets_collector::{run, Config};
use tracing_subscriber::filter::LevelFilter;

#[tokio::main]
async fn main() -> ExitCode {
    // RUST_LOG takes a single level here (error..trace); the service logs little.
    let level = std::env::var("RUST_LOG")
        .ok()
        .and_then(|v| v.parse::<LevelFilter>().ok())
        .unwrap_or(LevelFilter::INFO);
    tracing_subscriber::fmt()
        .with_max_level(level)
        .with_writer(std::io::stderr)
        // Colour codes only help on a terminal; in log files they are noise.
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    let config = Config::parse();
    match run(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("feedwidgets-collector: {e}");
            ExitCode::FAILURE
        }
    }
}
