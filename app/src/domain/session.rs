//! Server-side sessions. The cookie holds a random 128-bit token; the database keeps its hash.
//! A session ends after 30 minutes without activity, 12 hours after sign-in, or at sign-out.
use super::{secret, store, DomainResult, RequestMeta};
use sqlx::{Any, Executor, Row};

pub const IDLE_SECONDS: i64 = 30 * 60;
pub const ABSOLUTE_SECONDS: i64 = 12 * 60 * 60;
/// Last activity is written at most this often, so reading pages does not write on every request.
const TOUCH_EVERY_SECONDS: i64 = 60;

pub async fn start<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
    meta: &RequestMeta,
    now: i64,
) -> DomainResult<String> {
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
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id = $2")
            .bind(now)
            .bind(session.session_id)
            .execute(db)
            .await?;
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

/// A session as its owner sees it in their account settings.
#[derive(Clone, Debug)]
pub struct SessionInfo {
    pub id: i64,
    pub device: String,
    pub ip: String,
    pub last_seen_at: i64,
}

pub async fn active_for(db: &store::Db, account_id: i64, now: i64) -> DomainResult<Vec<SessionInfo>> {
    let rows = sqlx::query(
        "SELECT id, user_agent, ip, last_seen_at FROM sessions
         WHERE account_id = $1 AND ended_at IS NULL AND last_seen_at > $2 AND created_at > $3 ORDER BY last_seen_at DESC",
    )
    .bind(account_id)
    .bind(now - IDLE_SECONDS)
    .bind(now - ABSOLUTE_SECONDS)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(SessionInfo {
                id: r.try_get("id")?,
                device: device_of(&r.try_get::<String, _>("user_agent")?),
                ip: r.try_get("ip")?,
                last_seen_at: r.try_get("last_seen_at")?,
            })
        })
        .collect()
}

/// "Firefox on Windows" from a user agent; enough to recognise one's own devices.
pub fn device_of(user_agent: &str) -> String {
    let browser = [
        ("Edg/", "Edge"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Chromium/", "Chromium"),
        ("Safari/", "Safari"),
    ]
    .into_iter()
    .find(|(marker, _)| user_agent.contains(marker))
    .map_or("?", |(_, name)| name);
    let system = [
        ("Android", "Android"),
        ("iPhone", "iOS"),
        ("iPad", "iPadOS"),
        ("Windows", "Windows"),
        ("Mac OS X", "macOS"),
        ("Linux", "Linux"),
    ]
    .into_iter()
    .find(|(marker, _)| user_agent.contains(marker))
    .map_or("?", |(_, name)| name);
    format!("{browser} · {system}")
}

/// A verification code by email is valid this long, and allows this many tries.
pub const CODE_VALID_SECONDS: i64 = 10 * 60;
pub const CODE_MAX_ATTEMPTS: i64 = 5;
/// A new code may be asked for at most this often.
pub const RESEND_COOLDOWN_SECONDS: i64 = 60;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// Six digits sent by email: the default for patients.
    Email,
    /// An authenticator app: required for staff, optional for patients.
    Totp,
}

/// Proof that the password was right; the second step needs it (held in a short-lived cookie).
#[derive(Debug)]
pub struct Challenge {
    pub token: String,
    pub method: Method,
}

fn email_code_hash(challenge_token: &str, code: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(format!("{challenge_token}:{code}").as_bytes()))
}

fn new_email_code() -> String {
    use rand::Rng;
    format!("{:06}", rand::rngs::OsRng.gen_range(0..1_000_000u32))
}

