//! The lock after failed attempts: 10 wrong passwords or codes in a row lock an account until
//! the next midnight of its organisations' clocks, tell its owner by email, and are audited; an
//! administrator or the support desk may lift it sooner.
use super::account::{self, Account};
use crate::domain::Target;
use crate::domain::{notification, store, Ctx, DomainResult};
use sqlx::{Any, Executor, Row, Transaction};

/// Consecutive failed sign-ins that lock an account.
pub const AFTER_FAILURES: i64 = 10;

/// Lifts the account's lock before local midnight and starts its failure count again (an
/// administrator or the support desk unlocking it).
pub async fn lift<'e>(exec: impl Executor<'e, Database = Any>, account_id: i64) -> DomainResult<()> {
    sqlx::query("UPDATE accounts SET locked_until = NULL, failed_sign_ins = 0 WHERE id = $1")
        .bind(account_id)
        .execute(exec)
        .await?;
    Ok(())
}

/// When a lock taken at `now` ends for an account of organisations in `timezones`: 00:00 the next
/// day in each of them, the latest (a person of two organisations is locked until it is the next
/// day in both; sign-in comes before choosing one). No organisation: the platform's time zone.
pub fn ends_at(now: i64, timezones: &[String]) -> i64 {
    timezones
        .iter()
        .map(|zone| next_local_midnight(now, zone))
        .max()
        .unwrap_or_else(|| next_local_midnight(now, crate::domain::calendar::DEFAULT_TIMEZONE))
}

/// The next 00:00 in `timezone`, as epoch seconds.
pub fn next_local_midnight(now: i64, timezone: &str) -> i64 {
    use crate::domain::calendar;
    let tomorrow = calendar::local_date(now, timezone).succ_opt().expect("date in range");
    calendar::day_start(tomorrow, timezone)
}

/// When the account's lock ends, if it is locked at `now`.
pub async fn until(db: &store::Db, account_id: i64, now: i64) -> DomainResult<Option<i64>> {
    let until: Option<i64> = sqlx::query("SELECT locked_until FROM accounts WHERE id = $1")
        .bind(account_id)
        .fetch_one(db)
        .await?
        .try_get("locked_until")?;
    Ok(until.filter(|until| *until > now))
}

/// Counts one more failure; the 10th in a row locks the account, mails its owner and is
/// audited. When this failure locked it (of concurrent ones, exactly one does), the lock is
/// written in the transaction returned, for the caller to end what the lock ends and commit.
pub async fn count_failure(ctx: &Ctx, account: &Account) -> DomainResult<Option<Transaction<'static, Any>>> {
    let (db, now) = (&ctx.db, ctx.now);
    let failures: i64 = sqlx::query(
        "UPDATE accounts SET failed_sign_ins = failed_sign_ins + 1 WHERE id = $1 RETURNING failed_sign_ins",
    )
    .bind(account.id)
    .fetch_one(db)
    .await?
    .try_get("failed_sign_ins")?;
    if failures < AFTER_FAILURES {
        return Ok(None);
    }
    let until = ends_at(now, &account::timezones(db, account.id).await?);
    let mut tx = db.begin().await?;
    let locked = sqlx::query(
        "UPDATE accounts SET locked_until = $1, failed_sign_ins = 0 WHERE id = $2 AND failed_sign_ins >= $3",
    )
    .bind(until)
    .bind(account.id)
    .bind(AFTER_FAILURES)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if !locked {
        return Ok(None);
    }
    notification::enqueue(
        &mut *tx,
        &account.email,
        &notification::locked_mail(account.language, &account.given_name),
        now,
    )
    .await?;
    ctx.by(account.id).audit(&mut *tx, None, "account.locked", Target::Account(account.id)).await?;
    Ok(Some(tx))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn montreal(y: i32, m: u32, d: u32, h: u32, min: u32) -> i64 {
        use chrono::TimeZone;
        chrono_tz::America::Montreal.with_ymd_and_hms(y, m, d, h, min, 0).single().unwrap().timestamp()
    }

    #[test]
    fn lock_ends_at_the_next_local_midnight_across_dst() {
        // An ordinary evening.
        assert_eq!(
            next_local_midnight(montreal(2026, 11, 22, 21, 30), "America/Montreal"),
            montreal(2026, 11, 23, 0, 0)
        );
        // The day clocks go back (1 Nov 2026, 25 hours long): still midnight, 25 h after the previous one.
        assert_eq!(
            next_local_midnight(montreal(2026, 11, 1, 0, 30), "America/Montreal"),
            montreal(2026, 11, 2, 0, 0)
        );
        assert_eq!(montreal(2026, 11, 2, 0, 0) - montreal(2026, 11, 1, 0, 0), 25 * 3600);
        // The day clocks go forward (8 Mar 2026, 23 hours long).
        assert_eq!(
            next_local_midnight(montreal(2026, 3, 8, 12, 0), "America/Montreal"),
            montreal(2026, 3, 9, 0, 0)
        );
        assert_eq!(montreal(2026, 3, 9, 0, 0) - montreal(2026, 3, 8, 0, 0), 23 * 3600);
        // A lock that begins at exactly midnight lasts the whole day.
        assert_eq!(
            next_local_midnight(montreal(2026, 11, 23, 0, 0), "America/Montreal"),
            montreal(2026, 11, 24, 0, 0)
        );
        // Just before midnight, and another organisation's zone.
        assert_eq!(
            next_local_midnight(montreal(2026, 11, 22, 23, 59), "America/Montreal"),
            montreal(2026, 11, 23, 0, 0)
        );
        let vancouver = next_local_midnight(montreal(2026, 11, 22, 23, 59), "America/Vancouver");
        assert_eq!(vancouver, montreal(2026, 11, 23, 3, 0), "midnight in Vancouver is 3 a.m. in Montréal");
    }

    #[test]
    fn a_person_of_several_organisations_is_locked_until_midnight_in_each() {
        let evening = montreal(2026, 11, 22, 21, 30);
        let zones = |names: &[&str]| names.iter().map(|z| z.to_string()).collect::<Vec<_>>();
        // Halifax's midnight comes first, Vancouver's last: the lock lasts until Vancouver's,
        // whatever order the organisations were joined in.
        let both = ends_at(evening, &zones(&["America/Halifax", "America/Vancouver"]));
        assert_eq!(both, montreal(2026, 11, 23, 3, 0));
        assert_eq!(ends_at(evening, &zones(&["America/Vancouver", "America/Halifax"])), both);
        assert_eq!(ends_at(evening, &zones(&["America/Halifax"])), montreal(2026, 11, 22, 23, 0));
        // No organisation (a person whose only tie ended): the platform's clock.
        assert_eq!(ends_at(evening, &[]), montreal(2026, 11, 23, 0, 0));
    }
}
