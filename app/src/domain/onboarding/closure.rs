//! Closing one's own account (issue #31), after re-authenticating and reading what it means:
//! what the person wrote (messages, questionnaire answers) stays in the care team's record as the
//! law requires; sign-in ends at once, on every device; every caregiver access given to them or
//! by them ends; a confirmation is mailed. Their patient records stay with the care teams, without
//! an account, and the address is set free: a new invitation makes a new account; the closed one
//! keeps its history under its name.
//!
//! Staff leave their organisations first (Account → My organisations), which keeps every
//! organisation's last administrator; an operator's account is not closed from here.
use crate::domain::identity::account::{self, Account};
use crate::domain::identity::session;
use crate::domain::onboarding::caregiver;
use crate::domain::{notification, Ctx, DomainError, DomainResult, Target};
use sqlx::Row;

/// Closes `account`; `understood` is the box the person ticked.
pub async fn close(ctx: &Ctx, account: &Account, understood: bool) -> DomainResult<()> {
    if !understood {
        return Err(DomainError::invalid("understood", "error-close-understood"));
    }
    if account::is_operator(&ctx.db, account.id).await? {
        return Err(DomainError::conflict(None, "error-close-operator"));
    }
    let staff: i64 =
        sqlx::query("SELECT COUNT(*) AS n FROM memberships WHERE account_id = $1 AND role <> 'patient'")
            .bind(account.id)
            .fetch_one(&ctx.db)
            .await?
            .try_get("n")?;
    if staff > 0 {
        return Err(DomainError::conflict(None, "error-close-staff"));
    }
    let mut tx = ctx.db.begin().await?;
    // The key that makes the address unique moves aside: `closed:<id>:` cannot be typed as one.
    let closed = sqlx::query(
        "UPDATE accounts SET status = 'closed', email_key = 'closed:' || CAST(id AS TEXT) || ':' || email_key
         WHERE id = $1 AND status = 'active'",
    )
    .bind(account.id)
    .execute(&mut *tx)
    .await?;
    if closed.rows_affected() == 0 {
        return Err(DomainError::conflict(None, "error-close-already"));
    }
    session::end_all(&mut *tx, account.id, ctx.now).await?;
    for ended in caregiver::end_all_of(&mut tx, account.id, ctx.now).await? {
        ctx.audit(
            &mut *tx,
            Some(ended.organisation_id),
            "caregiver.ended",
            Target::Patient(ended.patient_id),
        )
        .await?;
    }
    sqlx::query("UPDATE patients SET account_id = NULL WHERE account_id = $1")
        .bind(account.id)
        .execute(&mut *tx)
        .await?;
    let mail = notification::account_closed_mail(account.language, &account.given_name);
    notification::enqueue(&mut *tx, &account.email, &mail, ctx.now).await?;
    ctx.audit(&mut *tx, None, "account.closed", Target::Account(account.id)).await?;
    tx.commit().await?;
    Ok(())
}