/// Step one: email and password. `None` for every failure alike (unknown email, locked or
/// inactive account, wrong password), so the page never tells which.
pub async fn start_sign_in(
    db: &store::Db,
    email: &str,
    password: &str,
    meta: &RequestMeta,
    now: i64,
) -> DomainResult<Option<Challenge>> {
    use super::{account, audit, credential};
    let Some(account) = account::find_by_email(db, email).await? else {
        credential::verify_password(password, credential::decoy_hash());
        audit::record(
            db,
            audit::Event {
                actor_id: None,
                organisation_id: None,
                action: "sign_in.failed",
                target: "unknown-email".into(),
            },
            meta,
            now,
        )
        .await?;
        return Ok(None);
    };
    let password_ok = credential::verify_password(
        password,
        account.password_hash.as_deref().unwrap_or(credential::decoy_hash()),
    );
    let target = format!("account:{}", account.id);
    let locked_until: Option<i64> = sqlx::query("SELECT locked_until FROM accounts WHERE id = $1")
        .bind(account.id)
        .fetch_one(db)
        .await?
        .try_get("locked_until")?;
    if locked_until.is_some_and(|until| until > now) {
        audit::record(
            db,
            audit::Event {
                actor_id: Some(account.id),
                organisation_id: None,
                action: "sign_in.refused_locked",
                target,
            },
            meta,
            now,
        )
        .await?;
        return Ok(None);
    }
    if account.status != "active" || !password_ok {
        if account.status == "active" {
            record_failure(db, &account, meta, now).await?;
        }
        audit::record(
            db,
            audit::Event {
                actor_id: Some(account.id),
                organisation_id: None,
                action: "sign_in.failed",
                target,
            },
            meta,
            now,
        )
        .await?;
        return Ok(None);
    }
    if account.password_hash.as_deref().is_some_and(credential::needs_rehash) {
        sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
            .bind(credential::hash_password(password))
            .bind(account.id)
            .execute(db)
            .await?;
    }
    issue_challenge(db, &account, SIGN_IN, meta, now).await.map(Some)
}

/// Not a re-authentication: the challenge starts a new session.
pub const SIGN_IN: i64 = 0;

