//! The terms of use: read by anyone (`/terms`), accepted when an account is made and again, signed
//! in, when a new version is published (`/account/terms`, where the server sends every private page
//! until the person does: `server::middleware::private_pages_need_a_session`).
use super::ApiError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermsView {
    pub version: i64,
    /// The text in the reader's language, as HTML (Markdown rendered, raw HTML dropped).
    pub html: String,
}

/// The current terms of use.
#[server(prefix = "/api", endpoint = "terms_of_use")]
pub async fn terms_of_use() -> Result<TermsView, ApiError> {
    use crate::domain::platform::document::{self, Kind};
    let state = super::context::state();
    let terms = document::current(&state.db, Kind::Terms).await?;
    Ok(TermsView { version: terms.version, html: terms.html(super::context::language()) })
}

/// The signed-in person accepts the terms published since they last did, and goes on to `next`
/// (one of the portal's own pages) or their home.
#[server(prefix = "/api", endpoint = "accept_terms")]
pub async fn accept_terms(
    #[server(default)] accept_terms: Option<String>,
    #[server(default)] next: String,
) -> Result<(), ApiError> {
    let super::context::Caller { ctx, account: me, .. } = super::context::require_session().await?;
    crate::domain::identity::terms::accept(&ctx, me.id, accept_terms.is_some()).await?;
    let home = super::auth::home_of(&ctx.db, me.id).await?;
    leptos_axum::redirect(super::auth::return_path(&next).unwrap_or(home));
    Ok(())
}
