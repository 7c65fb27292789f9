//! Care teams: the administrator sets them up (name, phone, whether patients may write first,
//! whether replies are allowed by default) and chooses their members; the patient file says which
//! teams follow the patient. Every call is checked against the organisation the caller works in.
use super::messages::TeamChoice;
use super::ApiError;
use crate::door::{AccountId, PatientId, TeamId};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use {
    super::context::{require_service, Staff},
    crate::domain::{messaging::care_team, organisation::staff_service},
    crate::states::Service,
};

/// A care team as the administrator and the patient file show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamView {
    pub id: i64,
    pub name: String,
    pub phone: String,
    pub patients_may_start: bool,
    pub replies_by_default: bool,
    pub members: i64,
}

#[cfg(feature = "ssr")]
fn team_view(t: care_team::Team) -> TeamView {
    TeamView {
        id: t.id,
        name: t.name,
        phone: t.phone,
        patients_may_start: t.patients_may_start,
        replies_by_default: t.replies_by_default,
        members: t.members,
    }
}

#[server(prefix = "/api", endpoint = "list_teams")]
pub async fn list_teams() -> Result<Vec<TeamView>, ApiError> {
    let Staff { ctx, organisation_id, .. } = require_service(Service::Administration).await?;
    Ok(care_team::list(&ctx.db, organisation_id).await?.into_iter().map(team_view).collect())
}

/// A team's settings as the form sends them (a ticked box is `on`, an unticked one is absent).
#[cfg(feature = "ssr")]
fn team_settings<'a>(
    name: &'a str,
    phone: &'a str,
    patients_may_start: &Option<String>,
    replies_by_default: &Option<String>,
) -> care_team::Settings<'a> {
    care_team::Settings {
        name,
        phone,
        patients_may_start: patients_may_start.is_some(),
        replies_by_default: replies_by_default.is_some(),
    }
}

#[server(prefix = "/api", endpoint = "create_team")]
pub async fn create_team(
    #[server(default)] name: String,
    #[server(default)] phone: String,
    patients_may_start: Option<String>,
    replies_by_default: Option<String>,
) -> Result<(), ApiError> {
    let Staff { ctx, organisation_id, .. } = require_service(Service::Administration).await?;
    let settings = team_settings(&name, &phone, &patients_may_start, &replies_by_default);
    let id = care_team::create(&ctx, organisation_id, settings)
        .await
        .map_err(|e| ApiError::from(e).keep("name", &name).keep("phone", &phone))?;
    leptos_axum::redirect(&format!("/staff/teams/{id}"));
    Ok(())
}

/// A team's page for the administrator: its settings, members, and who could be added.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamDetails {
    pub team: TeamView,
    pub members: Vec<TeamChoice>,
    pub others: Vec<TeamChoice>,
}

#[server(prefix = "/api", endpoint = "team_page")]
pub async fn team_page(id: TeamId) -> Result<TeamDetails, ApiError> {
    let Staff { ctx, organisation_id, .. } = require_service(Service::Administration).await?;
    let id = id.get();
    let team = care_team::find(&ctx.db, organisation_id, id).await?;
    let members = care_team::members(&ctx.db, organisation_id, id).await?;
    let messaging = staff_service::holders(&ctx.db, organisation_id, Service::Messaging).await?;
    let others = crate::domain::organisation::staff_list::all(&ctx.db, organisation_id, ctx.now)
        .await?
        .into_iter()
        .filter(|s| messaging.contains(&s.account_id))
        .filter(|s| !members.iter().any(|m| m.account_id == s.account_id))
        .map(|s| TeamChoice { id: s.account_id, name: s.name })
        .collect();
    Ok(TeamDetails {
        team: team_view(team),
        members: members.into_iter().map(|m| TeamChoice { id: m.account_id, name: m.name }).collect(),
        others,
    })
}

#[server(prefix = "/api", endpoint = "update_team")]
pub async fn update_team(
    id: TeamId,
    #[server(default)] name: String,
    #[server(default)] phone: String,
    patients_may_start: Option<String>,
    replies_by_default: Option<String>,
) -> Result<(), ApiError> {
    let Staff { ctx, organisation_id, .. } = require_service(Service::Administration).await?;
    let settings = team_settings(&name, &phone, &patients_may_start, &replies_by_default);
    care_team::update(&ctx, organisation_id, id.get(), settings)
        .await
        .map_err(|e| ApiError::from(e).keep("name", &name).keep("phone", &phone))?;
    Ok(())
}

/// Adds (`add` = on) or removes a staff member from a team.
#[server(prefix = "/api", endpoint = "team_member")]
pub async fn team_member(id: TeamId, account_id: AccountId, add: Option<String>) -> Result<(), ApiError> {
    let Staff { ctx, organisation_id, .. } = require_service(Service::Administration).await?;
    let (id, account_id) = (id.get(), account_id.get());
    if add.is_some() {
        care_team::add_member(&ctx, organisation_id, id, account_id).await?;
    } else {
        care_team::remove_member(&ctx, organisation_id, id, account_id).await?;
    }
    Ok(())
}

/// The teams following a patient, and the organisation's other teams (the patient file).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamsOfPatient {
    pub following: Vec<TeamChoice>,
    pub others: Vec<TeamChoice>,
    /// Teams the caller is in that follow the patient: they may write to them.
    pub can_write: bool,
}

#[server(prefix = "/api", endpoint = "patient_teams")]
pub async fn patient_teams(patient_id: PatientId) -> Result<TeamsOfPatient, ApiError> {
    let Staff { ctx, account, organisation_id, .. } = require_service(Service::Messaging).await?;
    let patient_id = patient_id.get();
    crate::domain::patient::file::read(&ctx.db, organisation_id, patient_id, ctx.now)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let following = care_team::of_patient(&ctx.db, organisation_id, patient_id).await?;
    let mine = care_team::of_member(&ctx.db, account.id).await?;
    let others = care_team::list(&ctx.db, organisation_id)
        .await?
        .into_iter()
        .filter(|t| !following.iter().any(|f| f.id == t.id))
        .map(|t| TeamChoice { id: t.id, name: t.name })
        .collect();
    Ok(TeamsOfPatient {
        can_write: following.iter().any(|f| mine.iter().any(|m| m.id == f.id)),
        following: following.into_iter().map(|t| TeamChoice { id: t.id, name: t.name }).collect(),
        others,
    })
}

/// Puts a patient on a team's list (`follows` = on) or takes them off it.
#[server(prefix = "/api", endpoint = "set_patient_team")]
pub async fn set_patient_team(
    patient_id: PatientId,
    #[server(default)] team_id: Option<TeamId>,
    follows: Option<String>,
) -> Result<(), ApiError> {
    let Staff { ctx, organisation_id, .. } = require_service(Service::Messaging).await?;
    let team_invalid = || ApiError::invalid("error-team-invalid").on("team_id");
    let team_id = team_id.ok_or_else(team_invalid)?.get();
    care_team::set_follows(&ctx, organisation_id, team_id, patient_id.get(), follows.is_some())
        .await
        .map_err(|e| match e {
            crate::domain::DomainError::NotFound => team_invalid(),
            other => other.into(),
        })?;
    Ok(())
}
