//! The numbers an administrator watches: the invitations sent each week over the last 12 weeks and
//! what became of them, the accounts locked now, the staff who have not activated yet, and the mail
//! queue.
use crate::domain::onboarding::invitation::{self, InvitationState};
use crate::domain::{calendar, notification, store, DomainResult};
use chrono::{Datelike, Days, NaiveDate};

/// Weeks shown, the current one last.
pub const WEEKS: usize = 12;

/// One week's invitations, counted by what became of them (as of now).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Week {
    /// The Monday it starts on, in the organisation's calendar.
    pub monday: NaiveDate,
    pub sent: i64,
    pub redeemed: i64,
    pub expired: i64,
    pub void: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overview {
    pub weeks: Vec<Week>,
    pub locked_now: i64,
    pub staff_pending: i64,
    /// The organisation's own mails in the outbox.
    pub mail_waiting: i64,
    pub mail_failed: i64,
}

#[derive(sqlx::FromRow)]
struct Sent {
    created_at: i64,
    status: String,
    failed_attempts: i64,
    expires_at: i64,
}

/// The local Monday `weeks_back` weeks before the one holding `now`, and its first instant.
fn monday(now: i64, timezone: &str, weeks_back: u64) -> (NaiveDate, i64) {
    let today = calendar::local_date(now, timezone);
    let this_monday = today - Days::new(u64::from(today.weekday().num_days_from_monday()));
    let day = this_monday - Days::new(7 * weeks_back);
    (day, calendar::day_start(day, timezone))
}

pub async fn read(db: &store::Db, organisation_id: i64, now: i64, timezone: &str) -> DomainResult<Overview> {
    let bounds: Vec<(NaiveDate, i64)> =
        (0..WEEKS as u64).rev().map(|back| monday(now, timezone, back)).collect();
    let since = bounds[0].1;
    let sent: Vec<Sent> = sqlx::query_as(
        "SELECT created_at, status, failed_attempts, expires_at FROM invitations
         WHERE organisation_id = $1 AND created_at >= $2",
    )
    .bind(organisation_id)
    .bind(since)
    .fetch_all(db)
    .await?;
    let mut weeks: Vec<Week> =
        bounds.iter().map(|(monday, _)| Week { monday: *monday, ..Week::default() }).collect();
    for invitation in sent {
        let Some(index) = bounds.iter().rposition(|(_, start)| *start <= invitation.created_at) else {
            continue;
        };
        let week = &mut weeks[index];
        week.sent += 1;
        match invitation::state(&invitation.status, invitation.failed_attempts, invitation.expires_at, now) {
            InvitationState::Redeemed => week.redeemed += 1,
            InvitationState::Expired => week.expired += 1,
            InvitationState::Void => week.void += 1,
            InvitationState::Pending | InvitationState::Replaced => {}
        }
    }
    use sqlx::Row;
    let row = sqlx::query(
        "SELECT
            (SELECT COUNT(*) FROM accounts a WHERE a.locked_until > $2
               AND (EXISTS (SELECT 1 FROM memberships m WHERE m.account_id = a.id AND m.organisation_id = $1)
                    OR EXISTS (SELECT 1 FROM caregiver_grants g WHERE g.caregiver_account_id = a.id AND g.organisation_id = $1))) AS locked_now,
            (SELECT COUNT(DISTINCT m.account_id) FROM memberships m JOIN accounts a ON a.id = m.account_id
              WHERE m.organisation_id = $1 AND m.role <> 'patient' AND a.status = 'pending') AS staff_pending",
    )
    .bind(organisation_id)
    .bind(now)
    .fetch_one(db)
    .await?;
    let (mail_waiting, mail_failed) = notification::counts_of(db, organisation_id).await?;
    Ok(Overview {
        weeks,
        locked_now: row.try_get("locked_now")?,
        staff_pending: row.try_get("staff_pending")?,
        mail_waiting,
        mail_failed,
    })
}
