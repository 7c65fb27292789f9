//! Command line and environment: every flag can also be given as an environment variable.
use clap::{Args, Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(name = "portail", version, about = "Portail, the bilingual patient portal")]
pub struct Cli {
    #[command(flatten)]
    pub common: Common,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Args, Debug, Clone)]
pub struct Common {
    /// sqlite://path/to/file.db (embedded, the default) or postgres://user@host/db (production).
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://data/portail.db", global = true)]
    pub database_url: String,
    /// The address people use to reach the portal; links in emails and the CSRF check use it.
    #[arg(long, env = "PUBLIC_URL", default_value = "http://127.0.0.1:3000", global = true)]
    pub public_url: String,
    /// The key that seals authenticator secrets and peppers recovery codes (one `<id> <base64>`
    /// line per key, the first one in use). Default with SQLite: `portail.key` beside the
    /// database, created on first start. Required with PostgreSQL.
    #[arg(long, env = "SECRET_KEY_FILE", global = true)]
    pub secret_key_file: Option<std::path::PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve the portal (the default).
    Serve(ServeArgs),
    /// Apply database migrations and exit.
    Migrate,
    /// Create the platform's first operator (or, with --organisation, an organisation and its
    /// first administrator); prints a one-time setup link and its secret code.
    Bootstrap(BootstrapArgs),
    /// Print a new secret key line, to put on top of the key file when rotating keys.
    NewKey,
    /// Development only: seed a demo organisation (staff, patients in every invitation state)
    /// and print how to sign in as each. Refuses a database that holds accounts, and https URLs.
    Demo,
}

#[derive(Args, Debug, Clone)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "LISTEN", default_value = "127.0.0.1:3000")]
    pub listen: String,
    /// SMTP server for outgoing mail, e.g. smtp://127.0.0.1:1025 or smtps://user:pass@host.
    #[arg(long, env = "SMTP_URL")]
    pub smtp_url: Option<String>,
    /// PEM file of the authority that signed the SMTP relay's certificate, trusted besides the
    /// public ones (a relay with a private CA); SMTP_URL must then ask for TLS.
    #[arg(long, env = "SMTP_CA_FILE")]
    pub smtp_ca_file: Option<std::path::PathBuf>,
    /// `smtp` (needs SMTP_URL) or `dev` (mail stays in the outbox, shown at /dev/mailbox).
    #[arg(long, env = "MAIL_TRANSPORT", default_value = "smtp")]
    pub mail_transport: String,
    /// Sender address of outgoing mail.
    #[arg(long, env = "MAIL_FROM", default_value = "Portail <no-reply@portail.localhost>")]
    pub mail_from: String,
    /// While the platform has no operator, create this one as the first and print its setup
    /// link with the secret code.
    #[arg(long, env = "BOOTSTRAP_EMAIL")]
    pub bootstrap_email: Option<String>,
    /// A reverse proxy in front of the portal (repeat, or separate with commas): from these
    /// addresses only, `X-Forwarded-For` names the caller (for rate limits, the audit trail and
    /// the session list). Without it the socket's address is the caller's.
    #[arg(long, env = "TRUSTED_PROXY", value_delimiter = ',')]
    pub trusted_proxy: Vec<std::net::IpAddr>,
    /// With it, `/metrics` may also be read from elsewhere than this machine, sending
    /// `Authorization: Bearer <token>`.
    #[arg(long, env = "METRICS_TOKEN")]
    pub metrics_token: Option<String>,
    /// Folder holding the compiled site (pkg/ with JS, WASM and CSS).
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
    pub site_root: String,
}

#[derive(Args, Debug, Clone)]
pub struct BootstrapArgs {
    #[arg(long, env = "BOOTSTRAP_EMAIL")]
    pub email: String,
    /// Without it, the platform's first operator; with it, this organisation and its first
    /// administrator (an installation for one organisation, or tests).
    #[arg(long, env = "BOOTSTRAP_ORGANISATION")]
    pub organisation: Option<String>,
    #[arg(long, default_value = "Administrateur")]
    pub given_name: String,
    #[arg(long, default_value = "Portail")]
    pub family_name: String,
    /// Language of the setup email: fr or en.
    #[arg(long, default_value = "fr")]
    pub language: String,
}

/// Secure cookies are required unless the portal is served over http on this machine only:
/// `localhost`, `127.0.0.1` or `[::1]`, nothing else (not `127.evil.example`, not another IPv6).
pub fn secure_cookies(public_url: &str) -> Result<bool, String> {
    let parsed = url::Url::parse(public_url).map_err(|e| format!("PUBLIC_URL {public_url}: {e}"))?;
    match (parsed.scheme(), parsed.host_str()) {
        ("https", Some(_)) => Ok(true),
        ("http", Some("localhost" | "127.0.0.1" | "[::1]")) => Ok(false),
        _ => Err(format!(
            "PUBLIC_URL {public_url} must use https:// (plain http is only allowed for localhost)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::secure_cookies;

    #[test]
    fn only_this_machine_may_go_without_https() {
        assert_eq!(secure_cookies("https://portail.example.org"), Ok(true));
        for local in ["http://localhost:3000", "http://127.0.0.1:3000/", "http://[::1]:3000"] {
            assert_eq!(secure_cookies(local), Ok(false), "{local}");
        }
        for remote in [
            "http://127.evil.example",
            "http://127.0.0.2:3000",
            "http://[2001:db8::1]:3000",
            "http://localhost.evil.example",
            "http://localhost@evil.example",
            "http://portail.example.org",
            "ftp://localhost",
            "not a url",
        ] {
            assert!(secure_cookies(remote).is_err(), "{remote}");
        }
    }
}
