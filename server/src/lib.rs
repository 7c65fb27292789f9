//! The `portail` server: configuration, the HTTP router with its security middleware, the mail
//! worker, the clock-driven jobs, and the command-line tasks. The application itself lives in the `app` crate.
pub mod access_log;
pub mod backup;
pub mod config;
pub mod crossorigin;
pub mod jobs;
pub mod keys;
pub mod locales;
pub mod logging;
pub mod mail;
pub mod manifest;
pub mod metrics;
pub mod middleware;
pub mod panics;
pub mod plain;
pub mod public_pages;
pub mod routes;
pub mod serve;
pub mod split_preloads;

use app::domain::identity::throttle::Throttle;
use app::domain::sealing::{self, Keyring};
use app::domain::{organisation, platform::operator, store};
use app::i18n::Lang;
use app::state::{AppState, Config};
use std::sync::Arc;

/// Connects to the database, applies migrations, installs the secret keys (sealing anew what an
/// older key or none sealed) and returns the state every request shares.
pub async fn prepare(
    database_url: &str,
    public_url: &str,
    dev_mailbox: bool,
    keys: Keyring,
) -> anyhow::Result<AppState> {
    let secure_cookies = config::secure_cookies(public_url).map_err(anyhow::Error::msg)?;
    // The dev transport shows every mail (links, codes) at /dev/mailbox: never on a public server.
    anyhow::ensure!(
        !(dev_mailbox && secure_cookies),
        "MAIL_TRANSPORT=dev is only allowed when PUBLIC_URL is this machine (localhost)"
    );
    let db = store::connect(database_url).await?;
    store::migrate(&db, database_url).await?;
    let resealed = sealing::reseal(&db, &keys).await.map_err(|e| anyhow::anyhow!("sealing secrets: {e}"))?;
    report(&resealed);
    sealing::install(keys);
    let indexed = app::domain::patient::search::index_missing(&db)
        .await
        .map_err(|e| anyhow::anyhow!("indexing patients for search: {e}"))?;
    if indexed > 0 {
        tracing::info!(indexed, "patients indexed for search");
    }
    let shipped = app::domain::questionnaire::library::install_everywhere(&db, store::now())
        .await
        .map_err(|e| anyhow::anyhow!("adding the shipped questionnaires: {e}"))?;
    if shipped > 0 {
        tracing::info!(shipped, "shipped questionnaires added to organisations' libraries");
    }
    app::domain::platform::document::install_shipped(&db, store::now())
        .await
        .map_err(|e| anyhow::anyhow!("adding the shipped agreement and terms: {e}"))?;
    // Loaded now so the first person choosing a password does not wait for it.
    let started = std::time::Instant::now();
    let common = app::domain::identity::credential::common_password_count();
    tracing::info!(common, took_ms = started.elapsed().as_millis() as u64, "password blocklist loaded");
    // On PostgreSQL several instances may serve: the limits that protect accounts are shared.
    let throttle = match store::Dialect::of(database_url) {
        Some(store::Dialect::Postgres) => Throttle::sharing(db.clone()),
        _ => Throttle::new(),
    };
    Ok(AppState {
        db,
        config: Arc::new(Config {
            public_url: public_url.trim_end_matches('/').to_string(),
            secure_cookies,
            dev_mailbox,
            trusted_proxies: Vec::new(),
            metrics_token: None,
        }),
        throttle: Arc::new(throttle),
    })
}

fn report(resealed: &sealing::Resealed) {
    if resealed.secrets > 0 || resealed.recovery_codes > 0 {
        tracing::info!(
            secrets = resealed.secrets,
            recovery_codes = resealed.recovery_codes,
            "sealed with the current key"
        );
    }
    if resealed.unreadable > 0 {
        tracing::error!(
            count = resealed.unreadable,
            "authenticator secrets that no key of the key file opens: is it the right file?"
        );
    }
    for (id, left) in &resealed.codes_under_older_keys {
        tracing::info!("{left} unused recovery codes still use key {id}: keep its line until none do");
    }
}

/// What `portail bootstrap` creates: the platform's first operator, or with `--organisation` an
/// organisation and its first administrator. Returns the one-time setup link and the secret code
/// that goes with it (the code is shown on the console only).
pub async fn bootstrap(
    state: &AppState,
    args: &config::BootstrapArgs,
) -> anyhow::Result<organisation::Activation> {
    let (email, given_name, family_name, language) =
        (&args.email, &args.given_name, &args.family_name, Lang::from_code(&args.language));
    let public_url = &state.config.public_url;
    let activation = match &args.organisation {
        Some(organisation) => {
            let new = organisation::Bootstrap { organisation, email, given_name, family_name, language };
            organisation::bootstrap(&state.db, public_url, new).await
        }
        None => {
            let new = operator::NewOperator { email, given_name, family_name, language };
            operator::first(&state.db, public_url, new).await
        }
    };
    activation.map_err(|e| anyhow::anyhow!("bootstrap refused: {e}"))
}

/// What the console shows after a bootstrap: the link is also mailed, the code only shown here.
pub fn bootstrap_instructions(args: &config::BootstrapArgs, activation: &organisation::Activation) -> String {
    let who = match args.organisation {
        Some(_) => "First administrator",
        None => "First platform operator",
    };
    format!(
        "{who} {}: the setup link was mailed to them and is below (valid 5 days, single use).\n\
         {}\n\
         Give them this secret code by phone or in person; the link asks for it: {}\n",
        args.email,
        activation.link,
        activation.code.as_str()
    )
}

/// True while the platform has no operator: `serve` then bootstraps the first one.
pub async fn has_no_operator(state: &AppState) -> anyhow::Result<bool> {
    Ok(!operator::any(&state.db).await.map_err(|e| anyhow::anyhow!("{e}"))?)
}
