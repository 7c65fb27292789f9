//! People who sign in. The email is the username, unique without regard to case.
use super::{DomainError, DomainResult};
use crate::i18n::Lang;
use sqlx::{Any, Executor, Row};

/// An email address that passed the basic shape check; `key()` is what uniqueness is judged on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> DomainResult<Self> {
        let email = raw.trim();
        let valid = email.len() <= 254
            && !email.chars().any(char::is_whitespace)
            && matches!(email.split_once('@'), Some((local, domain))
                if !local.is_empty() && !domain.contains('@') && domain.contains('.')
                    && !domain.starts_with('.') && !domain.ends_with('.'));
        if valid {
            Ok(Self(email.to_string()))
        } else {
            Err(DomainError::invalid("email", "error-email-invalid"))
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn key(&self) -> String {
        self.0.to_lowercase()
    }
}

pub use crate::states::Role;

/// Whether the person can sign in yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountStatus {
    /// Created by an administrator or an invitation; the setup link has not been used yet.
    Pending,
    Active,
    /// An administrator stopped the account (e.g. credentials found shared): no sign-in, no session.
    Suspended,
}

impl From<String> for AccountStatus {
    fn from(code: String) -> Self {
        Self::parse(&code)
    }
}

impl AccountStatus {
    pub fn code(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Active => "active",
            Self::Suspended => "suspended",
        }
    }
    pub fn parse(code: &str) -> Self {
        match code {
            "active" => Self::Active,
            "suspended" => Self::Suspended,
            _ => Self::Pending,
        }
    }
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Account {
    pub id: i64,
    pub email: String,
    pub given_name: String,
    pub family_name: String,
    #[sqlx(try_from = "String")]
    pub language: Lang,
    pub password_hash: Option<String>,
    pub totp_secret: Option<String>,
    pub totp_last_step: Option<i64>,
    #[sqlx(try_from = "String")]
    pub status: AccountStatus,
}

/// The account whose column `$1` names; the columns of `Account`.
macro_rules! select_account_where {
    ($filter:literal) => {
        concat!(
            "SELECT id, email, given_name, family_name, language, password_hash, totp_secret, totp_last_step, status
             FROM accounts WHERE ",
            $filter
        )
    };
}

pub struct NewAccount<'a> {
    pub email: &'a Email,
    pub given_name: &'a str,
    pub family_name: &'a str,
    pub language: Lang,
}

/// Creates an account that cannot sign in until its setup link is used.
pub async fn create<'e>(
    exec: impl Executor<'e, Database = Any>,
    new: NewAccount<'_>,
    now: i64,
) -> DomainResult<i64> {
    let row = sqlx::query(
        "INSERT INTO accounts (email, email_key, given_name, family_name, language, interface_language, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $5, 'pending', $6)
         ON CONFLICT (email_key) DO NOTHING RETURNING id",
    )
    .bind(new.email.as_str())
    .bind(new.email.key())
    .bind(new.given_name.trim())
    .bind(new.family_name.trim())
    .bind(new.language.code())
    .bind(now)
    .fetch_optional(exec)
    .await?;
    match row {
        Some(row) => Ok(row.try_get("id")?),
        None => Err(DomainError::conflict(Some("email"), "error-email-taken")),
    }
}

pub async fn find_by_id<'e>(exec: impl Executor<'e, Database = Any>, id: i64) -> DomainResult<Account> {
    sqlx::query_as(select_account_where!("id = $1"))
        .bind(id)
        .fetch_optional(exec)
        .await?
        .ok_or(DomainError::NotFound)
}

pub async fn find_by_email<'e>(
    exec: impl Executor<'e, Database = Any>,
    email: &str,
) -> DomainResult<Option<Account>> {
    Ok(sqlx::query_as(select_account_where!("email_key = $1"))
        .bind(email.trim().to_lowercase())
        .fetch_optional(exec)
        .await?)
}

pub async fn count<'e>(exec: impl Executor<'e, Database = Any>) -> DomainResult<i64> {
    Ok(sqlx::query("SELECT COUNT(*) AS n FROM accounts").fetch_one(exec).await?.try_get("n")?)
}

