//! Administrators manage their organisation's staff.
use super::ApiError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use {
    super::context::{self, require_admin, Staff},
    crate::domain::organisation,
    crate::i18n::Lang,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffLine {
    pub name: String,
    pub email: String,
    pub admin: bool,
    pub active: bool,
}

#[server(prefix = "/api", endpoint = "list_staff")]
pub async fn list_staff() -> Result<Vec<StaffLine>, ApiError> {
    let Staff { ctx, organisation_id, .. } = require_admin().await?;
    Ok(organisation::staff(&ctx.db, organisation_id)
        .await?
        .into_iter()
        .map(|m| StaffLine {
            name: m.name,
            email: m.email,
            admin: m.role == crate::states::Role::Admin,
            active: m.active,
        })
        .collect())
}

/// Adds a professional, who receives a one-time setup link by email.
#[server(prefix = "/api", endpoint = "add_professional")]
pub async fn add_professional(
    #[server(default)] title: String,
    #[server(default)] given_name: String,
    #[server(default)] family_name: String,
    #[server(default)] email: String,
    #[server(default)] language: String,
) -> Result<(), ApiError> {
    let keep = |e: ApiError| {
        e.keep("title", &title)
            .keep("given_name", &given_name)
            .keep("family_name", &family_name)
            .keep("email", &email)
            .keep("language", &language)
    };
    let Staff { ctx, account: me, organisation_id } = require_admin().await?;
    organisation::add_professional(
        &ctx,
        organisation_id,
        me.id,
        &context::state().config.public_url,
        organisation::NewStaff {
            title: &title,
            email: &email,
            given_name: &given_name,
            family_name: &family_name,
            language: Lang::from_code(&language),
        },
    )
    .await
    .map_err(|e| keep(e.into()))?;
    Ok(())
}

/// The organisation's age of consent, for its settings page.
#[server(prefix = "/api", endpoint = "age_of_consent")]
pub async fn age_of_consent() -> Result<i64, ApiError> {
    let Staff { ctx, organisation_id, .. } = require_admin().await?;
    Ok(organisation::age_of_consent(&ctx.db, organisation_id).await?)
}

#[server(prefix = "/api", endpoint = "save_age_of_consent")]
pub async fn save_age_of_consent(#[server(default)] age: String) -> Result<(), ApiError> {
    let Staff { ctx, account: me, organisation_id } = require_admin().await?;
    organisation::set_age_of_consent(&ctx, organisation_id, &age, me.id)
        .await
        .map_err(|e| ApiError::from(e).keep("age", &age))?;
    leptos_axum::redirect("/staff/settings?saved=1");
    Ok(())
}
