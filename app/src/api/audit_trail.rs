//! The organisation's audit trail, for its administrators (`domain::organisation::audit_trail`).
use super::ApiError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditTrailView {
    pub entries: Vec<AuditEntryView>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntryView {
    /// The organisation's local time.
    pub at: chrono::NaiveDateTime,
    /// The audit action, e.g. `organisation.suspended`; the page translates it.
    pub action: String,
    /// Empty when nobody signed in acted.
    pub actor: String,
    /// `operator`, a staff role, or empty (a patient or caregiver): the page says it as `role-…`.
    pub actor_part: String,
    pub acting_for: Option<String>,
    pub about: String,
    pub ip: String,
}

/// One page of the trail, chosen as `audit_trail::Filter::read` says.
#[server(prefix = "/api", endpoint = "audit_trail")]
pub async fn audit_trail(
    #[server(default)] who: String,
    #[server(default)] since: String,
    #[server(default)] until: String,
    #[server(default)] page: i64,
) -> Result<AuditTrailView, ApiError> {
    use super::context::{require_service, Staff};
    use crate::domain::calendar;
    use crate::domain::organisation::audit_trail::{self, Filter};
    let Staff { ctx, organisation_id, timezone, .. } =
        require_service(crate::states::Service::Administration).await?;
    let filter = Filter::read(&who, &since, &until, &timezone)
        .map_err(|e| ApiError::from(e).keep("since", &since).keep("until", &until))?;
    let (entries, paging, total) = audit_trail::page(&ctx.db, organisation_id, filter, page).await?;
    Ok(AuditTrailView {
        total,
        page: paging.page,
        pages: paging.pages,
        entries: entries
            .into_iter()
            .map(|e| AuditEntryView {
                at: calendar::local_time(e.at, &timezone),
                action: e.action,
                actor: e.actor,
                actor_part: e.actor_part,
                acting_for: e.acting_for,
                about: e.about,
                ip: e.ip,
            })
            .collect(),
    })
}
