//! Erasing the records that serve only a moment once their moment is over (the hourly job). The
//! periods live in `states::kept_days`, which the privacy policy quotes. Health records
//! (messages, files, answers), accounts and the audit trail are never erased here; the requests
//! to join and the lists of patients forget their own leftovers (`joining`, `patient_import`), and
//! remembered browsers are forgotten by their own module (`known_browser::forget_unused`).
use crate::domain::identity::known_browser;
use crate::domain::{store, DomainResult};
use crate::states::kept_days;

const DAY: i64 = 24 * 60 * 60;

/// How many rows one purge erased, by kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Erased {
    pub sessions: u64,
    pub sign_in_steps: u64,
    pub mail_links: u64,
    pub sent_mail: u64,
    pub remembered_browsers: u64,
    pub limit_buckets: u64,
}

impl Erased {
    pub fn total(&self) -> u64 {
        self.sessions
            + self.sign_in_steps
            + self.mail_links
            + self.sent_mail
            + self.remembered_browsers
            + self.limit_buckets
    }
}

/// Erases everything past its period at `now`. Each kind is its own statement: a purge cut short
/// leaves the rest for the next hour, and nothing it erases is still read by a live flow.
pub async fn purge(db: &store::Db, now: i64) -> DomainResult<Erased> {
    let before = |days: i64| now - days * DAY;
    let sessions = erase(
        db,
        "DELETE FROM sessions WHERE last_seen_at < $1
           AND id NOT IN (SELECT MAX(id) FROM sessions GROUP BY account_id)",
        before(kept_days::SESSIONS),
    )
    .await?;
    let mut sign_in_steps = 0;
    for statement in [
        "DELETE FROM sign_in_challenges WHERE expires_at < $1",
        "DELETE FROM passkey_ceremonies WHERE expires_at < $1",
    ] {
        sign_in_steps += erase(db, statement, before(kept_days::SIGN_IN_STEPS)).await?;
    }
    let links = before(kept_days::MAIL_LINKS);
    let mut mail_links = 0;
    for statement in [
        "DELETE FROM setup_links WHERE expires_at < $1",
        "DELETE FROM password_resets WHERE expires_at < $1",
        "DELETE FROM email_changes WHERE expires_at < $1 AND report_until < $1",
    ] {
        mail_links += erase(db, statement, links).await?;
    }
    let sent_mail = erase(
        db,
        "DELETE FROM outbox WHERE status IN ('sent', 'failed') AND COALESCE(sent_at, next_attempt_at) < $1",
        before(kept_days::SENT_MAIL),
    )
    .await?;
    let remembered_browsers = known_browser::forget_unused(db, now).await?;
    let limit_buckets =
        erase(db, "DELETE FROM throttle_buckets WHERE at < $1", before(kept_days::LIMIT_BUCKETS)).await?;
    Ok(Erased { sessions, sign_in_steps, mail_links, sent_mail, remembered_browsers, limit_buckets })
}

async fn erase(db: &store::Db, statement: &str, before: i64) -> DomainResult<u64> {
    Ok(sqlx::query(statement).bind(before).execute(db).await?.rows_affected())
}
