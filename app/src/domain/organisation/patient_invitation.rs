//! A professional invites a patient: the patient is added to the organisation, followed by the
//! professional's care teams, and invited (link mailed, code to hand over) in one transaction. A
//! patient who has no account yet can be invited again; the old link and code stop working.
use crate::domain::identity::account::Email;
use crate::domain::messaging::care_team;
use crate::domain::onboarding::invitation::{self, Invitee, Issued};
use crate::domain::{patient, store, Ctx, DomainError, DomainResult, Target};
use crate::i18n::Lang;

/// The new patient as the professional typed them.
pub struct Typed<'a> {
    pub given_name: &'a str,
    pub family_name: &'a str,
    pub birth_date: &'a str,
    pub email: &'a str,
    pub language: Lang,
    pub mobile: &'a str,
}

/// Adds and invites the patient in `organisation_id` for `invited_by`; returns their name and
/// the invitation (its code shown once to the professional).
pub async fn invite(
    ctx: &Ctx,
    organisation_id: i64,
    invited_by: i64,
    typed: Typed<'_>,
) -> DomainResult<(String, Issued)> {
    let email = Email::parse(typed.email)?;
    patient::check(
        typed.given_name,
        typed.family_name,
        typed.birth_date,
        typed.mobile,
        store::today(ctx.now),
    )?;
    let mut tx = ctx.db.begin().await?;
    let patient_id = patient::create(
        &mut tx,
        patient::NewPatient {
            organisation_id,
            given_name: typed.given_name,
            family_name: typed.family_name,
            birth_date: typed.birth_date,
            email: &email,
            language: typed.language,
            mobile: typed.mobile,
            created_by: invited_by,
        },
        ctx.now,
    )
    .await?;
    care_team::follow_with_teams_of(&mut *tx, patient_id, invited_by, ctx.now).await?;
    let issued = invitation::issue(&mut tx, ctx, patient_id, Invitee::Patient, invited_by).await?;
    tx.commit().await?;
    Ok((format!("{} {}", typed.given_name.trim(), typed.family_name.trim()), issued))
}

/// Who asks for a new invitation, as the audit trail records it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReissuedBy {
    /// The professional, from the patient list or file.
    CareTeam,
    /// The support desk, for a patient who called.
    SupportDesk,
}

/// A new invitation for a patient of `organisation_id` who has no account yet ("not found"
/// otherwise), to `corrected` when given (the address the last mail could not reach, fixed with
/// the patient); returns their name and the invitation.
pub async fn reissue(
    ctx: &Ctx,
    organisation_id: i64,
    patient_id: i64,
    by: i64,
    asked: ReissuedBy,
    corrected: Option<&str>,
) -> DomainResult<(String, Issued)> {
    let corrected = corrected.filter(|typed| !typed.trim().is_empty()).map(Email::parse).transpose()?;
    let (given_name, family_name) =
        patient::without_account(&ctx.db, organisation_id, patient_id).await?.ok_or(DomainError::NotFound)?;
    let action = match asked {
        ReissuedBy::CareTeam => "invitation.reissued",
        ReissuedBy::SupportDesk => "support.invitation_resent",
    };
    let mut tx = ctx.db.begin().await?;
    if let Some(email) = corrected {
        if patient::correct_email(&mut tx, organisation_id, patient_id, &email).await? {
            ctx.audit(
                &mut *tx,
                Some(organisation_id),
                "patient.email_corrected",
                Target::Patient(patient_id),
            )
            .await?;
        }
    }
    let issued = invitation::issue(&mut tx, ctx, patient_id, Invitee::Patient, by).await?;
    ctx.audit(&mut *tx, Some(organisation_id), action, Target::Patient(patient_id)).await?;
    tx.commit().await?;
    Ok((format!("{given_name} {family_name}"), issued))
}
