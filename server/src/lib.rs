//! The `portail` server: configuration, the HTTP router with its security middleware, the mail
//! worker, the clock-driven jobs, and the command-line tasks. The application itself lives in the `app` crate.
pub mod config;
pub mod jobs;
pub mod mail;
pub mod manifest;
pub mod metrics;
pub mod middleware;
pub mod panics;
pub mod plain;
pub mod public_pages;
pub mod routes;
pub mod serve;

use app::domain::identity::account;

use app::domain::{organisation, store};
use app::i18n::Lang;
use app::state::{AppState, Config};
use std::sync::Arc;

/// Connects to the database, applies migrations and returns the state every request shares.
pub async fn prepare(database_url: &str, public_url: &str, dev_mailbox: bool) -> anyhow::Result<AppState> {
    let secure_cookies = config::secure_cookies(public_url).map_err(anyhow::Error::msg)?;
    // The dev transport shows every mail (links, codes) at /dev/mailbox: never on a public server.
    anyhow::ensure!(
        !(dev_mailbox && secure_cookies),
        "MAIL_TRANSPORT=dev is only allowed when PUBLIC_URL is this machine (localhost)"
    );
    let db = store::connect(database_url).await?;
    store::migrate(&db, database_url).await?;
    Ok(AppState {
        db,
        config: Arc::new(Config {
            public_url: public_url.trim_end_matches('/').to_string(),
            secure_cookies,
            dev_mailbox,
            trusted_proxies: Vec::new(),
            metrics_token: None,
        }),
        throttle: Arc::new(app::domain::identity::throttle::Throttle::new()),
    })
}

/// Creates an organisation and its first administrator; returns the one-time setup link.
pub async fn bootstrap(state: &AppState, args: &config::BootstrapArgs) -> anyhow::Result<String> {
    let link = organisation::bootstrap(
        &state.db,
        &state.config.public_url,
        organisation::Bootstrap {
            organisation: &args.organisation,
            email: &args.email,
            given_name: &args.given_name,
            family_name: &args.family_name,
            language: Lang::from_code(&args.language),
        },
    )
    .await
    .map_err(|e| anyhow::anyhow!("bootstrap refused: {e}"))?;
    Ok(link)
}

/// True when nobody has an account yet: `serve` then bootstraps the first administrator.
pub async fn is_empty(state: &AppState) -> anyhow::Result<bool> {
    Ok(account::count(&state.db).await.map_err(|e| anyhow::anyhow!("{e}"))? == 0)
}
