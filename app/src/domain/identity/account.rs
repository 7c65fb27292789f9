//! People who sign in. The email is the username, unique without regard to case.
use crate::domain::{DomainError, DomainResult};
use crate::i18n::Lang;
use sqlx::{Any, Executor, Row};

/// An email address that passed the basic shape check; `key()` is what uniqueness is judged on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> DomainResult<Self> {
        Self::parse_as(raw, "email")
    }
    /// The address typed in the form's `field`: a refusal names that field.
    pub fn parse_as(raw: &str, field: &'static str) -> DomainResult<Self> {
        let email = raw.trim();
        // What the mailer itself accepts (lettre's parser), and a domain with a dot: an address
        // taken here can always be mailed, so no one waits for a mail that can never leave.
        let valid = email.len() <= 254
            && !email.chars().any(char::is_whitespace)
            && email.parse::<lettre::Address>().is_ok()
            && matches!(email.split_once('@'), Some((local, domain))
                if !local.is_empty() && !domain.contains('@') && domain.contains('.')
                    && !domain.starts_with('.') && !domain.ends_with('.'));
        if valid {
            Ok(Self(email.to_string()))
        } else {
            Err(DomainError::invalid(field, "error-email-invalid"))
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

/// Moves the account from one status to another, or refuses with `refusal` if it is not in `from`
/// (someone else changed it meanwhile).
pub(crate) async fn change_status<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
    from: AccountStatus,
    to: AccountStatus,
    refusal: &'static str,
) -> DomainResult<()> {
    let changed = sqlx::query("UPDATE accounts SET status = $1 WHERE id = $2 AND status = $3")
        .bind(to.code())
        .bind(account_id)
        .bind(from.code())
        .execute(exec)
        .await?
        .rows_affected();
    if changed == 1 {
        Ok(())
    } else {
        Err(DomainError::conflict(None, refusal))
    }
}

/// Whether the account works on some organisation's staff (their administrators suspend it).
pub(crate) async fn is_staff<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
) -> DomainResult<bool> {
    Ok(sqlx::query("SELECT 1 AS one FROM memberships WHERE account_id = $1 AND role <> 'patient'")
        .bind(account_id)
        .fetch_optional(exec)
        .await?
        .is_some())
}

/// Whether the person can sign in yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountStatus {
    /// Created by an administrator or an invitation; the setup link has not been used yet.
    Pending,
    Active,
    /// An administrator stopped the account (e.g. credentials found shared): no sign-in, no session.
    Suspended,
    /// Its holder closed it (`onboarding::closure`): for good, its address set free.
    Closed,
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
            Self::Closed => "closed",
        }
    }
    pub fn parse(code: &str) -> Self {
        match code {
            "active" => Self::Active,
            "suspended" => Self::Suspended,
            "closed" => Self::Closed,
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

impl Account {
    /// Whether `email` is this account's address, whatever its case.
    pub fn has_address(&self, email: &Email) -> bool {
        Email::parse(&self.email).is_ok_and(|own| own.key() == email.key())
    }
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

/// Whether the account is one of the platform's operators (`platform::operator`), who must keep
/// their authenticator app like staff.
pub async fn is_operator<'e>(exec: impl Executor<'e, Database = Any>, account_id: i64) -> DomainResult<bool> {
    Ok(sqlx::query("SELECT 1 AS one FROM operators WHERE account_id = $1")
        .bind(account_id)
        .fetch_optional(exec)
        .await?
        .is_some())
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

/// The time zones of every organisation the account belongs to: as staff, as a patient, as a
/// caregiver. Sorted, each once.
pub async fn timezones<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
) -> DomainResult<Vec<String>> {
    let rows = sqlx::query(
        "SELECT o.timezone FROM organisations o WHERE o.id IN (
             SELECT organisation_id FROM memberships WHERE account_id = $1
             UNION SELECT organisation_id FROM patients WHERE account_id = $1
             UNION SELECT organisation_id FROM caregiver_grants WHERE caregiver_account_id = $1)
         GROUP BY o.timezone ORDER BY o.timezone",
    )
    .bind(account_id)
    .fetch_all(exec)
    .await?;
    Ok(rows.iter().map(|r| r.try_get("timezone")).collect::<Result<_, _>>()?)
}

/// The person's own wall clock (their sessions, access log, lock message): the time zone their
/// organisations share, or the platform's when they share none (or there are none). Never one
/// organisation's picked from several.
pub async fn timezone<'e>(exec: impl Executor<'e, Database = Any>, account_id: i64) -> DomainResult<String> {
    Ok(match timezones(exec, account_id).await?.as_slice() {
        [shared] => shared.clone(),
        _ => crate::domain::calendar::DEFAULT_TIMEZONE.into(),
    })
}

/// Whether the account must keep a phishing-resistant way to sign in: staff and platform
/// operators (an authenticator app or a passkey; emailed codes are not enough, docs/RULES.md §5).
pub async fn needs_strong_factor(db: &crate::domain::store::Db, account_id: i64) -> DomainResult<bool> {
    Ok(memberships(db, account_id).await?.iter().any(|m| m.role.is_staff())
        || is_operator(db, account_id).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

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
            // Shapes the mailer refuses, which the old check let through.
            "marie<x>@example.org",
            "marie@example..org",
            "marie\"@example.org",
            "marie@[example].org",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad} should be refused");
            assert!(
                bad.parse::<lettre::Address>().is_err() || !bad.contains('.'),
                "{bad}: the mailer agrees"
            );
        }
        for good in ["lea.gagnon+portail@example.org", "o'brien@example.qc.ca", "jean-françois@exemple.ca"] {
            assert!(Email::parse(good).is_ok(), "{good} should be taken");
        }
    }
}
