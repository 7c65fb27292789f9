//! Changing how one proves who one is: the password, an authenticator app, or back to codes sent
//! by email. Each change is audited; the caller has checked a recent re-authentication.
use super::account::Account;
use crate::domain::Target;
use crate::domain::{sealing, store, Ctx, DomainError, DomainResult};
use sqlx::{Any, Executor, Row};

/// The secret of an authenticator app being set up, created on request (a POST) and kept until
/// confirmed, so showing it again changes nothing.
pub async fn pending_totp<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
) -> DomainResult<Option<String>> {
    let stored: Option<String> = sqlx::query("SELECT totp_pending FROM accounts WHERE id = $1")
        .bind(account_id)
        .fetch_one(exec)
        .await?
        .try_get("totp_pending")?;
    stored.map(|stored| sealing::open_totp(account_id, &stored).ok_or(DomainError::Unreadable)).transpose()
}

pub async fn start_totp_enrolment(db: &store::Db, account_id: i64) -> DomainResult<String> {
    if let Some(secret) = pending_totp(db, account_id).await? {
        return Ok(secret);
    }
    let secret = crate::domain::identity::credential::new_totp_secret();
    sqlx::query("UPDATE accounts SET totp_pending = $1 WHERE id = $2 AND totp_pending IS NULL")
        .bind(sealing::seal_totp(account_id, &secret))
        .bind(account_id)
        .execute(db)
        .await?;
    Ok(pending_totp(db, account_id).await?.unwrap_or(secret))
}

/// Switches sign-in to the authenticator app. The current password re-authenticates the person
/// and a first code proves the app holds the secret.
pub async fn confirm_totp_enrolment(
    ctx: &Ctx,
    account: &Account,
    session_id: i64,
    password: &str,
    code: &str,
) -> DomainResult<()> {
    let (db, now) = (&ctx.db, ctx.now);
    use crate::domain::identity::credential;
    let secret =
        pending_totp(db, account.id).await?.ok_or(DomainError::invalid("code", "error-totp-not-started"))?;
    if !credential::verify_or_decoy(password, account.password_hash.as_deref()).await? {
        // A wrong password here counts toward the lock, like everywhere else.
        crate::domain::identity::sign_in::record_failure(
            ctx,
            account,
            crate::domain::identity::sign_in::Guesser::Session(session_id),
        )
        .await?;
        ctx.audit(db, None, "totp.password_failed", Target::Account(account.id)).await?;
        return Err(DomainError::invalid("password", "error-password-wrong"));
    }
    let step = credential::verify_totp(&secret, code, now, None)
        .ok_or(DomainError::invalid("code", "error-totp-wrong"))?;
    let mut tx = db.begin().await?;
    sqlx::query(
        "UPDATE accounts SET totp_secret = $1, totp_last_step = $2, totp_pending = NULL WHERE id = $3",
    )
    .bind(sealing::seal_totp(account.id, &secret))
    .bind(step)
    .bind(account.id)
    .execute(&mut *tx)
    .await?;
    ctx.audit(&mut *tx, None, "totp.enrolled", Target::Account(account.id)).await?;
    // The owner hears of it, in case it was not them.
    let notice = crate::domain::notification::method_added_mail(account.language, &account.given_name);
    crate::domain::notification::enqueue(&mut *tx, &account.email, &notice, now).await?;
    tx.commit().await?;
    Ok(())
}

/// A new password (same policy as at creation). Every other session and unfinished sign-in ends
/// and the owner is told by email. The caller has checked the person re-authenticated.
pub async fn change_password(
    ctx: &Ctx,
    account: &Account,
    current_session_id: i64,
    password: &str,
    confirmation: &str,
) -> DomainResult<()> {
    let (db, now) = (&ctx.db, ctx.now);
    use super::{credential, session, sign_in};
    use crate::domain::notification;
    let password = credential::check_new_password(
        password,
        confirmation,
        &[&account.given_name, &account.family_name, &account.email],
    )
    .map_err(|problem| DomainError::invalid("password", problem.key()))?;
    let mut tx = db.begin().await?;
    sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
        .bind(credential::hash(&password).await?)
        .bind(account.id)
        .execute(&mut *tx)
        .await?;
    session::end_others(&mut *tx, account.id, current_session_id, now).await?;
    // A sign-in half done with the old password cannot be finished.
    sign_in::cancel_open_challenges(&mut *tx, account.id, now).await?;
    notification::enqueue(
        &mut *tx,
        &account.email,
        &notification::password_changed_mail(account.language, &account.given_name),
        now,
    )
    .await?;
    ctx.audit(&mut *tx, None, "password.changed", Target::Account(account.id)).await?;
    tx.commit().await?;
    Ok(())
}

/// No more authenticator app: a patient gets codes by email again; staff, who must keep a strong
/// factor (docs/RULES.md §5: emailed codes are not an AAL2 factor), sign in with their passkeys
/// from now on, and may only do this while they have one.
pub async fn use_email_codes(ctx: &Ctx, account: &Account) -> DomainResult<()> {
    let db = &ctx.db;
    use super::passkey;
    if super::account::needs_strong_factor(db, account.id).await?
        && passkey::list(db, account.id).await?.is_empty()
    {
        return Err(DomainError::refused("error-totp-required-for-staff"));
    }
    let mut tx = db.begin().await?;
    sqlx::query(
        "UPDATE accounts SET totp_secret = NULL, totp_last_step = NULL, totp_pending = NULL WHERE id = $1",
    )
    .bind(account.id)
    .execute(&mut *tx)
    .await?;
    ctx.audit(&mut *tx, None, "totp.removed", Target::Account(account.id)).await?;
    tx.commit().await?;
    Ok(())
}

/// Every way into the account stops at once — its password, authenticator app, passkeys and
/// recovery codes, its sessions, the sign-ins and password resets under way — and it waits for a
/// setup link again, as before its activation: an administrator starting over the access of a
/// staff member who lost their way in (or whose phone may be in other hands).
pub async fn revoke_every_way_in(
    conn: &mut sqlx::AnyConnection,
    account_id: i64,
    now: i64,
) -> DomainResult<()> {
    sqlx::query(
        "UPDATE accounts SET status = 'pending', password_hash = NULL, totp_secret = NULL, totp_last_step = NULL,
                totp_pending = NULL, failed_sign_ins = 0, locked_until = NULL
         WHERE id = $1",
    )
    .bind(account_id)
    .execute(&mut *conn)
    .await?;
    for forget in
        ["DELETE FROM passkeys WHERE account_id = $1", "DELETE FROM recovery_codes WHERE account_id = $1"]
    {
        sqlx::query(forget).bind(account_id).execute(&mut *conn).await?;
    }
    super::session::end_all(&mut *conn, account_id, now).await?;
    super::sign_in::cancel_open_challenges(&mut *conn, account_id, now).await?;
    super::password_reset::void_links(&mut *conn, account_id, now).await?;
    super::known_browser::forget_all(conn, account_id).await
}
