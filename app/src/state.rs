//! What every request shares, built once by the server: the database and the configuration.
use crate::domain::identity::throttle;
use crate::domain::store;
use std::sync::Arc;

/// Shared by all requests; built once by the server.
#[derive(Clone)]
pub struct AppState {
    pub db: store::Db,
    pub config: Arc<Config>,
    /// How often anonymous callers may try (sign-in, codes, links), per address and per target.
    pub throttle: Arc<throttle::Throttle>,
}

impl AppState {
    /// The same state, taking the caller's address from `X-Forwarded-For` when the request comes
    /// from one of `proxies`.
    pub fn trusting(self, proxies: Vec<std::net::IpAddr>) -> Self {
        let config = Config { trusted_proxies: proxies, ..(*self.config).clone() };
        Self { config: Arc::new(config), ..self }
    }

    /// The same state, with `/metrics` also readable with this bearer token.
    pub fn with_metrics_token(self, token: Option<String>) -> Self {
        let config = Config { metrics_token: token.filter(|t| !t.is_empty()), ..(*self.config).clone() };
        Self { config: Arc::new(config), ..self }
    }
}

#[derive(Clone, Debug)]
pub struct Config {
    /// Scheme, host and port people use, e.g. `https://portail.example.org`; links in emails and
    /// the CSRF origin check come from it.
    pub public_url: String,
    /// Only false for `http://localhost` development (docs/RULES.md §6).
    pub secure_cookies: bool,
    /// The development mailbox at `/dev/mailbox` (mail transport `dev`).
    pub dev_mailbox: bool,
    /// Reverse proxies whose `X-Forwarded-For` names the caller; from anyone else the header is
    /// ignored and the socket's address is the caller's.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// Lets `/metrics` be read from elsewhere than this machine with `Authorization: Bearer …`.
    pub metrics_token: Option<String>,
}

impl Config {
    /// The cookie that makes a browser known to the accounts that signed in with it.
    pub fn browser_cookie_name(&self) -> &'static str {
        if self.secure_cookies {
            "__Host-portail-browser"
        } else {
            "portail-browser"
        }
    }

    pub fn session_cookie_name(&self) -> &'static str {
        // Browsers only accept the `__Host-` prefix on Secure cookies.
        if self.secure_cookies {
            "__Host-portail"
        } else {
            "portail"
        }
    }

    pub fn origin(&self) -> String {
        url_origin(&self.public_url)
    }
}

/// `scheme://host[:port]` of a URL, without path.
pub fn url_origin(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("http", url));
    let host = rest.split('/').next().unwrap_or("");
    format!("{scheme}://{host}")
}
