//! Changing the email, which is also the username: a link to the new address confirms it (30
//! minutes), the old address is told and can report that it was not its owner (for 30 days, even
//! after the change: the report then puts the old address back). Nothing changes until the link
//! is used, and the unique key on `accounts.email_key` means two accounts never end up with the
//! same address, whatever the timing.
use super::account::{self, Email};
use crate::domain::Target;
use crate::domain::{notification, secret, Ctx, DomainError, DomainResult};
use sqlx::Row;

pub const VALID_SECONDS: i64 = 30 * 60;
/// How long the "it was not me" link sent to the old address works, from the request.
pub const REPORT_VALID_SECONDS: i64 = 30 * 24 * 3600;

/// Starts a change: mails the confirmation link to the new address and the notice to the old one.
/// Any earlier pending change of the account is cancelled. An address that already has an account
/// is answered exactly the same (the caller must not learn who has an account): its owner gets a
/// mail saying someone tried to use it, with no link, and the change can never be confirmed.
pub async fn request(ctx: &Ctx, me: &account::Account, new_email: &str) -> DomainResult<()> {
    let (db, now) = (&ctx.db, ctx.now);
    let email = Email::parse(new_email)?;
    if email.key() == me.email.to_lowercase() {
        return Err(DomainError::invalid("email", "error-email-same"));
    }
    let holder = account::find_by_email(db, email.as_str()).await?;
    let (confirm_token, confirm_hash) = secret::new_token();
    let (report_token, report_hash) = secret::new_token();
    let mut tx = db.begin().await?;
    sqlx::query("UPDATE email_changes SET status = 'cancelled' WHERE account_id = $1 AND status = 'pending'")
        .bind(me.id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO email_changes (account_id, new_email, confirm_hash, report_hash, expires_at, created_at, old_email, report_until)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(me.id)
    .bind(email.as_str())
    .bind(confirm_hash)
    .bind(report_hash)
    .bind(now + VALID_SECONDS)
    .bind(now)
    .bind(&me.email)
    .bind(now + REPORT_VALID_SECONDS)
    .execute(&mut *tx)
    .await?;
    let confirm_link = ctx.link(&format!("/email-change/{confirm_token}"));
    let report_link = ctx.link(&format!("/email-change/report/{report_token}"));
    let (to, mail) = match &holder {
        None => (
            email.as_str(),
            notification::email_change_confirm_mail(me.language, &me.given_name, &confirm_link),
        ),
        Some(holder) => {
            (holder.email.as_str(), notification::email_taken_mail(holder.language, &holder.given_name))
        }
    };
    notification::enqueue(&mut *tx, to, &mail, now).await?;
    notification::enqueue(
        &mut *tx,
        &me.email,
        &notification::email_change_notice_mail(me.language, &me.given_name, email.as_str(), &report_link),
        now,
    )
    .await?;
    ctx.by(me.id).audit(&mut *tx, None, "email_change.requested", Target::Account(me.id)).await?;
    tx.commit().await?;
    Ok(())
}

/// The new address waiting for confirmation, if any.
pub async fn pending(
    db: &crate::domain::store::Db,
    account_id: i64,
    now: i64,
) -> DomainResult<Option<String>> {
    let row = sqlx::query("SELECT new_email FROM email_changes WHERE account_id = $1 AND status = 'pending' AND expires_at > $2 ORDER BY id DESC LIMIT 1")
        .bind(account_id)
        .bind(now)
        .fetch_optional(db)
        .await?;
    Ok(row.map(|r| r.try_get("new_email")).transpose()?)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkState {
    /// Ready to confirm: the new address, shown before the person confirms.
    Ready(String),
    /// Expired, replaced, reported or already used.
    Unusable,
}

/// What a confirmation link leads to, without using it.
pub async fn inspect(db: &crate::domain::store::Db, token: &str, now: i64) -> DomainResult<LinkState> {
    let row = sqlx::query("SELECT new_email FROM email_changes WHERE confirm_hash = $1 AND status = 'pending' AND expires_at > $2")
        .bind(secret::hash_token(token))
        .bind(now)
        .fetch_optional(db)
        .await?;
    Ok(match row {
        Some(r) => LinkState::Ready(r.try_get("new_email")?),
        None => LinkState::Unusable,
    })
}

/// Uses a confirmation link: the account's email becomes the new one and every other session of
/// the account ends (the browser confirming keeps its session if it is the account's own).
/// Refused when the link is unusable or another account took the address meanwhile.
pub async fn confirm(
    ctx: &Ctx,
    token: &str,
    confirming: Option<&crate::domain::identity::session::ActiveSession>,
) -> DomainResult<()> {
    let (db, now) = (&ctx.db, ctx.now);
    let mut tx = db.begin().await?;
    let row = sqlx::query(
        "UPDATE email_changes SET status = 'confirmed' WHERE confirm_hash = $1 AND status = 'pending' AND expires_at > $2 RETURNING account_id, new_email",
    )
    .bind(secret::hash_token(token))
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(DomainError::conflict(None, "error-email-change-unusable"))?;
    let (account_id, new_email): (i64, String) = (row.try_get("account_id")?, row.try_get("new_email")?);
    let email = Email::parse(&new_email)?;
    if !take_address(&mut *tx, account_id, &email).await? {
        return Err(DomainError::conflict(Some("email"), "error-email-taken"));
    }
    match confirming.filter(|session| session.account_id == account_id) {
        Some(mine) => {
            crate::domain::identity::session::end_others(&mut *tx, account_id, mine.session_id, now)
                .await
                .map(drop)?
        }
        None => crate::domain::identity::session::end_all(&mut *tx, account_id, now).await?,
    }
    ctx.by(account_id).audit(&mut *tx, None, "email_change.confirmed", Target::Account(account_id)).await?;
    tx.commit().await?;
    Ok(())
}

/// "It was not me": the change is stopped or, once confirmed, undone (the old address is the
/// username again, unless another account took it meanwhile); every session, reset link and
/// unfinished sign-in of the account ends (someone may know the password); the owner is told at
/// the old address, in their language; the report is in the audit trail. Works while the change
/// is pending, and for `REPORT_VALID_SECONDS` after the request once it is confirmed.
pub async fn report(ctx: &Ctx, token: &str) -> DomainResult<bool> {
    let (db, now) = (&ctx.db, ctx.now);
    let mut tx = db.begin().await?;
    let found = sqlx::query(
        "SELECT id, account_id, status, old_email FROM email_changes WHERE report_hash = $1
         AND (status = 'pending' OR (status = 'confirmed' AND report_until > $2 AND old_email <> ''))",
    )
    .bind(secret::hash_token(token))
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(found) = found else { return Ok(false) };
    let (id, account_id): (i64, i64) = (found.try_get("id")?, found.try_get("account_id")?);
    let (status, old_email): (String, String) = (found.try_get("status")?, found.try_get("old_email")?);
    let reported = sqlx::query("UPDATE email_changes SET status = 'reported' WHERE id = $1 AND status = $2")
        .bind(id)
        .bind(&status)
        .execute(&mut *tx)
        .await?
        .rows_affected()
        == 1;
    if !reported {
        return Ok(false);
    }
    if status == "confirmed" {
        // If another account took the old address meanwhile, the account keeps the new one.
        take_address(&mut *tx, account_id, &Email::parse(&old_email)?).await?;
    }
    crate::domain::identity::session::end_all(&mut *tx, account_id, now).await?;
    crate::domain::identity::password_reset::void_links(&mut *tx, account_id, now).await?;
    crate::domain::identity::sign_in::cancel_open_challenges(&mut *tx, account_id, now).await?;
    let owner = account::find_by_id(&mut *tx, account_id).await?;
    let notice = notification::email_change_reported_mail(owner.language, &owner.given_name, &owner.email);
    let to = if old_email.is_empty() { owner.email.clone() } else { old_email };
    notification::enqueue(&mut *tx, &to, &notice, now).await?;
    ctx.audit(&mut *tx, None, "email_change.reported", Target::Account(account_id)).await?;
    tx.commit().await?;
    Ok(true)
}

/// Makes `email` the account's username, unless another account holds it (`false`: seen here, or
/// by the unique key under a race).
async fn take_address<'e>(
    exec: impl sqlx::Executor<'e, Database = sqlx::Any>,
    account_id: i64,
    email: &Email,
) -> DomainResult<bool> {
    let updated = sqlx::query(
        "UPDATE accounts SET email = $1, email_key = $2 WHERE id = $3
         AND NOT EXISTS (SELECT 1 FROM accounts other WHERE other.email_key = $2 AND other.id <> $3)",
    )
    .bind(email.as_str())
    .bind(email.key())
    .bind(account_id)
    .execute(exec)
    .await;
    match updated {
        Ok(done) => Ok(done.rows_affected() == 1),
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Ok(false),
        Err(e) => Err(e.into()),
    }
}
