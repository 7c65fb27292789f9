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
        if valid { Ok(Self(email.to_string())) } else { Err(DomainError::Invalid("error-email-invalid")) }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn key(&self) -> String {
        self.0.to_lowercase()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Admin,
    Professional,
    Patient,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Professional => "professional",
            Self::Patient => "patient",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Account {
    pub id: i64,
    pub email: String,
    pub given_name: String,
    pub family_name: String,
    pub language: Lang,
    pub password_hash: Option<String>,
    pub totp_secret: Option<String>,
    pub totp_last_step: Option<i64>,
    pub status: String,
}

const COLUMNS: &str =
    "id, email, given_name, family_name, language, password_hash, totp_secret, totp_last_step, status";

fn from_row(row: &sqlx::any::AnyRow) -> Result<Account, sqlx::Error> {
    Ok(Account {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        given_name: row.try_get("given_name")?,
        family_name: row.try_get("family_name")?,
        language: Lang::from_code(&row.try_get::<String, _>("language")?),
        password_hash: row.try_get("password_hash")?,
        totp_secret: row.try_get("totp_secret")?,
        totp_last_step: row.try_get("totp_last_step")?,
        status: row.try_get("status")?,
    })
}

pub struct NewAccount<'a> {
    pub email: &'a Email,
    pub given_name: &'a str,
    pub family_name: &'a str,
    pub language: Lang,
}

/// Creates an account that cannot sign in until its setup link is used.
pub async fn create<'e>(exec: impl Executor<'e, Database = Any>, new: NewAccount<'_>, now: i64) -> DomainResult<i64> {
    let row = sqlx::query(
        "INSERT INTO accounts (email, email_key, given_name, family_name, language, status, created_at)
         VALUES ($1, $2, $3, $4, $5, 'pending', $6)
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
        None => Err(DomainError::Conflict("error-email-taken")),
    }
}

pub async fn find_by_id<'e>(exec: impl Executor<'e, Database = Any>, id: i64) -> DomainResult<Account> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM accounts WHERE id = $1"))
        .bind(id)
        .fetch_optional(exec)
        .await?
        .ok_or(DomainError::NotFound)?;
    Ok(from_row(&row)?)
}

pub async fn find_by_email<'e>(exec: impl Executor<'e, Database = Any>, email: &str) -> DomainResult<Option<Account>> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM accounts WHERE email_key = $1"))
        .bind(email.trim().to_lowercase())
        .fetch_optional(exec)
        .await?;
    Ok(row.as_ref().map(from_row).transpose()?)
}

pub async fn count<'e>(exec: impl Executor<'e, Database = Any>) -> DomainResult<i64> {
    Ok(sqlx::query("SELECT COUNT(*) AS n FROM accounts").fetch_one(exec).await?.try_get("n")?)
}

/// The organisations this account works in, with its role there, for the staff home page.
pub async fn memberships<'e>(exec: impl Executor<'e, Database = Any>, account_id: i64) -> DomainResult<Vec<(i64, String, String)>> {
    let rows = sqlx::query(
        "SELECT o.id, o.name, m.role FROM memberships m JOIN organisations o ON o.id = m.organisation_id
         WHERE m.account_id = $1 ORDER BY o.name",
    )
    .bind(account_id)
    .fetch_all(exec)
    .await?;
    rows.iter().map(|r| Ok((r.try_get("id")?, r.try_get("name")?, r.try_get("role")?))).collect()
}

pub async fn add_membership<'e>(exec: impl Executor<'e, Database = Any>, account_id: i64, organisation_id: i64, role: Role, now: i64) -> DomainResult<()> {
    sqlx::query(
        "INSERT INTO memberships (account_id, organisation_id, role, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (account_id, organisation_id, role) DO NOTHING",
    )
    .bind(account_id)
    .bind(organisation_id)
    .bind(role.as_str())
    .bind(now)
    .execute(exec)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_shape_and_case_insensitive_key() {
        let email = Email::parse("  Marie.Tremblay@Example.ORG ").unwrap();
        assert_eq!(email.as_str(), "Marie.Tremblay@Example.ORG");
        assert_eq!(email.key(), "marie.tremblay@example.org");
        for bad in ["", "marie", "marie@", "@example.org", "marie@example", "ma rie@example.org", "a@b@c.org", "marie@.org"] {
            assert!(Email::parse(bad).is_err(), "{bad} should be refused");
        }
    }
}
