//! Server-side sessions. The cookie holds a random 128-bit token; the database keeps its hash.
//! A session ends after 30 minutes without activity, 12 hours after sign-in, or at sign-out.
use super::{secret, store, DomainResult, RequestMeta};
use sqlx::{Any, Executor, Row};

pub const IDLE_SECONDS: i64 = 30 * 60;
pub const ABSOLUTE_SECONDS: i64 = 12 * 60 * 60;
/// Last activity is written at most this often, so reading pages does not write on every request.
const TOUCH_EVERY_SECONDS: i64 = 60;

pub async fn start<'e>(exec: impl Executor<'e, Database = Any>, account_id: i64, meta: &RequestMeta, now: i64) -> DomainResult<String> {
    let (token, hash) = secret::new_token();
    sqlx::query(
        "INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at, ip, user_agent) VALUES ($1, $2, $3, $3, $4, $5)",
    )
    .bind(hash)
    .bind(account_id)
    .bind(now)
    .bind(&meta.ip)
    .bind(meta.user_agent.chars().take(300).collect::<String>())
    .execute(exec)
    .await?;
    Ok(token)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActiveSession {
    pub session_id: i64,
    pub account_id: i64,
}

/// The live session behind a cookie token, if any; refreshes its last activity.
pub async fn resolve(db: &store::Db, token: &str, now: i64) -> DomainResult<Option<ActiveSession>> {
    let row = sqlx::query(
        "SELECT id, account_id, last_seen_at FROM sessions
         WHERE token_hash = $1 AND ended_at IS NULL AND last_seen_at > $2 AND created_at > $3",
    )
    .bind(secret::hash_token(token))
    .bind(now - IDLE_SECONDS)
    .bind(now - ABSOLUTE_SECONDS)
    .fetch_optional(db)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let session = ActiveSession { session_id: row.try_get("id")?, account_id: row.try_get("account_id")? };
    if now - row.try_get::<i64, _>("last_seen_at")? >= TOUCH_EVERY_SECONDS {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id = $2").bind(now).bind(session.session_id).execute(db).await?;
    }
    Ok(Some(session))
}

pub async fn end<'e>(exec: impl Executor<'e, Database = Any>, session_id: i64, now: i64) -> DomainResult<()> {
    sqlx::query("UPDATE sessions SET ended_at = $1 WHERE id = $2 AND ended_at IS NULL")
        .bind(now)
        .bind(session_id)
        .execute(exec)
        .await?;
    Ok(())
}

/// Why a sign-in failed. The person sees one message for all of them, so nothing tells whether an
/// email has an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInFailure {
    UnknownEmail,
    NotActive,
    WrongPassword,
    WrongCode,
}

/// Staff sign-in: email, password and authenticator code, all checked before anything is said.
pub async fn sign_in(
    db: &store::Db,
    email: &str,
    password: &str,
    totp_code: &str,
    meta: &RequestMeta,
    now: i64,
) -> DomainResult<Result<(String, i64), SignInFailure>> {
    use super::{account, audit, credential};
    let Some(account) = account::find_by_email(db, email).await? else {
        credential::verify_password(password, credential::decoy_hash());
        audit::record(db, audit::Event { actor_id: None, organisation_id: None, action: "sign_in.failed", target: "unknown-email".into() }, meta, now).await?;
        return Ok(Err(SignInFailure::UnknownEmail));
    };
    let password_ok = credential::verify_password(password, account.password_hash.as_deref().unwrap_or(credential::decoy_hash()));
    let failure = if account.status != "active" || account.password_hash.is_none() {
        Some(SignInFailure::NotActive)
    } else if !password_ok {
        Some(SignInFailure::WrongPassword)
    } else {
        let step = account.totp_secret.as_deref().and_then(|secret| credential::verify_totp(secret, totp_code, now, account.totp_last_step));
        // Claim the step atomically so a code cannot be used twice, even by two requests at once.
        let claimed = match step {
            Some(step) => sqlx::query("UPDATE accounts SET totp_last_step = $1 WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)")
                .bind(step)
                .bind(account.id)
                .execute(db)
                .await?
                .rows_affected() == 1,
            None => false,
        };
        (!claimed).then_some(SignInFailure::WrongCode)
    };
    let target = format!("account:{}", account.id);
    if let Some(failure) = failure {
        sqlx::query("UPDATE accounts SET failed_sign_ins = failed_sign_ins + 1 WHERE id = $1").bind(account.id).execute(db).await?;
        audit::record(db, audit::Event { actor_id: Some(account.id), organisation_id: None, action: "sign_in.failed", target }, meta, now).await?;
        return Ok(Err(failure));
    }
    let mut tx = db.begin().await?;
    sqlx::query("UPDATE accounts SET failed_sign_ins = 0 WHERE id = $1").bind(account.id).execute(&mut *tx).await?;
    if account.password_hash.as_deref().is_some_and(credential::needs_rehash) {
        sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
            .bind(credential::hash_password(password))
            .bind(account.id)
            .execute(&mut *tx)
            .await?;
    }
    let token = start(&mut *tx, account.id, meta, now).await?;
    audit::record(&mut *tx, audit::Event { actor_id: Some(account.id), organisation_id: None, action: "sign_in.succeeded", target }, meta, now).await?;
    tx.commit().await?;
    Ok(Ok((token, account.id)))
}
