//! The server's log on standard output: readable lines by default, one JSON object per line with
//! `LOG_FORMAT=json` (for a log collector). What goes in it never includes a code, token, password
//! or message text: requests are logged by route (`access_log`), errors by their kind.
use tracing_subscriber::EnvFilter;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

/// Installs the log for the whole process: `RUST_LOG` when set, else info (sqlx's statements only
/// from warnings up).
pub fn install(format: LogFormat) -> Result<(), tracing::subscriber::SetGlobalDefaultError> {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| "info,sqlx=warn".into());
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    match format {
        LogFormat::Text => tracing::subscriber::set_global_default(builder.finish()),
        LogFormat::Json => tracing::subscriber::set_global_default(
            builder.json().flatten_event(true).with_current_span(false).finish(),
        ),
    }
}
