//! Passkeys: one's own list, adding and removing one (after re-authentication), signing in with
//! one, and proving again who one is with one. Each ceremony is two calls; the browser runs
//! WebAuthn between them (`ui::webauthn`), the ceremony's token in a short-lived cookie.
use super::ApiError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use {
    super::context::{self, require_session, Caller},
    crate::domain::identity::{account, passkey, throttle::Limit},
};

#[cfg(feature = "ssr")]
const CEREMONY_COOKIE: &str = "portail-passkey";

/// A passkey in its owner's list, dates in their own time zone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeyView {
    pub id: i64,
    pub name: String,
    pub added: chrono::NaiveDateTime,
    pub last_used: Option<chrono::NaiveDateTime>,
}

#[server(prefix = "/api", endpoint = "my_passkeys")]
pub async fn my_passkeys() -> Result<Vec<PasskeyView>, ApiError> {
    let Caller { ctx, account: me, .. } = require_session().await?;
    let timezone = account::timezone(&ctx.db, me.id).await?;
    let local = |at| crate::domain::calendar::local_time(at, &timezone);
    Ok(passkey::list(&ctx.db, me.id)
        .await?
        .into_iter()
        .map(|p| PasskeyView {
            id: p.id,
            name: p.name,
            added: local(p.created_at),
            last_used: p.last_used_at.map(local),
        })
        .collect())
}

#[cfg(feature = "ssr")]
fn ceremony_started(ceremony: passkey::Ceremony) -> String {
    context::set_flow_cookie(CEREMONY_COOKIE, &ceremony.token, passkey::CEREMONY_VALID_SECONDS);
    ceremony.options
}

#[cfg(feature = "ssr")]
fn ceremony_token() -> Result<String, ApiError> {
    let token = context::cookie(CEREMONY_COOKIE).filter(|t| !t.is_empty());
    context::clear_flow_cookie(CEREMONY_COOKIE);
    token.ok_or_else(|| ApiError::conflict("error-start-again"))
}

/// Step one of adding a passkey named `name`: the options for `navigator.credentials.create`.
#[server(prefix = "/api", endpoint = "start_passkey_registration")]
pub async fn start_passkey_registration(#[server(default)] name: String) -> Result<String, ApiError> {
    let Caller { ctx, account: me, .. } = super::account::require_recent_reauth().await?;
    let ceremony = passkey::start_registration(&ctx, &me, &name)
        .await
        .map_err(|e| ApiError::from(e).keep("name", name.trim()))?;
    Ok(ceremony_started(ceremony))
}

/// Step two: the browser's new credential, as `PublicKeyCredential.toJSON()` gave it.
#[server(prefix = "/api", endpoint = "finish_passkey_registration")]
pub async fn finish_passkey_registration(#[server(default)] response: String) -> Result<(), ApiError> {
    let Caller { ctx, account: me, .. } = super::account::require_recent_reauth().await?;
    passkey::finish_registration(&ctx, &me, &ceremony_token()?, &response).await?;
    Ok(())
}

#[server(prefix = "/api", endpoint = "remove_passkey")]
pub async fn remove_passkey(passkey: i64) -> Result<(), ApiError> {
    let Caller { ctx, account: me, .. } = super::account::require_recent_reauth().await?;
    passkey::remove(&ctx, &me, passkey).await?;
    leptos_axum::redirect("/account/security?saved=passkey-removed");
    Ok(())
}

/// Step one of a sign-in with a passkey: the options for `navigator.credentials.get`.
#[server(prefix = "/api", endpoint = "start_passkey_sign_in")]
pub async fn start_passkey_sign_in() -> Result<String, ApiError> {
    context::throttle(&[(Limit::SignInFromAddress, &context::address_key())]).await?;
    Ok(ceremony_started(passkey::start_sign_in(&context::request()).await?))
}

/// Step two: the browser's assertion. Signed in, it answers where to go (`next` if it is one of
/// our pages, else the person's home).
#[server(prefix = "/api", endpoint = "finish_passkey_sign_in")]
pub async fn finish_passkey_sign_in(
    #[server(default)] response: String,
    #[server(default)] next: String,
) -> Result<String, ApiError> {
    context::throttle(&[(Limit::CodeFromAddress, &context::address_key())]).await?;
    let ctx = context::request();
    let browser = context::cookie(context::state().config.browser_cookie_name());
    match passkey::finish_sign_in(&ctx, &ceremony_token()?, &response, browser.as_deref()).await? {
        passkey::PasskeySignIn::SignedIn { session_token, account_id, new_browser_token } => {
            super::auth::signed_in(&ctx, &session_token, account_id, new_browser_token, Some(&next)).await
        }
        passkey::PasskeySignIn::Refused => Err(ApiError::invalid("error-passkey-failed")),
        passkey::PasskeySignIn::StartAgain => Err(ApiError::conflict("error-passkey-failed")),
        passkey::PasskeySignIn::Suspended => Err(ApiError::conflict("error-account-suspended")),
        passkey::PasskeySignIn::Locked { until, account_id } => {
            let timezone = account::timezone(&ctx.db, account_id).await?;
            Err(ApiError::conflict("error-account-locked")
                .arg("until", context::in_words(crate::domain::calendar::local_time(until, &timezone))))
        }
    }
}

/// Step one of proving again who one is with a passkey, in an open session.
#[server(prefix = "/api", endpoint = "start_passkey_reauth")]
pub async fn start_passkey_reauth() -> Result<String, ApiError> {
    let Caller { ctx, session, account: me } = require_session().await?;
    context::throttle(&[(Limit::PasswordWorkByAccount, &me.id.to_string())]).await?;
    Ok(ceremony_started(passkey::start_reauth(&ctx, &me, session.session_id).await?))
}

/// Step two: proved, it answers the account page to go back to (`next`).
#[server(prefix = "/api", endpoint = "finish_passkey_reauth")]
pub async fn finish_passkey_reauth(
    #[server(default)] response: String,
    #[server(default)] next: String,
) -> Result<String, ApiError> {
    let Caller { ctx, session, account: me } = require_session().await?;
    if !passkey::finish_reauth(&ctx, &me, session.session_id, &ceremony_token()?, &response).await? {
        return Err(ApiError::invalid("error-passkey-failed"));
    }
    Ok(super::account::safe_next(&next).to_string())
}
