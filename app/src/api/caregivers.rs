//! Caregivers: the care team adds and manages them on a patient's file, the patient sees and ends
//! them, and a caregiver acts for the patients they assist. Every call about a patient checks the
//! grant again, so an ended grant stops working on the very next request.
// A server function takes one argument per form field, so that a form posted without JavaScript
// maps onto it as it is; the attribute reaches the browser-side stub the macro generates only here.
#![allow(clippy::too_many_arguments)]
use super::patients::IssuedCode;
use super::ApiError;
use crate::door::{GrantId, PatientId};
use crate::i18n::Lang;
use crate::states::CaregiverStatus;
use chrono::{NaiveDate, NaiveDateTime};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use {
    super::context::{require_any_service, require_service, require_session, Caller, Staff},
    super::patients::issued_once,
    crate::domain::onboarding::caregiver::{self, EndedBy, Scope},
    crate::states::Service,
};

/// A caregiver as the patient or the care team sees them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaregiverLine {
    pub grant_id: i64,
    pub name: String,
    pub email: String,
    /// `parent`, `representative` or `helper`.
    pub relationship: String,
    pub messages: bool,
    pub questionnaires: bool,
    pub profile: bool,
    pub ends_on: Option<NaiveDate>,
    pub note: String,
    pub status: CaregiverStatus,
    /// Awaiting a second staff member, and the one looking may confirm it (they did not add it).
    pub confirmable: bool,
}

#[cfg(feature = "ssr")]
fn line(g: caregiver::Grant) -> CaregiverLine {
    CaregiverLine {
        confirmable: false,
        grant_id: g.id,
        name: g.caregiver_name,
        email: g.email,
        relationship: g.relationship.code().into(),
        messages: g.scope.messages,
        questionnaires: g.scope.questionnaires,
        profile: g.scope.profile,
        ends_on: g.ends_on,
        status: CaregiverStatus::of(g.status, g.in_force),
        note: g.note,
    }
}

