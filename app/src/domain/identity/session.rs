//! Server-side sessions. The cookie holds a random 128-bit token; the database keeps its hash.
//! A session ends after 30 minutes without activity, 12 hours after sign-in, or at sign-out.
use crate::domain::Target;
use crate::domain::{secret, store, Ctx, DomainResult};
use sqlx::{Any, Executor, Row};

pub const IDLE_SECONDS: i64 = crate::states::SESSION_IDLE_SECONDS;
pub const ABSOLUTE_SECONDS: i64 = 12 * 60 * 60;
/// Last activity is written at most this often, so reading pages does not write on every request.
const TOUCH_EVERY_SECONDS: i64 = 60;
/// How long a re-authentication lets a person change their email, password or verification method.
pub const REAUTH_VALID_SECONDS: i64 = 5 * 60;

pub async fn start<'e>(
    exec: impl Executor<'e, Database = Any>,
    ctx: &Ctx,
    account_id: i64,
) -> DomainResult<String> {
    let now = ctx.now;
    let (token, hash) = secret::new_token();
    sqlx::query(
        "INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at, ip, user_agent) VALUES ($1, $2, $3, $3, $4, $5)",
    )
    .bind(hash)
    .bind(account_id)
    .bind(now)
    .bind(&ctx.meta.ip)
    .bind(ctx.meta.user_agent.chars().take(300).collect::<String>())
    .execute(exec)
    .await?;
    Ok(token)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActiveSession {
    pub session_id: i64,
    pub account_id: i64,
    /// The organisation the person chose to work in during this session (`membership::work_in`).
    pub organisation_id: Option<i64>,
}

/// What a request says about the person behind it. Only the person's own doing keeps a session
/// alive: a page they open, a form they post, or their browser reporting that they typed or
/// clicked (`keep_alive`). What an open page fetches by itself (new messages every 5 s, the
/// header after a navigation) is `Background`, so a tab left open still signs out when idle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Activity {
    Person,
    Background,
}

/// The live session behind a cookie token, if any; the person's activity refreshes it.
pub async fn resolve(
    db: &store::Db,
    token: &str,
    now: i64,
    activity: Activity,
) -> DomainResult<Option<ActiveSession>> {
    let row = sqlx::query(
        "SELECT id, account_id, organisation_id, last_seen_at FROM sessions
         WHERE token_hash = $1 AND ended_at IS NULL AND last_seen_at > $2 AND created_at > $3",
    )
    .bind(secret::hash_token(token))
    .bind(now - IDLE_SECONDS)
    .bind(now - ABSOLUTE_SECONDS)
    .fetch_optional(db)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let session = ActiveSession {
        session_id: row.try_get("id")?,
        account_id: row.try_get("account_id")?,
        organisation_id: row.try_get("organisation_id")?,
    };
    if activity == Activity::Person && now - row.try_get::<i64, _>("last_seen_at")? >= TOUCH_EVERY_SECONDS {
        touch(db, session.session_id, now).await?;
    }
    Ok(Some(session))
}

/// The person is here (their browser saw them type or click): the idle clock starts again.
pub async fn touch(db: &store::Db, session_id: i64, now: i64) -> DomainResult<()> {
    sqlx::query(
        "UPDATE sessions SET last_seen_at = $1 WHERE id = $2 AND ended_at IS NULL AND last_seen_at < $1",
    )
    .bind(now)
    .bind(session_id)
    .execute(db)
    .await?;
    Ok(())
}

/// Seconds before a live session ends by itself — idle, or at the 12-hour cap, whichever is
/// first — and whether it is the cap (which no activity moves).
pub async fn time_left(db: &store::Db, session_id: i64, now: i64) -> DomainResult<crate::states::TimeLeft> {
    let row = sqlx::query("SELECT created_at, last_seen_at FROM sessions WHERE id = $1")
        .bind(session_id)
        .fetch_one(db)
        .await?;
    let (created, seen): (i64, i64) = (row.try_get("created_at")?, row.try_get("last_seen_at")?);
    let (idle_end, cap) = (seen + IDLE_SECONDS, created + ABSOLUTE_SECONDS);
    Ok(crate::states::TimeLeft { seconds: (idle_end.min(cap) - now).max(0), at_cap: cap <= idle_end })
}

/// Whether the session behind a token ended because nobody used it for 30 minutes (not signed
/// out, not past the 12-hour cap): the sign-in page then says so.
pub async fn ended_idle(db: &store::Db, token: &str, now: i64) -> DomainResult<bool> {
    Ok(sqlx::query(
        "SELECT id FROM sessions
         WHERE token_hash = $1 AND ended_at IS NULL AND last_seen_at <= $2 AND created_at > $3",
    )
    .bind(secret::hash_token(token))
    .bind(now - IDLE_SECONDS)
    .bind(now - ABSOLUTE_SECONDS)
    .fetch_optional(db)
    .await?
    .is_some())
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
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SessionInfo {
    pub id: i64,
    /// "Firefox · Windows", from the user agent.
    #[sqlx(rename = "user_agent", try_from = "String")]
    pub device: Device,
    pub ip: String,
    pub last_seen_at: i64,
}

/// The browser and system a session was opened from, as its owner recognises them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Device(pub String);

impl From<String> for Device {
    fn from(user_agent: String) -> Self {
        Self(device_of(&user_agent))
    }
}

pub async fn active_for(db: &store::Db, account_id: i64, now: i64) -> DomainResult<Vec<SessionInfo>> {
    Ok(sqlx::query_as(
        "SELECT id, user_agent, ip, last_seen_at FROM sessions
         WHERE account_id = $1 AND ended_at IS NULL AND last_seen_at > $2 AND created_at > $3 ORDER BY last_seen_at DESC",
    )
    .bind(account_id)
    .bind(now - IDLE_SECONDS)
    .bind(now - ABSOLUTE_SECONDS)
    .fetch_all(db)
    .await?)
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
pub async fn end_own(ctx: &Ctx, account_id: i64, session_id: i64) -> DomainResult<bool> {
    let (db, now) = (&ctx.db, ctx.now);

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
        ctx.audit(&mut *tx, None, "session.ended", Target::Account(account_id)).await?;
    }
    tx.commit().await?;
    Ok(ended)
}

/// Ends every session of the account (a reset password, a reported email change).
pub async fn end_all<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
    now: i64,
) -> DomainResult<()> {
    sqlx::query("UPDATE sessions SET ended_at = $1 WHERE account_id = $2 AND ended_at IS NULL")
        .bind(now)
        .bind(account_id)
        .execute(exec)
        .await?;
    Ok(())
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
