//! The append-only audit trail (the tables refuse UPDATE and DELETE). Never a password, code or
//! token. Written through `Ctx::audit`, which knows who acts, for whom, from where and when.
use super::{Ctx, DomainResult};
use sqlx::{Any, Executor};
use std::fmt;

/// What an entry is about, stored as `kind:id` (`account:7`, `patient:12`): the person's access
/// log and the patient's file find their entries by it (`access_log` also builds `patient:` in
/// SQL, to find a patient's entries for their account).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Account(i64),
    Patient(i64),
    Team(i64),
    Organisation(i64),
    StaffInvitation(i64),
    /// An organisation's request to join the portal.
    OrganisationRequest(i64),
    /// A version of the platform's agreement or terms of use.
    PlatformDocument(i64),
    /// A list of patients invited at once from a file.
    PatientImport(i64),
    /// A sign-in with an email no account has (the email itself is never written).
    UnknownEmail,
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Account(id) => write!(f, "account:{id}"),
            Self::Patient(id) => write!(f, "patient:{id}"),
            Self::Team(id) => write!(f, "team:{id}"),
            Self::Organisation(id) => write!(f, "organisation:{id}"),
            Self::StaffInvitation(id) => write!(f, "staff_invitation:{id}"),
            Self::OrganisationRequest(id) => write!(f, "organisation_request:{id}"),
            Self::PlatformDocument(id) => write!(f, "platform_document:{id}"),
            Self::PatientImport(id) => write!(f, "patient_import:{id}"),
            Self::UnknownEmail => f.write_str("unknown-email"),
        }
    }
}

pub(in crate::domain) async fn record<'e>(
    exec: impl Executor<'e, Database = Any>,
    ctx: &Ctx,
    organisation_id: Option<i64>,
    action: &'static str,
    target: Target,
) -> DomainResult<()> {
    insert(exec, ctx, organisation_id, action, target, None).await
}

/// Views of the same thing by the same person within this many seconds are one view: a page
/// reads its data with several queries, and reads it again after each change made on it.
pub const VIEW_SECONDS: i64 = 60;

/// Records that the actor looked at `target`, unless they already did within `VIEW_SECONDS`.
pub(in crate::domain) async fn record_view(
    db: &super::store::Db,
    ctx: &Ctx,
    organisation_id: Option<i64>,
    action: &'static str,
    target: Target,
) -> DomainResult<()> {
    insert(db, ctx, organisation_id, action, target, Some(ctx.now - VIEW_SECONDS)).await
}

/// One entry, unless `unless_since` is given and the same actor already has the same entry since.
async fn insert<'e>(
    exec: impl Executor<'e, Database = Any>,
    ctx: &Ctx,
    organisation_id: Option<i64>,
    action: &'static str,
    target: Target,
    unless_since: Option<i64>,
) -> DomainResult<()> {
    sqlx::query(
        "INSERT INTO audit_events (at, actor_id, organisation_id, action, target, ip, user_agent, acting_for_id)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8
         WHERE $9 < 0 OR NOT EXISTS (SELECT 1 FROM audit_events
                                     WHERE actor_id = $2 AND action = $4 AND target = $5 AND at > $9)",
    )
    .bind(ctx.now)
    .bind(ctx.actor)
    .bind(organisation_id)
    .bind(action)
    .bind(target.to_string())
    .bind(&ctx.meta.ip)
    .bind(ctx.meta.user_agent.chars().take(300).collect::<String>())
    .bind(ctx.acting_for)
    .bind(unless_since.unwrap_or(-1))
    .execute(exec)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Target;

    #[test]
    fn targets_are_stored_as_they_always_were() {
        // Entries written before `Target` existed are found by the same text.
        assert_eq!(Target::Account(7).to_string(), "account:7");
        assert_eq!(Target::Patient(12).to_string(), "patient:12");
        assert_eq!(Target::Team(3).to_string(), "team:3");
        assert_eq!(Target::Organisation(1).to_string(), "organisation:1");
        assert_eq!(Target::StaffInvitation(5).to_string(), "staff_invitation:5");
        assert_eq!(Target::UnknownEmail.to_string(), "unknown-email");
    }
}