/// A patient's file as the care team sees it: identity, contact, account, invitations,
/// caregivers and recent activity. Times are the organisation's local time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PatientFileView {
    pub patient_id: i64,
    pub name: String,
    pub birth_date: NaiveDate,
    pub email: String,
    pub mobile_phone: String,
    pub home_phone: String,
    pub address: String,
    /// `fr` or `en`: the language of emails and notifications.
    pub language: String,
    pub account: FileAccount,
    pub invitations: Vec<FileInvitation>,
    pub caregivers: Vec<CaregiverLine>,
    pub activity: Vec<FileActivity>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileAccount {
    NoAccount,
    Active,
    LockedUntil(NaiveDateTime),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileInvitation {
    pub sent_at: NaiveDateTime,
    pub sent_by: Option<String>,
    pub status: super::invitation::InvitationStatus,
    pub expires_at: NaiveDateTime,
    pub redeemed_at: Option<NaiveDateTime>,
    /// The mail was refused for good: the link never arrived.
    pub undelivered: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileActivity {
    pub at: NaiveDateTime,
    /// The audit action, e.g. `invitation.reissued`; the page translates it.
    pub action: String,
    pub actor: Option<String>,
}

#[server(prefix = "/api", endpoint = "patient_file")]
pub async fn patient_file(patient_id: PatientId) -> Result<PatientFileView, ApiError> {
    let patient_id = patient_id.get();
    use crate::domain::calendar::{local_time, stored_date};
    use crate::domain::patient::file::{self, AccountState};
    let Staff { ctx, account: me, organisation_id, timezone, .. } =
        require_any_service(&Service::CARE).await?;
    let db = &ctx.db;
    let file = file::read(db, organisation_id, patient_id, ctx.now).await?.ok_or_else(ApiError::not_found)?;
    ctx.audit_view(Some(organisation_id), "patient.viewed", crate::domain::Target::Patient(patient_id))
        .await?;
    let caregivers = caregiver::for_patient_record(db, organisation_id, patient_id, ctx.now).await?;
    let local = |at: i64| local_time(at, &timezone);
    Ok(PatientFileView {
        patient_id,
        name: format!("{} {}", file.given_name, file.family_name),
        birth_date: stored_date(&file.birth_date).unwrap_or_default(),
        email: file.email,
        mobile_phone: file.mobile_phone,
        home_phone: file.home_phone,
        address: file.address.join(", "),
        language: file.language.code().into(),
        account: match file.account {
            AccountState::NoAccount => FileAccount::NoAccount,
            AccountState::Active => FileAccount::Active,
            AccountState::LockedUntil(until) => FileAccount::LockedUntil(local(until)),
        },
        invitations: file
            .invitations
            .into_iter()
            .map(|i| FileInvitation {
                sent_at: local(i.sent_at),
                sent_by: i.sent_by,
                status: i.state.into(),
                expires_at: local(i.expires_at),
                redeemed_at: i.redeemed_at.map(local),
                undelivered: i.undelivered,
            })
            .collect(),
        caregivers: caregivers
            .into_iter()
            .map(|g| {
                let confirmable = g.status == caregiver::GrantStatus::Awaiting && g.created_by != me.id;
                CaregiverLine { confirmable, ..line(g) }
            })
            .collect(),
        activity: file
            .activity
            .into_iter()
            .map(|a| FileActivity { at: local(a.at), action: a.action, actor: a.actor })
            .collect(),
    })
}

#[cfg(feature = "ssr")]
fn scope_of(messages: &Option<String>, questionnaires: &Option<String>, profile: &Option<String>) -> Scope {
    Scope {
        messages: messages.is_some(),
        questionnaires: questionnaires.is_some(),
        profile: profile.is_some(),
    }
}

#[server(prefix = "/api", endpoint = "add_caregiver")]
pub async fn add_caregiver(
    patient_id: PatientId,
    #[server(default)] given_name: String,
    #[server(default)] family_name: String,
    #[server(default)] email: String,
    #[server(default)] language: Lang,
    #[server(default)] relationship: String,
    messages: Option<String>,
    questionnaires: Option<String>,
    profile: Option<String>,
    #[server(default)] ends_on: String,
    #[server(default)] note: String,
) -> Result<Option<IssuedCode>, ApiError> {
    let Staff { ctx, account: me, organisation_id, timezone, .. } =
        require_service(Service::Caregivers).await?;
    let new = caregiver::NewCaregiver {
        given_name: &given_name,
        family_name: &family_name,
        email: &email,
        language,
        relationship: &relationship,
        scope: scope_of(&messages, &questionnaires, &profile),
        ends_on: &ends_on,
        note: &note,
    };
    let added = caregiver::add(&ctx, organisation_id, patient_id.get(), new, me.id).await.map_err(|e| {
        let mut error = ApiError::from(e);
        for (field, value) in [
            ("given_name", &given_name),
            ("family_name", &family_name),
            ("email", &email),
            ("language", &language.code().to_string()),
            ("relationship", &relationship),
            ("ends_on", &ends_on),
            ("note", &note),
        ] {
            error = error.keep(field, value);
        }
        for (field, value) in
            [("messages", &messages), ("questionnaires", &questionnaires), ("profile", &profile)]
        {
            if value.is_some() {
                error = error.keep(field, "on");
            }
        }
        error
    })?;
    match added {
        caregiver::Addition::Invited(issued) => {
            Ok(Some(issued_once(format!("{} {}", given_name.trim(), family_name.trim()), &issued, &timezone)))
        }
        caregiver::Addition::AwaitingConfirmation => {
            leptos_axum::redirect(&format!("/staff/patients/{patient_id}?saved=awaiting"));
            Ok(None)
        }
    }
}

/// A second staff member confirms a caregiver whose address belongs to staff here; the code of
/// the invitation that then goes out is shown to them, once.
#[server(prefix = "/api", endpoint = "confirm_caregiver")]
pub async fn confirm_caregiver(grant_id: GrantId) -> Result<IssuedCode, ApiError> {
    let Staff { ctx, account: me, organisation_id, timezone, .. } =
        require_service(Service::Caregivers).await?;
    let (name, issued) = caregiver::confirm(&ctx, organisation_id, grant_id.get(), me.id).await?;
    Ok(issued_once(name, &issued, &timezone))
}

#[server(prefix = "/api", endpoint = "reissue_caregiver_invitation")]
pub async fn reissue_caregiver_invitation(grant_id: GrantId) -> Result<IssuedCode, ApiError> {
    let Staff { ctx, account: me, organisation_id, timezone, .. } =
        require_service(Service::Caregivers).await?;
    let (name, issued) = caregiver::reissue(&ctx, organisation_id, grant_id.get(), me.id).await?;
    Ok(issued_once(name, &issued, &timezone))
}

#[server(prefix = "/api", endpoint = "edit_caregiver")]
pub async fn edit_caregiver(
    grant_id: GrantId,
    patient_id: PatientId,
    messages: Option<String>,
    questionnaires: Option<String>,
    profile: Option<String>,
    #[server(default)] ends_on: String,
) -> Result<(), ApiError> {
    let Staff { ctx, account: me, organisation_id, .. } = require_service(Service::Caregivers).await?;
    let scope = scope_of(&messages, &questionnaires, &profile);
    caregiver::edit(&ctx, organisation_id, grant_id.get(), scope, &ends_on, me.id)
        .await
        .map_err(|e| ApiError::from(e).keep("ends_on", &ends_on))?;
    leptos_axum::redirect(&format!("/staff/patients/{patient_id}?saved=caregiver"));
    Ok(())
}

/// The care team ends a caregiver's access.
#[server(prefix = "/api", endpoint = "end_caregiver")]
pub async fn end_caregiver(grant_id: GrantId, patient_id: PatientId) -> Result<(), ApiError> {
    let Staff { ctx, account: me, organisation_id, .. } = require_service(Service::Caregivers).await?;
    let by = EndedBy::Staff { account_id: me.id, organisation_id };
    if !caregiver::end(&ctx, grant_id.get(), by).await? {
        return Err(ApiError::not_found());
    }
    leptos_axum::redirect(&format!("/staff/patients/{patient_id}?saved=ended"));
    Ok(())
}

/// Who can act for me.
#[server(prefix = "/api", endpoint = "my_caregivers")]
pub async fn my_caregivers() -> Result<Vec<CaregiverLine>, ApiError> {
    let Caller { ctx, account: me, .. } = require_session().await?;
    Ok(caregiver::for_patient_account(&ctx.db, me.id, ctx.now).await?.into_iter().map(line).collect())
}

/// The patient ends a caregiver's access (after confirming on the page).
#[server(prefix = "/api", endpoint = "end_my_caregiver")]
pub async fn end_my_caregiver(grant_id: GrantId) -> Result<(), ApiError> {
    let Caller { ctx, account: me, .. } = require_session().await?;
    if !caregiver::end(&ctx, grant_id.get(), EndedBy::Patient { account_id: me.id }).await? {
        return Err(ApiError::not_found());
    }
    leptos_axum::redirect("/account?saved=caregiver");
    Ok(())
}

/// A patient the signed-in caregiver assists, for the switch control and the acting-for pages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assisted {
    pub grant_id: i64,
    pub patient_name: String,
    pub relationship: String,
    pub messages: bool,
    pub questionnaires: bool,
    pub profile: bool,
    pub ends_on: Option<NaiveDate>,
    /// The patient has an account whose profile a caregiver with that scope may update.
    pub has_account: bool,
}

#[cfg(feature = "ssr")]
fn assisted_of(g: caregiver::Grant) -> Assisted {
    Assisted {
        grant_id: g.id,
        patient_name: g.patient_name,
        relationship: g.relationship.code().into(),
        messages: g.scope.messages,
        questionnaires: g.scope.questionnaires,
        profile: g.scope.profile,
        ends_on: g.ends_on,
        has_account: g.patient_account_id.is_some(),
    }
}

#[server(prefix = "/api", endpoint = "assisted_patients")]
pub async fn assisted_patients() -> Result<Vec<Assisted>, ApiError> {
    let Caller { ctx, account: me, .. } = require_session().await?;
    Ok(caregiver::assisted_by(&ctx.db, me.id, ctx.now).await?.into_iter().map(assisted_of).collect())
}

/// The patient a caregiver acts for on this page; "not found" once the grant no longer holds.
#[server(prefix = "/api", endpoint = "acting_for")]
pub async fn acting_for(grant_id: GrantId) -> Result<Assisted, ApiError> {
    let grant_id = grant_id.get();
    let Caller { ctx, account: me, .. } = require_session().await?;
    let grant = caregiver::access(&ctx.db, me.id, grant_id, None, ctx.now).await?;
    ctx.for_patient(grant.patient_account_id)
        .audit_view(
            Some(grant.organisation_id),
            "patient.viewed_by_caregiver",
            crate::domain::Target::Patient(grant.patient_id),
        )
        .await?;
    Ok(assisted_of(grant))
}
