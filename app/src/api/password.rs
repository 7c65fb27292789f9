//! "Forgot password".
use super::ApiError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::context,
    crate::domain::identity::password_reset,
    crate::domain::identity::throttle::{self, Limit},
};

/// Always answers the same, in the same time, whether or not the email has an account: the work
/// (looking the account up, the link, the mail) is done after the answer. At most 3 reset mails an
/// hour go to one address; past that the request is answered the same and sends nothing.
#[server(prefix = "/api", endpoint = "request_password_reset")]
pub async fn request_password_reset(#[server(default)] email: String) -> Result<(), ApiError> {
    context::throttle(&[(Limit::ResetRequestFromAddress, &context::address_key())])
        .await
        .map_err(|e| e.keep("email", email.trim()))?;
    let (state, ctx) = (context::state(), context::request());
    if state
        .throttle
        .take_everywhere(Limit::ResetMailForEmail, &throttle::email_key(&email), ctx.now)
        .await?
        .is_ok()
    {
        tokio::spawn(async move {
            if let Err(e) = password_reset::request(&ctx, &email).await {
                tracing::error!(error = %e, "password reset request failed");
            }
        });
    }
    leptos_axum::redirect("/forgot-password?sent=1");
    Ok(())
}

/// Whether a reset link can still be used (reading it changes nothing).
#[server(prefix = "/api", endpoint = "password_reset_usable")]
pub async fn password_reset_usable(#[server(default)] token: String) -> Result<bool, ApiError> {
    let ctx = context::request();
    Ok(password_reset::open(&ctx.db, &token, ctx.now).await?.is_some())
}

#[server(prefix = "/api", endpoint = "reset_password")]
pub async fn reset_password(
    #[server(default)] token: String,
    #[server(default)] password: String,
    #[server(default)] password_confirmation: String,
) -> Result<(), ApiError> {
    context::throttle(&[(Limit::LinkFromAddress, &context::address_key())]).await?;
    password_reset::complete(&context::request(), &token, &password, &password_confirmation).await?;
    context::clear_session_cookie();
    leptos_axum::redirect("/sign-in?reset=1");
    Ok(())
}