/// The password was right: the second step begins (a code is mailed unless an app is in use).
async fn issue_challenge(
    db: &store::Db,
    account: &super::account::Account,
    reauth_session_id: i64,
    meta: &RequestMeta,
    now: i64,
) -> DomainResult<Challenge> {
    use super::{audit, notification};
    let (token, token_hash) = super::secret::new_token();
    let method = if account.totp_secret.is_some() { Method::Totp } else { Method::Email };
    let code = (method == Method::Email).then(new_email_code);
    let mut tx = db.begin().await?;
    sqlx::query(
        "INSERT INTO sign_in_challenges (account_id, token_hash, method, code_hash, expires_at, last_sent_at, created_at, reauth_session_id)
         VALUES ($1, $2, $3, $4, $5, $6, $6, $7)",
    )
    .bind(account.id)
    .bind(token_hash)
    .bind(if method == Method::Email { "email" } else { "totp" })
    .bind(code.as_deref().map(|c| email_code_hash(&token, c)))
    .bind(now + CODE_VALID_SECONDS)
    .bind(now)
    .bind(reauth_session_id)
    .execute(&mut *tx)
    .await?;
    if let Some(code) = code {
        notification::enqueue(
            &mut *tx,
            &account.email,
            &notification::verification_code_mail(account.language, &account.given_name, &code),
            now,
        )
        .await?;
        audit::record(
            &mut *tx,
            audit::Event {
                actor_id: Some(account.id),
                organisation_id: None,
                action: "verification_code.sent",
                target: format!("account:{}", account.id),
            },
            meta,
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Challenge { token, method })
}

/// How long a re-authentication lets a person change their email, password or verification method.
pub const REAUTH_VALID_SECONDS: i64 = 5 * 60;

/// Step one of proving again who one is, in an open session: the password. A wrong password
/// counts towards the lock like at sign-in.
pub async fn start_reauth(
    db: &store::Db,
    account: &super::account::Account,
    session_id: i64,
    password: &str,
    meta: &RequestMeta,
    now: i64,
) -> DomainResult<Option<Challenge>> {
    use super::{audit, credential};
    if !account.password_hash.as_deref().is_some_and(|h| credential::verify_password(password, h)) {
        record_failure(db, account, meta, now).await?;
        audit::record(
            db,
            audit::Event {
                actor_id: Some(account.id),
                organisation_id: None,
                action: "reauth.failed",
                target: format!("account:{}", account.id),
            },
            meta,
            now,
        )
        .await?;
        return Ok(None);
    }
    issue_challenge(db, account, session_id, meta, now).await.map(Some)
}

/// True when this session proved again who it is less than five minutes ago.
pub async fn recently_reauthenticated(db: &store::Db, session_id: i64, now: i64) -> DomainResult<bool> {
    let at: Option<i64> = sqlx::query("SELECT reauthenticated_at FROM sessions WHERE id = $1")
        .bind(session_id)
        .fetch_one(db)
        .await?
        .try_get("reauthenticated_at")?;
    Ok(at.is_some_and(|at| at > now - REAUTH_VALID_SECONDS))
}

/// Ends one of the account's own sessions; false if it was not theirs or already over.
pub async fn end_own(
    db: &store::Db,
    account_id: i64,
    session_id: i64,
    meta: &RequestMeta,
    now: i64,
) -> DomainResult<bool> {
    use super::audit;
    let mut tx = db.begin().await?;
    let ended = sqlx::query(
        "UPDATE sessions SET ended_at = $1 WHERE id = $2 AND account_id = $3 AND ended_at IS NULL",
    )
    .bind(now)
    .bind(session_id)
    .bind(account_id)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if ended {
        audit::record(
            &mut *tx,
            audit::Event {
                actor_id: Some(account_id),
                organisation_id: None,
                action: "session.ended",
                target: format!("account:{account_id}"),
            },
            meta,
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(ended)
}

/// Ends every session of the account but `keep`; how many ended.
pub async fn end_others<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
    keep: i64,
    now: i64,
) -> DomainResult<u64> {
    Ok(sqlx::query(
        "UPDATE sessions SET ended_at = $1 WHERE account_id = $2 AND id <> $3 AND ended_at IS NULL",
    )
    .bind(now)
    .bind(account_id)
    .bind(keep)
    .execute(exec)
    .await?
    .rows_affected())
}

struct PendingChallenge {
    id: i64,
    account_id: i64,
    method: Method,
    code_hash: Option<String>,
    last_sent_at: i64,
}

/// The live challenge behind a cookie token, for a sign-in (`reauth_session_id` 0) or for
/// re-authenticating that session: one can never stand in for the other.
async fn pending_challenge(
    db: &store::Db,
    token: &str,
    reauth_session_id: i64,
    now: i64,
) -> DomainResult<Option<PendingChallenge>> {
    let row = sqlx::query(
        "SELECT id, account_id, method, code_hash, last_sent_at FROM sign_in_challenges
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 AND attempts < $3 AND reauth_session_id = $4",
    )
    .bind(super::secret::hash_token(token))
    .bind(now)
    .bind(CODE_MAX_ATTEMPTS)
    .bind(reauth_session_id)
    .fetch_optional(db)
    .await?;
    row.map(|r| {
        Ok(PendingChallenge {
            id: r.try_get("id")?,
            account_id: r.try_get("account_id")?,
            method: if r.try_get::<String, _>("method")? == "totp" { Method::Totp } else { Method::Email },
            code_hash: r.try_get("code_hash")?,
            last_sent_at: r.try_get("last_sent_at")?,
        })
    })
    .transpose()
}

/// How the second step is to be answered, while the challenge is alive.
pub async fn challenge_method(
    db: &store::Db,
    token: &str,
    reauth_session_id: i64,
    now: i64,
) -> DomainResult<Option<Method>> {
    Ok(pending_challenge(db, token, reauth_session_id, now).await?.map(|c| c.method))
}

#[derive(Debug, PartialEq, Eq)]
pub enum CodeOutcome {
    SignedIn {
        session_token: String,
        account_id: i64,
    },
    /// The open session proved again who it is.
    Reauthenticated,
    Wrong {
        remaining_tries: i64,
    },
    /// Expired, used up or unknown: sign in again from the start.
    StartAgain,
}

/// Step two: the code, or one of the recovery codes. Wrong codes are counted atomically (5 per
/// challenge) and also count towards the account lock. `reauth_session_id` is 0 for a sign-in,
/// else the session being re-authenticated.
pub async fn finish_sign_in(
    db: &store::Db,
    token: &str,
    code: &str,
    reauth_session_id: i64,
    meta: &RequestMeta,
    now: i64,
) -> DomainResult<CodeOutcome> {
    use super::{account, audit, credential, recovery_code};
    let Some(challenge) = pending_challenge(db, token, reauth_session_id, now).await? else {
        return Ok(CodeOutcome::StartAgain);
    };
    let account = account::find_by_id(db, challenge.account_id).await?;
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let by_recovery_code = recovery_code::looks_like(&code);
    let right = match challenge.method {
        _ if by_recovery_code => recovery_code::consume(db, account.id, &code, now).await?,
        Method::Email => challenge.code_hash.as_deref() == Some(email_code_hash(token, &code).as_str()),
        Method::Totp => match account.totp_secret.as_deref().and_then(|s| credential::verify_totp(s, &code, now, account.totp_last_step)) {
            // Claim the step atomically so a code cannot be used twice, even by two requests at once.
            Some(step) => sqlx::query("UPDATE accounts SET totp_last_step = $1 WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)")
                .bind(step)
                .bind(account.id)
                .execute(db)
                .await?
                .rows_affected() == 1,
            None => false,
        },
    };
    let target = format!("account:{}", account.id);
    if !right {
        let attempts: Option<i64> = sqlx::query("UPDATE sign_in_challenges SET attempts = attempts + 1 WHERE id = $1 AND attempts < $2 RETURNING attempts")
            .bind(challenge.id)
            .bind(CODE_MAX_ATTEMPTS)
            .fetch_optional(db)
            .await?
            .map(|r| r.try_get("attempts"))
            .transpose()?;
        record_failure(db, &account, meta, now).await?;
        audit::record(
            db,
            audit::Event {
                actor_id: Some(account.id),
                organisation_id: None,
                action: "verification_code.failed",
                target,
            },
            meta,
            now,
        )
        .await?;
        return Ok(match attempts {
            Some(n) if n < CODE_MAX_ATTEMPTS => CodeOutcome::Wrong { remaining_tries: CODE_MAX_ATTEMPTS - n },
            _ => CodeOutcome::StartAgain,
        });
    }
    let mut tx = db.begin().await?;
    let claimed = sqlx::query("UPDATE sign_in_challenges SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
        .bind(now)
        .bind(challenge.id)
        .execute(&mut *tx)
        .await?
        .rows_affected()
        == 1;
    if !claimed {
        return Ok(CodeOutcome::StartAgain);
    }
    sqlx::query("UPDATE accounts SET failed_sign_ins = 0 WHERE id = $1")
        .bind(account.id)
        .execute(&mut *tx)
        .await?;
    if by_recovery_code {
        audit::record(
            &mut *tx,
            audit::Event {
                actor_id: Some(account.id),
                organisation_id: None,
                action: "recovery_code.used",
                target: target.clone(),
            },
            meta,
            now,
        )
        .await?;
    }
    let outcome = if reauth_session_id == SIGN_IN {
        let session_token = start(&mut *tx, account.id, meta, now).await?;
        audit::record(
            &mut *tx,
            audit::Event {
                actor_id: Some(account.id),
                organisation_id: None,
                action: "sign_in.succeeded",
                target,
            },
            meta,
            now,
        )
        .await?;
        CodeOutcome::SignedIn { session_token, account_id: account.id }
    } else {
        sqlx::query("UPDATE sessions SET reauthenticated_at = $1 WHERE id = $2 AND account_id = $3")
            .bind(now)
            .bind(reauth_session_id)
            .bind(account.id)
            .execute(&mut *tx)
            .await?;
        audit::record(
            &mut *tx,
            audit::Event {
                actor_id: Some(account.id),
                organisation_id: None,
                action: "reauth.succeeded",
                target,
            },
            meta,
            now,
        )
        .await?;
        CodeOutcome::Reauthenticated
    };
    tx.commit().await?;
    Ok(outcome)
}

#[derive(Debug, PartialEq, Eq)]
pub enum Resend {
    Sent,
    TooSoon { wait_seconds: i64 },
    StartAgain,
}

/// A new email code replaces the old one; the count of wrong tries is kept.
pub async fn resend_code(
    db: &store::Db,
    token: &str,
    reauth_session_id: i64,
    meta: &RequestMeta,
    now: i64,
) -> DomainResult<Resend> {
    use super::{account, audit, notification};
    let Some(challenge) = pending_challenge(db, token, reauth_session_id, now).await? else {
        return Ok(Resend::StartAgain);
    };
    if challenge.method != Method::Email {
        return Ok(Resend::StartAgain);
    }
    let wait = challenge.last_sent_at + RESEND_COOLDOWN_SECONDS - now;
    if wait > 0 {
        return Ok(Resend::TooSoon { wait_seconds: wait });
    }
    let account = account::find_by_id(db, challenge.account_id).await?;
    let code = new_email_code();
    let mut tx = db.begin().await?;
    sqlx::query("UPDATE sign_in_challenges SET code_hash = $1, last_sent_at = $2 WHERE id = $3")
        .bind(email_code_hash(token, &code))
        .bind(now)
        .bind(challenge.id)
        .execute(&mut *tx)
        .await?;
    notification::enqueue(
        &mut *tx,
        &account.email,
        &notification::verification_code_mail(account.language, &account.given_name, &code),
        now,
    )
    .await?;
    audit::record(
        &mut *tx,
        audit::Event {
            actor_id: Some(account.id),
            organisation_id: None,
            action: "verification_code.sent",
            target: format!("account:{}", account.id),
        },
        meta,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Resend::Sent)
}

/// One more consecutive failure; the 10th locks the account until the next local midnight and
/// tells its owner by email.
async fn record_failure(
    db: &store::Db,
    account: &super::account::Account,
    meta: &RequestMeta,
    now: i64,
) -> DomainResult<()> {
    use super::{account as accounts, audit, notification};
    let failures: i64 = sqlx::query(
        "UPDATE accounts SET failed_sign_ins = failed_sign_ins + 1 WHERE id = $1 RETURNING failed_sign_ins",
    )
    .bind(account.id)
    .fetch_one(db)
    .await?
    .try_get("failed_sign_ins")?;
    if failures < accounts::LOCK_AFTER_FAILURES {
        return Ok(());
    }
    let until = accounts::next_local_midnight(now, &accounts::timezone(db, account.id).await?);
    let mut tx = db.begin().await?;
    let locked = sqlx::query(
        "UPDATE accounts SET locked_until = $1, failed_sign_ins = 0 WHERE id = $2 AND failed_sign_ins >= $3",
    )
    .bind(until)
    .bind(account.id)
    .bind(accounts::LOCK_AFTER_FAILURES)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if locked {
        sqlx::query("UPDATE sessions SET ended_at = $1 WHERE account_id = $2 AND ended_at IS NULL")
            .bind(now)
            .bind(account.id)
            .execute(&mut *tx)
            .await?;
        notification::enqueue(
            &mut *tx,
            &account.email,
            &notification::locked_mail(account.language, &account.given_name),
            now,
        )
        .await?;
        audit::record(
            &mut *tx,
            audit::Event {
                actor_id: Some(account.id),
                organisation_id: None,
                action: "account.locked",
                target: format!("account:{}", account.id),
            },
            meta,
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::device_of;

    #[test]
    fn devices_are_recognised_from_the_user_agent() {
        let firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
        let edge = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";
        let android = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
        assert_eq!(device_of(firefox), "Firefox · Windows");
        assert_eq!(device_of(iphone), "Safari · iOS");
        assert_eq!(device_of(edge), "Edge · Windows");
        assert_eq!(device_of(android), "Chrome · Android");
        assert_eq!(device_of(""), "? · ?");
    }
}
