//! One-time setup links for staff: whoever holds the link and its secret code sets a password and
//! enrols an authenticator app. 128-bit token (only its hash stored), single use, 5 days; the
//! authenticator secret behind it is sealed, shown only after the right code, and cleared once
//! used. Opening the link (`inspect`) never consumes it. The same link, marked as a renewal, sets
//! up again the way in of a staff member who lost it (their administrator reset it). (Links made before codes were required
//! have none, and open without one.)
use super::invitation::{self, InvitationCode};
use crate::domain::identity::account::{self, Account};
use crate::domain::identity::{credential, session, terms};
use crate::domain::Target;
use crate::domain::{secret, store, Ctx, DomainError, DomainResult};
use sqlx::{Any, Executor, Row};

/// A link works 5 days, like an invitation.
pub const VALID_SECONDS: i64 = invitation::VALID_SECONDS;
/// Wrong codes that void a link.
pub const MAX_WRONG_CODES: i64 = invitation::MAX_WRONG_CODES;

/// A link and the secret code that goes with it (bound to it); returns both.
pub async fn create_with_code<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
    now: i64,
) -> DomainResult<(String, InvitationCode)> {
    issue(exec, account_id, now, false).await
}

/// A link and its secret code, the link marked as a `renewal` when it sets an active account's
/// way in again, from nothing.
pub async fn issue<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
    now: i64,
    renewal: bool,
) -> DomainResult<(String, InvitationCode)> {
    let code = InvitationCode::generate();
    let (token, hash) = secret::new_token();
    sqlx::query(
        "INSERT INTO setup_links (account_id, token_hash, totp_secret, expires_at, created_at, code_hash, renewal)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(account_id)
    .bind(hash)
    .bind(crate::domain::sealing::seal_totp(account_id, &credential::new_totp_secret()))
    .bind(now + VALID_SECONDS)
    .bind(now)
    .bind(invitation::code_hash(&token, &code))
    .bind(i64::from(renewal))
    .execute(exec)
    .await?;
    Ok((token, code))
}

/// Ends every unused link of the account at once (a new code was generated, or the person left).
pub async fn void_unused<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
    now: i64,
) -> DomainResult<()> {
    sqlx::query("UPDATE setup_links SET expires_at = $2 WHERE account_id = $1 AND used_at IS NULL AND expires_at > $2")
        .bind(account_id)
        .bind(now)
        .execute(exec)
        .await?;
    Ok(())
}

/// The link as mailed: it opens in the recipient's language.
pub fn url(public_url: &str, token: &str, lang: crate::i18n::Lang) -> String {
    format!("{}/setup/{token}?lang={}", public_url.trim_end_matches('/'), lang.code())
}

/// What the holder of a link finds behind it.
#[derive(Debug)]
pub enum LinkState {
    /// The link wants its secret code first (nothing else is shown before it).
    NeedsCode {
        given_name: String,
        organisation: String,
        renewal: bool,
    },
    Ready {
        account: Account,
        totp_secret: String,
        organisation: String,
        /// The link sets up again the way in of an account that was active.
        renewal: bool,
    },
    Expired,
    /// Five wrong codes: the administrator must generate a new one.
    Void,
    Used,
    Unknown,
}

#[derive(sqlx::FromRow)]
struct LinkRow {
    id: i64,
    account_id: i64,
    totp_secret: String,
    expires_at: i64,
    used_at: Option<i64>,
    code_hash: Option<String>,
    failed_attempts: i64,
    verified_hash: Option<String>,
    verified_until: Option<i64>,
    organisation: Option<String>,
    renewal: i64,
}

async fn row(db: &store::Db, token: &str) -> DomainResult<Option<LinkRow>> {
    Ok(sqlx::query_as(
        "SELECT l.id, l.account_id, l.totp_secret, l.expires_at, l.used_at, l.code_hash, l.failed_attempts,
                l.verified_hash, l.verified_until, l.renewal,
                (SELECT o.name FROM memberships m JOIN organisations o ON o.id = m.organisation_id
                  WHERE m.account_id = l.account_id ORDER BY m.created_at LIMIT 1) AS organisation
         FROM setup_links l WHERE l.token_hash = $1",
    )
    .bind(secret::hash_token(token))
    .fetch_optional(db)
    .await?)
}

/// The link's state for a browser holding `pass` (from a right code), if any.
pub async fn inspect(db: &store::Db, token: &str, pass: Option<&str>, now: i64) -> DomainResult<LinkState> {
    let Some(row) = row(db, token).await? else { return Ok(LinkState::Unknown) };
    if row.used_at.is_some() {
        return Ok(LinkState::Used);
    }
    if row.failed_attempts >= MAX_WRONG_CODES {
        return Ok(LinkState::Void);
    }
    if row.expires_at <= now {
        return Ok(LinkState::Expired);
    }
    let account = account::find_by_id(db, row.account_id).await?;
    let organisation = row.organisation.unwrap_or_default();
    let renewal = row.renewal == 1;
    let verified = pass.is_some_and(|pass| {
        row.verified_hash.as_deref() == Some(secret::hash_token(pass).as_str())
            && row.verified_until.is_some_and(|until| until > now)
    });
    if row.code_hash.is_some() && !verified {
        return Ok(LinkState::NeedsCode { given_name: account.given_name, organisation, renewal });
    }
    let totp_secret =
        crate::domain::sealing::open_totp(account.id, &row.totp_secret).ok_or(DomainError::Unreadable)?;
    Ok(LinkState::Ready { account, totp_secret, organisation, renewal })
}

