//! "Forgot password".
use super::ApiError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {super::context, crate::domain::password_reset};

/// Always answers the same, whether or not the email has an account.
#[server(prefix = "/api", endpoint = "request_password_reset")]
pub async fn request_password_reset(#[server(default)] email: String) -> Result<(), ApiError> {
    password_reset::request(&context::request(), &email, &context::state().config.public_url).await?;
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
    password_reset::complete(&context::request(), &token, &password, &password_confirmation).await?;
    context::clear_session_cookie();
    leptos_axum::redirect("/sign-in?reset=1");
    Ok(())
}
