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
    /// A file holding DATABASE_URL (a systemd credential, a container secret), which then wins:
    /// a PostgreSQL password stays out of the environment and the process list.
    #[arg(long, env = "DATABASE_URL_FILE", global = true)]
    pub database_url_file: Option<std::path::PathBuf>,
    /// The address people use to reach the portal; links in emails and the CSRF check use it.
    #[arg(long, env = "PUBLIC_URL", default_value = "http://localhost:3000", global = true)]
    pub public_url: String,
    /// The key that seals authenticator secrets and peppers recovery codes (one `<id> <base64>`
    /// line per key, the first one in use). Default with SQLite: `portail.key` beside the
    /// database, created on first start. Required with PostgreSQL.
    #[arg(long, env = "SECRET_KEY_FILE", global = true)]
    pub secret_key_file: Option<std::path::PathBuf>,
    /// `text` (readable lines) or `json` (one object per line, for a log collector).
    #[arg(long, env = "LOG_FORMAT", value_enum, default_value = "text", global = true)]
    pub log_format: crate::logging::LogFormat,
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
    /// Write a consistent copy of the SQLite database to a new file, while the server runs.
    /// (PostgreSQL: pg_dump, docs/OPERATIONS.md.) The key file is not in it: keep it apart.
    Backup {
        /// The copy to write; it must not exist.
        #[arg(long)]
        to: std::path::PathBuf,
    },
    /// Check a copy made by `backup` and install it as the SQLite database. Stop the server
    /// first; the database it replaces is kept beside it as `<file>.before-restore-<time>`.
    Restore {
        #[arg(long)]
        from: std::path::PathBuf,
    },
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
    #[arg(long, env = "SMTP_URL", conflicts_with = "smtp_url_file")]
    pub smtp_url: Option<String>,
    /// A file holding SMTP_URL (with the relay's password), in place of the variable.
    #[arg(long, env = "SMTP_URL_FILE")]
    pub smtp_url_file: Option<std::path::PathBuf>,
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
    #[arg(long, env = "METRICS_TOKEN", conflicts_with = "metrics_token_file")]
    pub metrics_token: Option<String>,
    /// A file holding METRICS_TOKEN, in place of the variable.
    #[arg(long, env = "METRICS_TOKEN_FILE")]
    pub metrics_token_file: Option<std::path::PathBuf>,
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

/// A secret given as a file (`LoadCredential=` in systemd, a container secret): its text without
/// the line end editors add. An empty or unreadable file is an error, never "no secret".
pub fn read_secret(name: &str, file: &std::path::Path) -> Result<String, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{name} {}: {e}", file.display()))?;
    let secret = text.trim_end_matches(['\n', '\r']);
    if secret.trim().is_empty() {
        return Err(format!("{name} {} is empty", file.display()));
    }
    Ok(secret.to_string())
}

impl Common {
    /// The settings with DATABASE_URL read from its file when one is named.
    pub fn resolved(mut self) -> Result<Self, String> {
        if let Some(file) = self.database_url_file.take() {
            self.database_url = read_secret("DATABASE_URL_FILE", &file)?;
        }
        Ok(self)
    }
}

impl ServeArgs {
    /// The settings with each secret read from its file when one is named.
    pub fn resolved(mut self) -> Result<Self, String> {
        if let Some(file) = self.smtp_url_file.take() {
            self.smtp_url = Some(read_secret("SMTP_URL_FILE", &file)?);
        }
        if let Some(file) = self.metrics_token_file.take() {
            self.metrics_token = Some(read_secret("METRICS_TOKEN_FILE", &file)?);
        }
        Ok(self)
    }
}

/// The shortest metrics token taken: anything shorter can be guessed by a patient attacker.
pub const METRICS_TOKEN_MIN: usize = 32;

/// Combinations that would serve people unsafely, refused at start with what to change. A
/// public (https) portal must name its key file (kept apart from the database: a copy of the
/// data folder must not carry the key that opens its secrets), must not send mail in clear to
/// another machine (mail carries sign-in codes), and a metrics token must be long. (The dev
/// mailbox on a public portal is refused by `prepare`.)
pub fn refusals(common: &Common, serve: &ServeArgs) -> Vec<String> {
    let mut refused = Vec::new();
    let public = common.public_url.starts_with("https://");
    if public && common.secret_key_file.is_none() {
        refused.push(
            "PUBLIC_URL is https (a public portal): name its key file with SECRET_KEY_FILE, kept \
             apart from the database (create one with `portail new-key > file`)"
                .to_string(),
        );
    }
    if let (true, "smtp", Some(url)) = (public, serve.mail_transport.as_str(), serve.smtp_url.as_deref()) {
        if let Ok(parsed) = url::Url::parse(url) {
            let tls = parsed.scheme() == "smtps"
                || parsed.query_pairs().any(|(k, v)| k == "tls" && v == "required");
            if !tls && !parsed.host_str().is_some_and(is_this_machine) {
                refused.push(format!(
                    "SMTP_URL sends mail in clear to {}: mail carries sign-in codes, use smtps://… or smtp://…?tls=required",
                    parsed.host_str().unwrap_or("?")
                ));
            }
        }
    }
    if serve.metrics_token.as_deref().is_some_and(|token| token.chars().count() < METRICS_TOKEN_MIN) {
        refused.push(format!("METRICS_TOKEN must be at least {METRICS_TOKEN_MIN} characters"));
    }
    refused
}

