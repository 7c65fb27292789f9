use clap::Parser;
use server::config::{Cli, Command, ServeArgs};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    server::logging::install(cli.common.log_format)?;
    server::panics::log_panics_with_their_request();
    let common = cli.common.resolved().map_err(anyhow::Error::msg)?;
    let keys = || server::keys::load(common.secret_key_file.as_deref(), &common.database_url);
    match cli.command {
        Some(Command::NewKey) => println!("{}", server::keys::new_line()),
        Some(Command::Backup { to }) => {
            let copy = server::backup::backup(&common.database_url, &to).await?;
            println!("Backup written to {} ({copy}).", to.display());
            println!("The secret key file is not in it: keep a copy of the key file apart, it unseals the authenticator secrets.");
        }
        Some(Command::Restore { from }) => {
            let restored =
                server::backup::restore(&from, &common.database_url, app::domain::store::now()).await?;
            println!("Restored {} ({}).", from.display(), restored.checked);
            if let Some(previous) = restored.previous {
                println!("The database it replaced is kept as {}.", previous.display());
            }
            println!("Start the server with the key file of the backup's time.");
        }
        Some(Command::Migrate) => {
            server::prepare(&common.database_url, &common.public_url, false, keys()?).await?;
            tracing::info!("migrations applied");
        }
        Some(Command::Bootstrap(args)) => {
            let state = server::prepare(&common.database_url, &common.public_url, false, keys()?).await?;
            let activation = server::bootstrap(&state, &args).await?;
            println!("{}", server::bootstrap_instructions(&args, &activation));
        }
        Some(Command::Demo) => {
            if common.public_url.starts_with("https://") {
                anyhow::bail!("portail demo is for development only (PUBLIC_URL is https)");
            }
            let state = server::prepare(&common.database_url, &common.public_url, true, keys()?).await?;
            let demo = app::domain::demo::seed(&state.db, &state.config.public_url)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("Demo organisation ready. Staff sign in with password \"{}\" and a code from an authenticator app set up with:", app::domain::demo::PASSWORD);
            for (who, secret) in demo.staff {
                println!("  {who}: TOTP secret {secret}");
            }
            println!("Patients:");
            for line in demo.patients {
                println!("  {line}");
            }
            println!(
                "Serve with MAIL_TRANSPORT=dev to read mail at {}/dev/mailbox.",
                state.config.public_url
            );
        }
        Some(Command::Serve(args)) => serve(common, args).await?,
        None => {
            let defaults = Cli::parse_from(["portail", "serve"]).command.and_then(|c| match c {
                Command::Serve(args) => Some(args),
                _ => None,
            });
            serve(common, defaults.expect("serve defaults")).await?
        }
    }
    Ok(())
}

async fn serve(common: server::config::Common, args: ServeArgs) -> anyhow::Result<()> {
    let args = args.resolved().map_err(anyhow::Error::msg)?;
    let refused = server::config::refusals(&common, &args);
    if !refused.is_empty() {
        anyhow::bail!("refusing to serve:\n  - {}", refused.join("\n  - "));
    }
    let keys = server::keys::load(common.secret_key_file.as_deref(), &common.database_url)?;
    let dev = args.mail_transport == "dev";
    // Held until the server stops: a restore cannot replace the database under it.
    let _database_held = server::backup::hold_while_serving(&common.database_url)?;
    let state = server::prepare(&common.database_url, &common.public_url, dev, keys)
        .await?
        .trusting(args.trusted_proxy.clone())
        .with_metrics_token(args.metrics_token.clone());
    if server::has_no_operator(&state).await? {
        match &args.bootstrap_email {
            Some(email) => {
                let bootstrap = server::config::BootstrapArgs {
                    email: email.clone(),
                    organisation: None,
                    given_name: "Opérateur".into(),
                    family_name: "Portail".into(),
                    language: "fr".into(),
                };
                let activation = server::bootstrap(&state, &bootstrap).await?;
                println!("\n{}", server::bootstrap_instructions(&bootstrap, &activation));
            }
            None => tracing::warn!(
                "the platform has no operator yet: run `portail bootstrap --email …` to create the first"
            ),
        }
    }
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let stop_watch = stop_rx.clone();
    let mut mail_worker = None;
    if dev {
        tracing::info!("mail transport dev: mail is kept in the outbox and shown at /dev/mailbox");
    } else {
        let url = args
            .smtp_url
            .as_deref()
            .ok_or_else(|| anyhow::anyhow!("SMTP_URL is required unless MAIL_TRANSPORT=dev"))?;
        let ca = args
            .smtp_ca_file
            .as_ref()
            .map(|path| {
                std::fs::read(path).map_err(|e| anyhow::anyhow!("SMTP_CA_FILE {}: {e}", path.display()))
            })
            .transpose()?;
        let sender = server::mail::SmtpSender::trusting(url, &args.mail_from, ca.as_deref())?;
        mail_worker = Some(tokio::spawn(server::mail::run_worker(state.db.clone(), sender, stop_rx)));
    }
    tokio::spawn(server::jobs::run(state.db.clone(), state.config.public_url.clone()));
    tokio::spawn(server::jobs::invite_imported(state.db.clone(), state.config.public_url.clone()));
    let app = server::routes::router(state, &args.site_root);
    let listener = tokio::net::TcpListener::bind(&args.listen).await?;
    tracing::info!("Portail listening on http://{}", listener.local_addr()?);
    let serving = server::serve::serve(listener, app, server::serve::Limits::default(), async move {
        shutdown_signal().await;
        tracing::info!("stopping: finishing requests in flight (up to 10 s) and the mail being sent");
        let _ = stop_tx.send(true);
    });
    let mut stop_seen = stop_watch.clone();
    tokio::select! {
        () = serving => {},
        _ = async {
            let _ = stop_seen.wait_for(|stop| *stop).await;
            tokio::time::sleep(GRACE).await;
        } => tracing::warn!("requests still in flight after 10 s were cut"),
    }
    if let Some(worker) = mail_worker {
        if tokio::time::timeout(GRACE, worker).await.is_err() {
            tracing::warn!("the mail worker did not finish within 10 s");
        }
    }
    Ok(())
}

/// How long a stopping server waits for requests in flight and for the mail being sent.
const GRACE: std::time::Duration = std::time::Duration::from_secs(10);

/// Ctrl-C, or SIGTERM (what a service manager or container runtime sends to stop the server).
async fn shutdown_signal() {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate => {}
    }
}
