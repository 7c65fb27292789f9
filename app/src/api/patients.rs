//! Staff side of patient onboarding: the organisation's patients, inviting one, reissuing.
use super::ApiError;
use crate::door::PatientId;
use crate::i18n::Lang;
use chrono::{NaiveDate, NaiveDateTime};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use {
    super::context::{self, require_any_service, require_service, Staff},
    crate::domain::calendar::{local_time, stored_date},
    crate::domain::onboarding::invitation,
    crate::domain::organisation::patient_invitation::{self, ReissuedBy},
    crate::domain::patient,
    crate::states::Service,
};

/// The invitation state as the professional sees it.
pub use crate::api::invitation::InvitationStatus;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PatientLine {
    pub id: i64,
    pub name: String,
    pub birth_date: NaiveDate,
    pub email: String,
    pub status: Option<InvitationStatus>,
    /// Expiry of the latest invitation, the organisation's local time.
    pub expires_at: Option<NaiveDateTime>,
}

/// One page of the organisation's patients matching a search.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PatientList {
    pub lines: Vec<PatientLine>,
    pub total: i64,
    /// More patients match than are counted (`patient::COUNT_CEILING`).
    pub more: bool,
    pub page: i64,
    pub pages: i64,
}

/// Search by name, email or date of birth (`1988-02-29` or `29/02/1988`), 50 to a page, sorted
/// by `sort`: `name` (the default) or `born`, a leading `-` for the reverse order.
#[server(prefix = "/api", endpoint = "list_patients")]
pub async fn list_patients(
    #[server(default)] search: String,
    #[server(default)] page: i64,
    #[server(default)] sort: String,
) -> Result<PatientList, ApiError> {
    let Staff { ctx, organisation_id, timezone, .. } = require_any_service(&Service::CARE).await?;
    let order = patient::Order {
        by_birth_date: sort.trim_start_matches('-') == "born",
        descending: sort.starts_with('-'),
    };
    let found = patient::list(&ctx.db, organisation_id, &search, order, page, ctx.now).await?;
    let lines = found
        .rows
        .into_iter()
        .map(|p| PatientLine {
            id: p.id,
            name: format!("{} {}", p.given_name, p.family_name),
            birth_date: stored_date(&p.birth_date).unwrap_or_default(),
            email: p.email,
            status: if p.has_account {
                Some(InvitationStatus::Redeemed)
            } else {
                p.invitation.map(InvitationStatus::from)
            },
            expires_at: p.invitation_expires_at.map(|at| local_time(at, &timezone)),
        })
        .collect();
    Ok(PatientList { lines, total: found.total, more: found.more, page: found.page, pages: found.pages })
}

/// What the professional (or administrator) sees once after inviting: the code to hand over,
/// to whom, and until when it works.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedCode {
    pub invitee_name: String,
    pub code: String,
    /// The organisation's local time.
    pub expires_at: NaiveDateTime,
}

/// A code shown once: the cookie that carries it to its page, and that page.
#[cfg(feature = "ssr")]
#[derive(Clone, Copy)]
pub(crate) struct ShownOnce {
    cookie: &'static str,
    page: &'static str,
}

#[cfg(feature = "ssr")]
pub(crate) const INVITATION_CODE: ShownOnce =
    ShownOnce { cookie: "portail-issued", page: "/staff/patients/code" };
#[cfg(feature = "ssr")]
pub(crate) const STAFF_SECRET_CODE: ShownOnce =
    ShownOnce { cookie: "portail-secret-code", page: "/staff/team/code" };
#[cfg(feature = "ssr")]
pub(crate) const OPERATOR_SECRET_CODE: ShownOnce =
    ShownOnce { cookie: "portail-operator-code", page: "/operator/operators/code" };

/// Hands the code to the page that shows it, through a 2-minute HttpOnly cookie read once, so
/// that it also works without JavaScript and never appears in a URL.
#[cfg(feature = "ssr")]
pub(crate) fn show_once(
    place: ShownOnce,
    invitee_name: String,
    code: &str,
    expires_at: i64,
    timezone: &str,
) -> IssuedCode {
    let shown = IssuedCode { invitee_name, code: code.into(), expires_at: local_time(expires_at, timezone) };
    let value = serde_json::to_string(&shown).expect("serialisable");
    context::set_flow_cookie(place.cookie, &urlencoding::encode(&value), 120);
    leptos_axum::redirect(place.page);
    shown
}

/// The code just issued, once: reading it clears it.
#[cfg(feature = "ssr")]
pub(crate) fn take_shown(place: ShownOnce) -> Option<IssuedCode> {
    let issued = context::cookie(place.cookie)
        .and_then(|v| urlencoding::decode(&v).ok().map(|s| s.into_owned()))
        .and_then(|v| serde_json::from_str(&v).ok());
    context::clear_flow_cookie(place.cookie);
    issued
}

#[server(prefix = "/api", endpoint = "invite_patient")]
pub async fn invite_patient(
    #[server(default)] given_name: String,
    #[server(default)] family_name: String,
    #[server(default)] birth_date: String,
    #[server(default)] email: String,
    #[server(default)] language: Lang,
    #[server(default)] mobile: String,
) -> Result<IssuedCode, ApiError> {
    let keep = |e: ApiError| {
        e.keep("given_name", &given_name)
            .keep("family_name", &family_name)
            .keep("birth_date", &birth_date)
            .keep("email", &email)
            .keep("language", language.code())
            .keep("mobile", &mobile)
    };
    let Staff { ctx, account: me, organisation_id, timezone, .. } =
        require_service(Service::Invitations).await?;
    let typed = patient_invitation::Typed {
        given_name: &given_name,
        family_name: &family_name,
        birth_date: &birth_date,
        email: &email,
        language,
        mobile: &mobile,
    };
    let (name, issued) =
        patient_invitation::invite(&ctx, organisation_id, me.id, typed).await.map_err(|e| keep(e.into()))?;
    Ok(issued_once(name, &issued, &timezone))
}

/// A new link and code for a patient without an account; the old ones stop working. `email`, when
/// sent (the file's form has it), is the address to use from now on: the one the last mail could
/// not reach, corrected with the patient.
#[server(prefix = "/api", endpoint = "reissue_invitation")]
pub async fn reissue_invitation(
    patient_id: PatientId,
    #[server(default)] email: Option<String>,
) -> Result<IssuedCode, ApiError> {
    let Staff { ctx, account: me, organisation_id, timezone, .. } =
        require_service(Service::Invitations).await?;
    let (name, issued) = patient_invitation::reissue(
        &ctx,
        organisation_id,
        patient_id.get(),
        me.id,
        ReissuedBy::CareTeam,
        email.as_deref(),
    )
    .await
    .map_err(|e| ApiError::from(e).keep("email", email.as_deref().unwrap_or_default()))?;
    Ok(issued_once(name, &issued, &timezone))
}

/// An invitation's code, shown once on its page.
#[cfg(feature = "ssr")]
pub(crate) fn issued_once(invitee_name: String, issued: &invitation::Issued, timezone: &str) -> IssuedCode {
    show_once(INVITATION_CODE, invitee_name, issued.code.as_str(), issued.expires_at, timezone)
}

/// The invitation code just issued, once: reading it clears it.
#[server(prefix = "/api", endpoint = "take_issued_code")]
pub async fn take_issued_code() -> Result<Option<IssuedCode>, ApiError> {
    require_any_service(&[Service::Invitations, Service::SupportDesk]).await?;
    Ok(take_shown(INVITATION_CODE))
}
