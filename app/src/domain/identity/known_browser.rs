//! Browsers that completed a sign-in for an account (OWASP "device cookies"), so that a stranger
//! cannot lock its owner out: failures from unknown browsers lock the account for unknown
//! browsers only (`lock`, until midnight, an administrator may lift it); a known browser keeps
//! signing in, and the failures coming from it count against that browser alone (10 in a row
//! and it is treated as unknown until midnight). The cookie holds a 128-bit token; only its hash
//! is stored.
use super::lock;
use crate::domain::Target;
use crate::domain::{secret, store, Ctx, DomainResult};
use sqlx::{Any, Executor, Row};

/// A browser is remembered this long after its last sign-in.
pub const REMEMBERED_SECONDS: i64 = crate::states::kept_days::REMEMBERED_BROWSERS * 24 * 60 * 60;
/// Browsers remembered per account; a new one forgets the least recently used.
pub const PER_ACCOUNT: i64 = 10;

/// A browser known for the account, not locked itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KnownBrowser {
    pub id: i64,
}

/// The browser behind a cookie's token, if it signed in to this account before and is neither
/// forgotten nor locked.
pub async fn recognise(
    db: &store::Db,
    token: Option<&str>,
    account_id: i64,
    now: i64,
) -> DomainResult<Option<KnownBrowser>> {
    let Some(token) = token.filter(|token| !token.is_empty()) else { return Ok(None) };
    let row = sqlx::query(
        "SELECT id FROM known_browsers
         WHERE token_hash = $1 AND account_id = $2 AND last_used_at > $3
           AND (locked_until IS NULL OR locked_until <= $4)",
    )
    .bind(secret::hash_token(token))
    .bind(account_id)
    .bind(now - REMEMBERED_SECONDS)
    .bind(now)
    .fetch_optional(db)
    .await?;
    Ok(row.map(|row| row.try_get("id").map(|id| KnownBrowser { id })).transpose()?)
}

/// Whether a browser recognised at step one is still trusted at step two (not locked meanwhile).
pub async fn still_trusted(db: &store::Db, browser: KnownBrowser, now: i64) -> DomainResult<bool> {
    Ok(sqlx::query(
        "SELECT id FROM known_browsers WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $2)",
    )
    .bind(browser.id)
    .bind(now)
    .fetch_optional(db)
    .await?
    .is_some())
}

/// One more failure from a known browser; the 10th in a row locks that browser (not the
/// account) until the account's next midnight, audited.
pub async fn count_failure(ctx: &Ctx, account_id: i64, browser: KnownBrowser) -> DomainResult<()> {
    let (db, now) = (&ctx.db, ctx.now);
    let failures: i64 = sqlx::query(
        "UPDATE known_browsers SET failed_sign_ins = failed_sign_ins + 1 WHERE id = $1 RETURNING failed_sign_ins",
    )
    .bind(browser.id)
    .fetch_one(db)
    .await?
    .try_get("failed_sign_ins")?;
    if failures < lock::AFTER_FAILURES {
        return Ok(());
    }
    let until = lock::ends_at(now, &super::account::timezones(db, account_id).await?);
    let locked = sqlx::query(
        "UPDATE known_browsers SET locked_until = $1, failed_sign_ins = 0 WHERE id = $2 AND failed_sign_ins >= $3",
    )
    .bind(until)
    .bind(browser.id)
    .bind(lock::AFTER_FAILURES)
    .execute(db)
    .await?
    .rows_affected();
    if locked == 1 {
        ctx.by(account_id).audit(db, None, "known_browser.locked", Target::Account(account_id)).await?;
    }
    Ok(())
}

/// Forgets every browser known for the account (a password reset: a browser is trusted again
/// only after a sign-in with the new password).
pub async fn forget_all(tx: &mut sqlx::AnyConnection, account_id: i64) -> DomainResult<()> {
    forget_all_but(tx, account_id, 0).await
}

/// Forgets the account's known browsers but the `keep` most recently used.
async fn forget_all_but(tx: &mut sqlx::AnyConnection, account_id: i64, keep: i64) -> DomainResult<()> {
    const FORGOTTEN: &str = "SELECT id FROM known_browsers WHERE account_id = $1 AND id NOT IN (
         SELECT id FROM known_browsers WHERE account_id = $1 ORDER BY last_used_at DESC, id DESC LIMIT $2)";
    forget(tx, FORGOTTEN, &[account_id, keep]).await.map(|_| ())
}

/// Forgets every browser not used to sign in for `REMEMBERED_SECONDS` (the hourly retention
/// job); returns how many.
pub async fn forget_unused(db: &store::Db, now: i64) -> DomainResult<u64> {
    let mut tx = db.begin().await?;
    let forgotten =
        forget(&mut tx, "SELECT id FROM known_browsers WHERE last_used_at < $1", &[now - REMEMBERED_SECONDS])
            .await?;
    tx.commit().await?;
    Ok(forgotten)
}

/// Forgets the browsers `which` selects (its `$n` bound to `binds` in order); sign-ins under way
/// from one of them go on as from an unknown browser. Returns how many were forgotten.
async fn forget(tx: &mut sqlx::AnyConnection, which: &str, binds: &[i64]) -> DomainResult<u64> {
    let mut forgotten = 0;
    for statement in [
        format!("UPDATE sign_in_challenges SET known_browser_id = NULL WHERE known_browser_id IN ({which})"),
        format!("DELETE FROM known_browsers WHERE id IN ({which})"),
    ] {
        let mut query = sqlx::query(&statement);
        for value in binds {
            query = query.bind(*value);
        }
        forgotten = query.execute(&mut *tx).await?.rows_affected();
    }
    Ok(forgotten)
}

/// A sign-in completed from a known browser: its failures start again from zero.
pub async fn used<'e>(
    exec: impl Executor<'e, Database = Any>,
    browser: KnownBrowser,
    now: i64,
) -> DomainResult<()> {
    sqlx::query("UPDATE known_browsers SET last_used_at = $1, failed_sign_ins = 0 WHERE id = $2")
        .bind(now)
        .bind(browser.id)
        .execute(exec)
        .await?;
    Ok(())
}

/// A sign-in completed from a browser not known yet: remembers it (forgetting the account's
/// least recently used beyond `PER_ACCOUNT`); returns the token for its cookie.
pub async fn remember(tx: &mut sqlx::AnyConnection, account_id: i64, now: i64) -> DomainResult<String> {
    let (token, hash) = secret::new_token();
    sqlx::query(
        "INSERT INTO known_browsers (account_id, token_hash, created_at, last_used_at) VALUES ($1, $2, $3, $3)",
    )
    .bind(account_id)
    .bind(hash)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    forget_all_but(tx, account_id, PER_ACCOUNT).await?;
    Ok(token)
}