/// The date of birth in the person's (first) clinical record, if they are a patient.
pub async fn birth_date<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
) -> DomainResult<Option<String>> {
    let row =
        sqlx::query("SELECT birth_date FROM patients WHERE account_id = $1 ORDER BY created_at LIMIT 1")
            .bind(account_id)
            .fetch_optional(exec)
            .await?;
    Ok(row.map(|r| r.try_get("birth_date")).transpose()?)
}

/// An organisation the account belongs to, and as what.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Membership {
    pub organisation_id: i64,
    pub organisation: String,
    #[sqlx(try_from = "String")]
    pub role: Role,
}

/// The organisations this account works in, with its role there, for the staff home page.
pub async fn memberships<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
) -> DomainResult<Vec<Membership>> {
    Ok(sqlx::query_as(
        "SELECT o.id AS organisation_id, o.name AS organisation, m.role FROM memberships m
         JOIN organisations o ON o.id = m.organisation_id WHERE m.account_id = $1 ORDER BY o.name",
    )
    .bind(account_id)
    .fetch_all(exec)
    .await?)
}

pub async fn add_membership<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
    organisation_id: i64,
    role: Role,
    now: i64,
) -> DomainResult<()> {
    sqlx::query(
        "INSERT INTO memberships (account_id, organisation_id, role, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (account_id, organisation_id, role) DO NOTHING",
    )
    .bind(account_id)
    .bind(organisation_id)
    .bind(role.code())
    .bind(now)
    .execute(exec)
    .await?;
    Ok(())
}

/// Consecutive failed sign-ins that lock an account.
pub const LOCK_AFTER_FAILURES: i64 = 10;

/// Lifts the account's lock before local midnight and starts its failure count again (an
/// administrator or the support desk unlocking it).
pub async fn lift_lock<'e>(exec: impl Executor<'e, Database = Any>, account_id: i64) -> DomainResult<()> {
    sqlx::query("UPDATE accounts SET locked_until = NULL, failed_sign_ins = 0 WHERE id = $1")
        .bind(account_id)
        .execute(exec)
        .await?;
    Ok(())
}

/// The next 00:00 in the organisation's time zone, as epoch seconds: when a lock ends. Computed
/// on the local calendar, so a day of 23 or 25 hours (DST) still ends at local midnight.
pub fn next_local_midnight(now: i64, timezone: &str) -> i64 {
    use chrono::{Days, TimeZone};
    let tz: chrono_tz::Tz = timezone.parse().unwrap_or(chrono_tz::America::Montreal);
    let local = tz.timestamp_opt(now, 0).single().expect("valid timestamp");
    let tomorrow = local.date_naive().checked_add_days(Days::new(1)).expect("date in range");
    let midnight = tomorrow.and_hms_opt(0, 0, 0).expect("valid time");
    // Midnight always exists in the zones we serve; if a zone skipped it, take the earliest valid instant.
    tz.from_local_datetime(&midnight)
        .earliest()
        .unwrap_or_else(|| tz.from_utc_datetime(&midnight))
        .timestamp()
}

/// The time zone of the (first) organisation the account belongs to.
pub async fn timezone<'e>(exec: impl Executor<'e, Database = Any>, account_id: i64) -> DomainResult<String> {
    let row = sqlx::query(
        "SELECT o.timezone FROM memberships m JOIN organisations o ON o.id = m.organisation_id
         WHERE m.account_id = $1 ORDER BY m.created_at LIMIT 1",
    )
    .bind(account_id)
    .fetch_optional(exec)
    .await?;
    Ok(row.map(|r| r.try_get("timezone")).transpose()?.unwrap_or_else(|| "America/Montreal".into()))
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
    fn email_shape_and_case_insensitive_key() {
        let email = Email::parse("  Marie.Tremblay@Example.ORG ").unwrap();
        assert_eq!(email.as_str(), "Marie.Tremblay@Example.ORG");
        assert_eq!(email.key(), "marie.tremblay@example.org");
        for bad in [
            "",
            "marie",
            "marie@",
            "@example.org",
            "marie@example",
            "ma rie@example.org",
            "a@b@c.org",
            "marie@.org",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad} should be refused");
        }
    }
}
