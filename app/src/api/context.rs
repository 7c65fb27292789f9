//! What every server function may ask of the request it serves: the shared state, the session
//! cookie, the caller's address, and how to set cookies on the response.
use crate::api::ApiError;
use crate::domain::{account, session, store, RequestMeta};
use crate::states::Role;
use http::header::{COOKIE, SET_COOKIE, USER_AGENT};
use leptos::prelude::*;
use std::sync::Arc;

/// Shared by all requests; built once by the server.
#[derive(Clone)]
pub struct AppState {
    pub db: store::Db,
    pub config: Arc<Config>,
}

#[derive(Clone, Debug)]
pub struct Config {
    /// Scheme, host and port people use, e.g. `https://portail.example.org`; links in emails and
    /// the CSRF origin check come from it.
    pub public_url: String,
    /// Only false for `http://localhost` development (DESIGN §3).
    pub secure_cookies: bool,
    /// The development mailbox at `/dev/mailbox` (mail transport `dev`).
    pub dev_mailbox: bool,
}

impl Config {
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

pub fn state() -> AppState {
    expect_context::<AppState>()
}

fn parts() -> Option<http::request::Parts> {
    use_context::<http::request::Parts>()
}

pub fn request_meta() -> RequestMeta {
    parts().map(|parts| meta_of(&parts.headers, &parts.extensions)).unwrap_or_default()
}

/// Caller address and browser of a request (also used by plain axum handlers).
pub fn meta_of(headers: &http::HeaderMap, extensions: &http::Extensions) -> RequestMeta {
    let ip = extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_default();
    let user_agent = headers.get(USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    RequestMeta { ip, user_agent }
}

pub fn cookie(name: &str) -> Option<String> {
    cookie_of(&parts()?.headers, name)
}

/// The value of cookie `name` in a request's headers.
pub fn cookie_of(headers: &http::HeaderMap, name: &str) -> Option<String> {
    headers.get_all(COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';')).find_map(
        |pair| {
            let (k, v) = pair.trim().split_once('=')?;
            (k == name).then(|| v.to_string())
        },
    )
}

pub fn set_cookie(value: String) {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.append_header(SET_COOKIE, value.parse().expect("valid cookie header"));
    }
}

pub fn set_session_cookie(token: &str) {
    let config = state().config;
    let secure = if config.secure_cookies { "; Secure" } else { "" };
    set_cookie(format!("{}={token}; Path=/; HttpOnly; SameSite=Lax{secure}", config.session_cookie_name()));
}

pub fn clear_session_cookie() {
    let config = state().config;
    let secure = if config.secure_cookies { "; Secure" } else { "" };
    set_cookie(format!(
        "{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}",
        config.session_cookie_name()
    ));
}

/// Remembers the interface language like the header's language link does.
pub fn set_language_cookie(lang: crate::i18n::Lang) {
    set_cookie(lang.cookie());
}

/// The signed-in person, or "signed out".
pub async fn require_session() -> Result<(session::ActiveSession, account::Account), ApiError> {
    let state = state();
    let token = cookie(state.config.session_cookie_name()).ok_or_else(ApiError::signed_out)?;
    let active = session::resolve(&state.db, &token, store::now()).await?.ok_or_else(ApiError::signed_out)?;
    let account = account::find_by_id(&state.db, active.account_id).await?;
    Ok((active, account))
}

/// A short-lived cookie for one flow (HttpOnly, SameSite=Strict), Secure like the session cookie.
pub fn set_flow_cookie(name: &str, value: &str, max_age: i64) {
    let secure = if state().config.secure_cookies { "; Secure" } else { "" };
    set_cookie(format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}"));
}

pub fn clear_flow_cookie(name: &str) {
    set_flow_cookie(name, "", 0);
}

/// A staff member (administrator or professional) and the organisation they act in.
pub async fn require_staff() -> Result<(account::Account, i64), ApiError> {
    require_role(&[Role::Admin, Role::Professional]).await
}

/// An administrator (designated representative) and their organisation.
pub async fn require_admin() -> Result<(account::Account, i64), ApiError> {
    require_role(&[Role::Admin]).await
}

async fn require_role(roles: &[Role]) -> Result<(account::Account, i64), ApiError> {
    let (_, account) = require_session().await?;
    let organisation = account::memberships(&state().db, account.id)
        .await?
        .into_iter()
        .find(|m| roles.contains(&m.role))
        .map(|m| m.organisation_id)
        .ok_or_else(ApiError::forbidden)?;
    Ok((account, organisation))
}
