//! Redeeming an invitation: a new account for the patient or caregiver it names, or, for a person
//! who already has one, this organisation (or this patient) added to it. Of concurrent attempts
//! exactly one wins.
use super::caregiver;
use super::invitation::{consume, verified, Invitation, Invitee};
use crate::domain::identity::account::{self, Email, NewAccount};
use crate::domain::identity::{credential, session, terms};
use crate::domain::Target;
use crate::domain::{Ctx, DomainError, DomainResult};

/// Ties the organisation's patient record to the account that now holds it, or, for a
/// caregiver's invitation, starts the caregiver's access.
async fn link_patient(
    tx: &mut sqlx::AnyConnection,
    ctx: &Ctx,
    invitation: &Invitation,
    account_id: i64,
) -> DomainResult<()> {
    let now = ctx.now;
    if let Invitee::Caregiver { grant_id } = invitation.invitee {
        return caregiver::activate(
            tx,
            ctx,
            grant_id,
            invitation.organisation_id,
            invitation.patient_id,
            account_id,
        )
        .await;
    }
    sqlx::query("UPDATE patients SET account_id = $1 WHERE id = $2")
        .bind(account_id)
        .bind(invitation.patient_id)
        .execute(&mut *tx)
        .await?;
    account::add_membership(&mut *tx, account_id, invitation.organisation_id, account::Role::Patient, now)
        .await?;
    ctx.by(account_id)
        .audit(
            &mut *tx,
            Some(invitation.organisation_id),
            "invitation.redeemed",
            Target::Patient(invitation.patient_id),
        )
        .await
}

/// Creates the patient's account and signs them in; of concurrent attempts, exactly one wins.
/// An email that already has an account is refused: its owner signs in and uses `redeem_into`.
/// Returns the new session token.
/// A new account, signed in: its session, and the language its pages open in (the invitation's).
pub struct Redeemed {
    pub session_token: String,
    pub language: crate::i18n::Lang,
}

pub async fn redeem(
    ctx: &Ctx,
    token: &str,
    pass: &str,
    password: &str,
    confirmation: &str,
    accept_terms: bool,
) -> DomainResult<Redeemed> {
    let (db, now) = (&ctx.db, ctx.now);
    let invitation = verified(db, token, pass, now)
        .await?
        .ok_or(DomainError::conflict(None, "error-invitation-unusable"))?;
    if account::find_by_email(db, &invitation.email).await?.is_some() {
        return Err(DomainError::conflict(None, "error-account-exists"));
    }
    let password = credential::check_new_password(
        password,
        confirmation,
        &[&invitation.given_name, &invitation.family_name, &invitation.email],
    )
    .map_err(|p| DomainError::invalid("password", p.key()))?;
    terms::ticked(accept_terms)?;
    let hash = credential::hash(&password).await?;
    let mut tx = db.begin().await?;
    if !consume(&mut tx, &invitation, pass, now).await? {
        return Err(DomainError::conflict(None, "error-invitation-unusable"));
    }
    let email = Email::parse(&invitation.email)?;
    let account_id = account::create(
        &mut *tx,
        NewAccount {
            email: &email,
            given_name: &invitation.given_name,
            family_name: &invitation.family_name,
            language: invitation.language,
        },
        now,
    )
    .await
    .map_err(|e| match e {
        DomainError::Conflict { .. } => DomainError::conflict(None, "error-account-exists"),
        other => other,
    })?;
    sqlx::query("UPDATE accounts SET password_hash = $1, status = 'active' WHERE id = $2")
        .bind(hash)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    link_patient(&mut tx, ctx, &invitation, account_id).await?;
    // A caregiver's new account is theirs, not part of the patient's file.
    let target = match invitation.invitee {
        Invitee::Patient => Target::Patient(invitation.patient_id),
        Invitee::Caregiver { .. } => Target::Account(account_id),
    };
    ctx.by(account_id).audit(&mut *tx, Some(invitation.organisation_id), "account.created", target).await?;
    terms::record(&mut tx, ctx, account_id).await?;
    let session_token = session::start(&mut *tx, ctx, account_id).await?;
    tx.commit().await?;
    Ok(Redeemed { session_token, language: invitation.language })
}

/// One person, one account: a signed-in person whose email the invitation names adds this
/// organisation to their existing account instead of creating a second one.
pub async fn redeem_into(ctx: &Ctx, token: &str, pass: &str, account_id: i64) -> DomainResult<()> {
    let (db, now) = (&ctx.db, ctx.now);
    let invitation = verified(db, token, pass, now)
        .await?
        .ok_or(DomainError::conflict(None, "error-invitation-unusable"))?;
    let owner = account::find_by_id(db, account_id).await?;
    if owner.email.to_lowercase() != invitation.email.to_lowercase() {
        return Err(DomainError::refused("error-invitation-other-account"));
    }
    let mut tx = db.begin().await?;
    if !consume(&mut tx, &invitation, pass, now).await? {
        return Err(DomainError::conflict(None, "error-invitation-unusable"));
    }
    link_patient(&mut tx, ctx, &invitation, account_id).await?;
    tx.commit().await?;
    Ok(())
}
