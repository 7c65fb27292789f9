//! "Forgot password".
use super::ApiError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::context,
    crate::domain::{password_reset, store},
};

/// Always answers the same, whether or not the email has an account.
#[server(prefix = "/api", endpoint = "request_password_reset")]
pub async fn request_password_reset(email: String) -> Result<(), ApiError> {
    let state = context::state();
    password_reset::request(
        &state.db,
        &email,
        &state.config.public_url,
        &context::request_meta(),
        store::now(),
    )
    .await?;
    leptos_axum::redirect("/forgot-password?sent=1");
    Ok(())
}

/// Whether a reset link can still be used (reading it changes nothing).
#[server(prefix = "/api", endpoint = "password_reset_usable")]
pub async fn password_reset_usable(token: String) -> Result<bool, ApiError> {
    Ok(password_reset::open(&context::state().db, &token, store::now()).await?.is_some())
}

#[server(prefix = "/api", endpoint = "reset_password")]
pub async fn reset_password(
    token: String,
    password: String,
    password_confirmation: String,
) -> Result<(), ApiError> {
    password_reset::complete(
        &context::state().db,
        &token,
        &password,
        &password_confirmation,
        &context::request_meta(),
        store::now(),
    )
    .await?;
    context::clear_session_cookie();
    leptos_axum::redirect("/sign-in?reset=1");
    Ok(())
}
