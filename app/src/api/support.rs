//! The support desk: find anyone of the organisation, see their personal data (nothing clinical),
//! unlock, send password-reset instructions, send a patient a new invitation. Each server function
//! asks for the support desk service; each view and action is in the person's access log.
use super::ApiError;
use crate::actions::SupportAction;
use crate::door::{AccountId, PatientId};
use chrono::NaiveDateTime;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use {
    super::context::{require_service, Staff},
    crate::domain::calendar::local_time,
    crate::domain::organisation::support_desk::{self, Subject},
    crate::states::Service,
};

/// Whom a line or a page is about: an account, or a patient without one (`kind` in addresses:
/// `account` or `patient`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SupportSubject {
    Account(i64),
    Patient(i64),
}

impl SupportSubject {
    pub fn href(self) -> String {
        match self {
            Self::Account(id) => format!("/staff/support/account/{id}"),
            Self::Patient(id) => format!("/staff/support/patient/{id}"),
        }
    }
    /// From the page's address: `account` or `patient`, and the id.
    pub fn of(kind: &str, id: i64) -> Option<Self> {
        Self::parse(kind, &id.to_string())
    }

    /// From the page's address as typed: `None` unless the kind is known and the id is one.
    pub fn parse(kind: &str, id: &str) -> Option<Self> {
        match kind {
            "account" => Some(Self::Account(id.parse::<AccountId>().ok()?.get())),
            "patient" => Some(Self::Patient(id.parse::<PatientId>().ok()?.get())),
            _ => None,
        }
    }

    pub fn kind(self) -> &'static str {
        match self {
            Self::Account(_) => "account",
            Self::Patient(_) => "patient",
        }
    }

    pub fn id(self) -> i64 {
        match self {
            Self::Account(id) | Self::Patient(id) => id,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<Subject> for SupportSubject {
    fn from(subject: Subject) -> Self {
        match subject {
            Subject::Account(id) => Self::Account(id),
            Subject::Patient(id) => Self::Patient(id),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportLine {
    pub subject: SupportSubject,
    pub name: String,
    pub email: String,
}

/// The people matching `q` (name, email or date of birth); at most 50.
#[server(prefix = "/api", endpoint = "support_search")]
pub async fn support_search(#[server(default)] q: String) -> Result<Vec<SupportLine>, ApiError> {
    let Staff { ctx, organisation_id, .. } = require_service(Service::SupportDesk).await?;
    Ok(support_desk::search(&ctx.db, organisation_id, &q)
        .await?
        .into_iter()
        .map(|f| SupportLine { subject: f.subject.into(), name: f.name, email: f.email })
        .collect())
}

/// Where a patient's latest invitation stands, as the desk reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SupportInvitation {
    Pending(NaiveDateTime),
    Expired,
    Void,
    Replaced,
    Redeemed,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportView {
    pub subject: SupportSubject,
    pub name: String,
    pub email: String,
    /// `fr` or `en`.
    pub language: String,
    pub mobile: String,
    pub home_phone: String,
    pub birth_date: Option<String>,
    /// `None` for a patient without an account; else `active`, `pending` or `suspended`.
    pub status: Option<String>,
    pub locked_until: Option<NaiveDateTime>,
    pub last_sign_in: Option<NaiveDateTime>,
    pub invitation: Option<SupportInvitation>,
    /// When, and the audit action (its message is `audit-…`).
    pub security_events: Vec<(NaiveDateTime, String)>,
    /// Whether the desk may unlock the account or send reset instructions: it belongs to this
    /// organisation alone (otherwise the platform's support desk does).
    pub only_here: bool,
}

/// A person's record for the desk; the view is written to their access log.
#[server(prefix = "/api", endpoint = "support_record")]
pub async fn support_record(#[server(default)] kind: String, id: i64) -> Result<SupportView, ApiError> {
    let Staff { ctx, organisation_id, timezone, .. } = require_service(Service::SupportDesk).await?;
    let subject = match SupportSubject::of(&kind, id).ok_or_else(ApiError::not_found)? {
        SupportSubject::Account(id) => Subject::Account(id),
        SupportSubject::Patient(id) => Subject::Patient(id),
    };
    let record = support_desk::view(&ctx, organisation_id, subject).await?.ok_or_else(ApiError::not_found)?;
    use crate::domain::onboarding::invitation::InvitationState;
    Ok(SupportView {
        subject: record.subject.into(),
        name: record.name,
        email: record.email,
        language: record.language.code().into(),
        mobile: record.mobile,
        home_phone: record.home_phone,
        birth_date: record.birth_date,
        status: record.status.map(|s| s.code().to_string()),
        locked_until: record.locked_until.map(|at| local_time(at, &timezone)),
        last_sign_in: record.last_sign_in.map(|at| local_time(at, &timezone)),
        invitation: record.invitation.map(|(state, until)| match state {
            InvitationState::Pending => SupportInvitation::Pending(local_time(until, &timezone)),
            InvitationState::Expired => SupportInvitation::Expired,
            InvitationState::Void => SupportInvitation::Void,
            InvitationState::Replaced => SupportInvitation::Replaced,
            InvitationState::Redeemed => SupportInvitation::Redeemed,
        }),
        security_events: record
            .security_events
            .into_iter()
            .map(|(at, action)| (local_time(at, &timezone), action))
            .collect(),
        only_here: record.only_here,
    })
}

/// The desk's action on an account (`unlock`, `reset`) or on a patient without one (`resend`: a
/// new invitation whose code is then shown once). Without JavaScript the page comes back saying
/// what was done.
#[server(prefix = "/api", endpoint = "support_act")]
pub async fn support_act(
    #[server(default)] kind: String,
    id: i64,
    action: SupportAction,
) -> Result<(), ApiError> {
    let Staff { ctx, account: me, organisation_id, timezone, .. } =
        require_service(Service::SupportDesk).await?;
    let subject = SupportSubject::of(&kind, id).ok_or_else(ApiError::not_found)?;
    let done = match (subject, action) {
        (SupportSubject::Account(id), SupportAction::Unlock) => {
            support_desk::unlock(&ctx, organisation_id, id).await?;
            "unlocked"
        }
        (SupportSubject::Account(id), SupportAction::Reset) => {
            support_desk::send_password_reset(&ctx, organisation_id, id).await?;
            "reset"
        }
        (SupportSubject::Patient(id), SupportAction::Resend) => {
            let (name, issued) = support_desk::resend_invitation(&ctx, organisation_id, id, me.id).await?;
            super::patients::issued_once(name, &issued, &timezone);
            return Ok(());
        }
        _ => return Err(ApiError::invalid("error-request-invalid")),
    };
    leptos_axum::redirect(&format!("{}?done={done}", subject.href()));
    Ok(())
}
