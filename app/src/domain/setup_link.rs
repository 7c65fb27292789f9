//! One-time setup links for staff: whoever holds the link sets a password and enrols an
//! authenticator app. 128-bit token (only its hash stored), valid 24 hours, single use.
//! Opening the link (`inspect`) never consumes it.
use super::account::{self, Account};
use super::{credential, secret, session, store, Ctx, DomainError, DomainResult};
use sqlx::{Any, Executor, Row};

pub const VALID_SECONDS: i64 = 24 * 60 * 60;

pub async fn create<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
    now: i64,
) -> DomainResult<String> {
    let (token, hash) = secret::new_token();
    sqlx::query(
        "INSERT INTO setup_links (account_id, token_hash, totp_secret, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(account_id)
    .bind(hash)
    .bind(credential::new_totp_secret())
    .bind(now + VALID_SECONDS)
    .bind(now)
    .execute(exec)
    .await?;
    Ok(token)
}

/// The link as mailed: it opens in the recipient's language.
pub fn url(public_url: &str, token: &str, lang: crate::i18n::Lang) -> String {
    format!("{}/setup/{token}?lang={}", public_url.trim_end_matches('/'), lang.code())
}

/// What the holder of a link finds behind it.
#[derive(Debug)]
pub enum LinkState {
    Ready { account: Account, totp_secret: String, organisation: String },
    Expired,
    Used,
    Unknown,
}

pub async fn inspect(db: &store::Db, token: &str, now: i64) -> DomainResult<LinkState> {
    let row = sqlx::query(
        "SELECT l.account_id, l.totp_secret, l.expires_at, l.used_at,
                (SELECT o.name FROM memberships m JOIN organisations o ON o.id = m.organisation_id
                  WHERE m.account_id = l.account_id ORDER BY m.created_at LIMIT 1) AS organisation
         FROM setup_links l WHERE l.token_hash = $1",
    )
    .bind(secret::hash_token(token))
    .fetch_optional(db)
    .await?;
    let Some(row) = row else { return Ok(LinkState::Unknown) };
    if row.try_get::<Option<i64>, _>("used_at")?.is_some() {
        return Ok(LinkState::Used);
    }
    if row.try_get::<i64, _>("expires_at")? <= now {
        return Ok(LinkState::Expired);
    }
    let account = account::find_by_id(db, row.try_get("account_id")?).await?;
    Ok(LinkState::Ready {
        account,
        totp_secret: row.try_get("totp_secret")?,
        organisation: row.try_get::<Option<String>, _>("organisation")?.unwrap_or_default(),
    })
}

pub struct Completion<'a> {
    pub token: &'a str,
    pub password: &'a str,
    pub password_confirmation: &'a str,
    pub totp_code: &'a str,
}

/// Sets the password and the authenticator, consumes the link and opens a session, atomically:
/// of two concurrent uses of one link, exactly one succeeds. Returns the new session token.
pub async fn complete(ctx: &Ctx, input: Completion<'_>) -> DomainResult<String> {
    let (db, now) = (&ctx.db, ctx.now);
    let LinkState::Ready { account, totp_secret, .. } = inspect(db, input.token, now).await? else {
        return Err(DomainError::conflict(None, "error-setup-link-unusable"));
    };
    let password = credential::check_new_password(
        input.password,
        input.password_confirmation,
        &[&account.given_name, &account.family_name, &account.email],
    )
    .map_err(|problem| DomainError::invalid("password", problem.key()))?;
    let step = credential::verify_totp(&totp_secret, input.totp_code, now, None)
        .ok_or(DomainError::invalid("code", "error-totp-wrong"))?;
    let hash = credential::hash(&password).await?;

    let mut tx = db.begin().await?;
    let consumed = sqlx::query(
        "UPDATE setup_links SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING account_id",
    )
    .bind(now)
    .bind(secret::hash_token(input.token))
    .fetch_optional(&mut *tx)
    .await?;
    if consumed.is_none() {
        return Err(DomainError::conflict(None, "error-setup-link-unusable"));
    }
    sqlx::query(
        "UPDATE accounts SET password_hash = $1, totp_secret = $2, totp_last_step = $3, status = 'active', failed_sign_ins = 0
         WHERE id = $4",
    )
    .bind(hash)
    .bind(&totp_secret)
    .bind(step)
    .bind(account.id)
    .execute(&mut *tx)
    .await?;
    ctx.by(account.id)
        .audit(&mut *tx, None, "account.setup_completed", format!("account:{}", account.id))
        .await?;
    let token = session::start(&mut *tx, ctx, account.id).await?;
    tx.commit().await?;
    Ok(token)
}
