//! "Forgot password": a link by email (128-bit token, stored hashed, valid 30 minutes, single
//! use). Asking never reveals whether the email has an account. A reset ends every session, and
//! the next sign-in still asks for the verification code.
use super::{account, credential};
use crate::domain::Target;
use crate::domain::{notification, secret, store, Ctx, DomainError, DomainResult};
use sqlx::Row;

pub const VALID_SECONDS: i64 = 30 * 60;

/// Sends the link if the email has an active account; does the same visible nothing otherwise.
pub async fn request(ctx: &Ctx, email: &str) -> DomainResult<()> {
    let (db, now) = (&ctx.db, ctx.now);
    let Some(account) = account::find_by_email(db, email).await? else { return Ok(()) };
    if account.status != crate::domain::identity::account::AccountStatus::Active {
        return Ok(());
    }
    let (token, hash) = secret::new_token();
    let link = ctx.link(&format!("/reset-password/{token}?lang={}", account.language.code()));
    let mut tx = db.begin().await?;
    sqlx::query("INSERT INTO password_resets (account_id, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $4)")
        .bind(account.id)
        .bind(hash)
        .bind(now + VALID_SECONDS)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    notification::enqueue(
        &mut *tx,
        &account.email,
        &notification::password_reset_mail(account.language, &account.given_name, &link),
        now,
    )
    .await?;
    ctx.by(account.id).audit(&mut *tx, None, "password_reset.requested", Target::Account(account.id)).await?;
    tx.commit().await?;
    Ok(())
}

/// The account a live link belongs to.
pub async fn open(db: &store::Db, token: &str, now: i64) -> DomainResult<Option<account::Account>> {
    let row = sqlx::query("SELECT account_id FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2")
        .bind(secret::hash_token(token))
        .bind(now)
        .fetch_optional(db)
        .await?;
    match row {
        Some(r) => Ok(Some(account::find_by_id(db, r.try_get("account_id")?).await?)),
        None => Ok(None),
    }
}

/// Sets the new password (same policy as at creation) and consumes the link. Every session, every
/// other reset link and every unfinished sign-in ends, and the owner is told by mail in their
/// language.
pub async fn complete(ctx: &Ctx, token: &str, password: &str, confirmation: &str) -> DomainResult<()> {
    let (db, now) = (&ctx.db, ctx.now);
    let account =
        open(db, token, now).await?.ok_or(DomainError::conflict(None, "error-reset-link-unusable"))?;
    let password = credential::check_new_password(
        password,
        confirmation,
        &[&account.given_name, &account.family_name, &account.email],
    )
    .map_err(|p| DomainError::invalid("password", p.key()))?;
    let hash = credential::hash(&password).await?;
    let mut tx = db.begin().await?;
    let used = sqlx::query("UPDATE password_resets SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1")
        .bind(now)
        .bind(secret::hash_token(token))
        .execute(&mut *tx)
        .await?
        .rows_affected()
        == 1;
    if !used {
        return Err(DomainError::conflict(None, "error-reset-link-unusable"));
    }
    // A reset also lifts a lock: proving one holds the mailbox is what the lock waits for.
    sqlx::query(
        "UPDATE accounts SET password_hash = $1, failed_sign_ins = 0, locked_until = NULL WHERE id = $2",
    )
    .bind(hash)
    .bind(account.id)
    .execute(&mut *tx)
    .await?;
    crate::domain::identity::session::end_all(&mut *tx, account.id, now).await?;
    // Whatever was under way with the old password ends: other reset links, unfinished sign-ins.
    void_links(&mut *tx, account.id, now).await?;
    crate::domain::identity::sign_in::cancel_open_challenges(&mut *tx, account.id, now).await?;
    crate::domain::identity::known_browser::forget_all(&mut tx, account.id).await?;
    let notice = notification::password_changed_mail(account.language, &account.given_name);
    notification::enqueue(&mut *tx, &account.email, &notice, now).await?;
    ctx.by(account.id).audit(&mut *tx, None, "password_reset.completed", Target::Account(account.id)).await?;
    tx.commit().await?;
    Ok(())
}

/// Voids every reset link of the account still unused (its password changed, or someone else
/// may hold its mailbox).
pub async fn void_links<'e>(
    exec: impl sqlx::Executor<'e, Database = sqlx::Any>,
    account_id: i64,
    now: i64,
) -> DomainResult<()> {
    sqlx::query("UPDATE password_resets SET used_at = $1 WHERE account_id = $2 AND used_at IS NULL")
        .bind(now)
        .bind(account_id)
        .execute(exec)
        .await?;
    Ok(())
}