/// The outcome of entering a link's secret code.
#[derive(Debug, PartialEq, Eq)]
pub enum CodeCheck {
    /// Right code: the returned pass lets this browser finish within 30 minutes.
    Accepted {
        pass: String,
    },
    Wrong {
        remaining_tries: i64,
    },
    /// Expired, void, used, unknown, or a link that has no code.
    Unusable,
}

/// Checks a link's secret code. Wrong codes are counted atomically (no amount of parallel guessing
/// gets more than 5 tries); the 5th voids the link.
pub async fn check_code(ctx: &Ctx, token: &str, code: &InvitationCode) -> DomainResult<CodeCheck> {
    let (db, now) = (&ctx.db, ctx.now);
    let Some(link) = row(db, token).await? else { return Ok(CodeCheck::Unusable) };
    let Some(expected) = link.code_hash.as_deref() else { return Ok(CodeCheck::Unusable) };
    if link.used_at.is_some() || link.expires_at <= now || link.failed_attempts >= MAX_WRONG_CODES {
        return Ok(CodeCheck::Unusable);
    }
    if secret::same(expected, &invitation::code_hash(token, code)) {
        let (pass, pass_hash) = secret::new_token();
        let updated = sqlx::query(
            "UPDATE setup_links SET verified_hash = $1, verified_until = $2
             WHERE id = $3 AND used_at IS NULL AND failed_attempts < $4 AND expires_at > $5",
        )
        .bind(pass_hash)
        .bind(now + invitation::VERIFIED_SECONDS)
        .bind(link.id)
        .bind(MAX_WRONG_CODES)
        .bind(now)
        .execute(db)
        .await?
        .rows_affected();
        return Ok(if updated == 1 { CodeCheck::Accepted { pass } } else { CodeCheck::Unusable });
    }
    let failed: Option<i64> = sqlx::query(
        "UPDATE setup_links SET failed_attempts = failed_attempts + 1
         WHERE id = $1 AND used_at IS NULL AND failed_attempts < $2 RETURNING failed_attempts",
    )
    .bind(link.id)
    .bind(MAX_WRONG_CODES)
    .fetch_optional(db)
    .await?
    .map(|r| r.try_get("failed_attempts"))
    .transpose()?;
    let Some(failed) = failed else { return Ok(CodeCheck::Unusable) };
    let voided = failed >= MAX_WRONG_CODES;
    let action = if voided { "setup_link.voided" } else { "setup_link.code_failed" };
    ctx.audit(db, None, action, Target::Account(link.account_id)).await?;
    Ok(if voided {
        CodeCheck::Unusable
    } else {
        CodeCheck::Wrong { remaining_tries: MAX_WRONG_CODES - failed }
    })
}

/// An account activated through its link, signed in.
pub struct Completed {
    pub session_token: String,
    pub account_id: i64,
}

pub struct Completion<'a> {
    pub token: &'a str,
    /// The pass a right secret code gave this browser (links with a code only).
    pub pass: Option<&'a str>,
    pub password: &'a str,
    pub password_confirmation: &'a str,
    pub totp_code: &'a str,
    /// The terms-of-use box, ticked.
    pub accept_terms: bool,
}

/// Sets the password and the authenticator, consumes the link and opens a session, atomically:
/// of two concurrent uses of one link, exactly one succeeds. Returns the new session token.
pub async fn complete(ctx: &Ctx, input: Completion<'_>) -> DomainResult<Completed> {
    let (db, now) = (&ctx.db, ctx.now);
    let LinkState::Ready { account, totp_secret, .. } = inspect(db, input.token, input.pass, now).await?
    else {
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
    terms::ticked(input.accept_terms)?;
    let hash = credential::hash(&password).await?;

    let mut tx = db.begin().await?;
    let consumed = sqlx::query(
        "UPDATE setup_links SET used_at = $1, verified_hash = NULL, totp_secret = ''
         WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 AND failed_attempts < $3
           AND (code_hash IS NULL OR (verified_hash = $4 AND verified_until > $1))
         RETURNING account_id",
    )
    .bind(now)
    .bind(secret::hash_token(input.token))
    .bind(MAX_WRONG_CODES)
    .bind(input.pass.map(secret::hash_token).unwrap_or_default())
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
    .bind(crate::domain::sealing::seal_totp(account.id, &totp_secret))
    .bind(step)
    .bind(account.id)
    .execute(&mut *tx)
    .await?;
    ctx.by(account.id).audit(&mut *tx, None, "account.setup_completed", Target::Account(account.id)).await?;
    terms::record(&mut tx, ctx, account.id).await?;
    let token = session::start(&mut *tx, ctx, account.id).await?;
    tx.commit().await?;
    Ok(Completed { session_token: token, account_id: account.id })
}