/// `localhost`, `127.0.0.1` or `[::1]` as a URL names them, nothing else (not `127.evil.example`,
/// not another IPv6).
fn is_this_machine(host: &str) -> bool {
    matches!(host, "localhost" | "127.0.0.1" | "[::1]")
}

/// Secure cookies are required unless the portal is served over http on this machine only:
/// `localhost`, `127.0.0.1` or `[::1]`, nothing else (not `127.evil.example`, not another IPv6).
pub fn secure_cookies(public_url: &str) -> Result<bool, String> {
    let parsed = url::Url::parse(public_url).map_err(|e| format!("PUBLIC_URL {public_url}: {e}"))?;
    match (parsed.scheme(), parsed.host_str()) {
        ("https", Some(_)) => Ok(true),
        ("http", Some(host)) if is_this_machine(host) => Ok(false),
        _ => Err(format!(
            "PUBLIC_URL {public_url} must use https:// (plain http is only allowed for localhost)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(public_url: &str, extra: &[&str]) -> (Common, ServeArgs) {
        let mut args = vec!["portail", "--public-url", public_url, "serve"];
        args.extend_from_slice(extra);
        let cli = Cli::try_parse_from(args).unwrap();
        match cli.command {
            Some(Command::Serve(serve)) => (cli.common, serve),
            _ => unreachable!(),
        }
    }

    #[test]
    fn a_public_portal_refuses_what_would_serve_people_unsafely() {
        let (common, serve) =
            settings("https://portail.example.org", &["--smtp-url", "smtp://relay.example.org"]);
        let refused = refusals(&common, &serve);
        assert_eq!(refused.len(), 2, "{refused:?}");
        assert!(refused[0].contains("SECRET_KEY_FILE"));
        assert!(refused[1].contains("in clear to relay.example.org"));

        let key = ["--secret-key-file", "/run/credentials/portail/key"];
        for fine in
            ["smtps://u:p@relay.example.org", "smtp://relay.example.org?tls=required", "smtp://127.0.0.1:25"]
        {
            let (common, serve) =
                settings("https://portail.example.org", &[&["--smtp-url", fine][..], &key].concat());
            assert_eq!(refusals(&common, &serve), Vec::<String>::new(), "{fine}");
        }
        let (common, serve) = settings(
            "http://localhost:3000",
            &["--smtp-url", "smtp://relay.example.org", "--metrics-token", "short"],
        );
        assert_eq!(
            refusals(&common, &serve),
            vec![format!("METRICS_TOKEN must be at least {METRICS_TOKEN_MIN} characters")]
        );
    }

    #[test]
    fn secrets_come_from_files_without_their_line_end() {
        let folder = tempfile::tempdir().unwrap();
        let smtp = folder.path().join("smtp-url");
        std::fs::write(&smtp, "smtps://u:p%40ss@relay.example.org\n").unwrap();
        let token = folder.path().join("token");
        std::fs::write(&token, "t".repeat(40) + "\r\n").unwrap();
        let (_, serve) = settings(
            "http://localhost:3000",
            &["--smtp-url-file", smtp.to_str().unwrap(), "--metrics-token-file", token.to_str().unwrap()],
        );
        let serve = serve.resolved().unwrap();
        assert_eq!(serve.smtp_url.as_deref(), Some("smtps://u:p%40ss@relay.example.org"));
        assert_eq!(serve.metrics_token, Some("t".repeat(40)));

        let database = folder.path().join("database-url");
        std::fs::write(&database, "postgres://portail:secret@db/portail\n").unwrap();
        let cli =
            Cli::try_parse_from(["portail", "--database-url-file", database.to_str().unwrap(), "migrate"])
                .unwrap();
        assert_eq!(cli.common.resolved().unwrap().database_url, "postgres://portail:secret@db/portail");

        let empty = folder.path().join("empty");
        std::fs::write(&empty, "\n").unwrap();
        let (_, serve) = settings("http://localhost:3000", &["--smtp-url-file", empty.to_str().unwrap()]);
        assert!(serve.resolved().unwrap_err().contains("is empty"));
        let (_, serve) = settings("http://localhost:3000", &["--smtp-url-file", "/nonexistent/smtp-url"]);
        assert!(serve.resolved().unwrap_err().contains("SMTP_URL_FILE /nonexistent/smtp-url"));
        assert!(Cli::try_parse_from(["portail", "serve", "--smtp-url", "smtp://a", "--smtp-url-file", "/x"])
            .is_err());
    }

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
