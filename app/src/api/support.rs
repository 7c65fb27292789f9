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
    crate::domain::organisation::patient_invitation::{self, ReissuedBy},
    crate::domain::organisation::support_desk::{self, Subject},
    crate::states::Service,
};

/// Whom a line or a page is about: an account, or a patient without one. In addresses
/// (`/staff/support/account/5`) and forms it is two fields, `kind` (`account` or `patient`) and
/// `id`; a kind that is neither or an id that is not one is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "PostedSubject", try_from = "PostedSubject")]
pub enum SupportSubject {
    Account(AccountId),
    Patient(PatientId),
}

/// A subject as a form posts it.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct PostedSubject {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    id: String,
}

impl From<SupportSubject> for PostedSubject {
    fn from(subject: SupportSubject) -> Self {
        Self { kind: subject.kind().into(), id: subject.id().to_string() }
    }
}

impl TryFrom<PostedSubject> for SupportSubject {
    type Error = crate::door::NotAnId;

    fn try_from(posted: PostedSubject) -> Result<Self, Self::Error> {
        Self::parse(&posted.kind, &posted.id).ok_or(crate::door::NotAnId)
    }
}

impl SupportSubject {
    pub fn href(self) -> String {
        format!("/staff/support/{}/{}", self.kind(), self.id())
    }

    /// From the page's address as typed: `None` unless the kind is known and the id is one.
    pub fn parse(kind: &str, id: &str) -> Option<Self> {
        match kind {
            "account" => Some(Self::Account(id.parse().ok()?)),
            "patient" => Some(Self::Patient(id.parse().ok()?)),
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
            Self::Account(id) => id.get(),
            Self::Patient(id) => id.get(),
        }
    }
}

#[cfg(feature = "ssr")]
/// A subject read from the database (its ids are always ids).
fn stored(subject: Subject) -> Result<SupportSubject, ApiError> {
    match subject {
        Subject::Account(id) => AccountId::new(id).map(SupportSubject::Account),
        Subject::Patient(id) => PatientId::new(id).map(SupportSubject::Patient),
    }
    .ok_or_else(ApiError::internal)
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
    support_desk::search(&ctx.db, organisation_id, &q)
        .await?
        .into_iter()
        .map(|f| Ok(SupportLine { subject: stored(f.subject)?, name: f.name, email: f.email }))
        .collect()
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
    /// A staff account: deactivated by the organisation's administrators, not by the desk.
    pub staff: bool,
}

/// A person's record for the desk; the view is written to their access log.
#[server(prefix = "/api", endpoint = "support_record")]
pub async fn support_record(#[server(flatten)] subject: SupportSubject) -> Result<SupportView, ApiError> {
    let Staff { ctx, organisation_id, timezone, .. } = require_service(Service::SupportDesk).await?;
    let subject = match subject {
        SupportSubject::Account(id) => Subject::Account(id.get()),
        SupportSubject::Patient(id) => Subject::Patient(id.get()),
    };
    let record = support_desk::view(&ctx, organisation_id, subject).await?.ok_or_else(ApiError::not_found)?;
    use crate::domain::onboarding::invitation::InvitationState;
    Ok(SupportView {
        subject: stored(record.subject)?,
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
        staff: record.staff,
    })
}

/// The desk's action on an account (`unlock`, `reset`) or on a patient without one (`resend`: a
/// new invitation whose code is then shown once). Without JavaScript the page comes back saying
/// what was done.
#[server(prefix = "/api", endpoint = "support_act")]
pub async fn support_act(
    #[server(flatten)] subject: SupportSubject,
    action: SupportAction,
) -> Result<(), ApiError> {
    let Staff { ctx, account: me, organisation_id, timezone, .. } =
        require_service(Service::SupportDesk).await?;
    let done = match (subject, action) {
        (SupportSubject::Account(id), SupportAction::Unlock) => {
            support_desk::unlock(&ctx, organisation_id, id.get()).await?;
            "unlocked"
        }
        (SupportSubject::Account(id), SupportAction::Reset) => {
            support_desk::send_password_reset(&ctx, organisation_id, id.get()).await?;
            "reset"
        }
        (SupportSubject::Account(id), SupportAction::Deactivate) => {
            support_desk::deactivate(&ctx, organisation_id, id.get()).await?;
            "deactivated"
        }
        (SupportSubject::Account(id), SupportAction::Reactivate) => {
            support_desk::reactivate(&ctx, organisation_id, id.get()).await?;
            "reactivated"
        }
        (SupportSubject::Patient(id), SupportAction::Resend) => {
            let (name, issued) = patient_invitation::reissue(
                &ctx,
                organisation_id,
                id.get(),
                me.id,
                ReissuedBy::SupportDesk,
                None,
            )
            .await?;
            super::patients::issued_once(name, &issued, &timezone);
            return Ok(());
        }
        _ => return Err(ApiError::invalid("error-request-invalid")),
    };
    leptos_axum::redirect(&format!("{}?done={done}", subject.href()));
    Ok(())
}
