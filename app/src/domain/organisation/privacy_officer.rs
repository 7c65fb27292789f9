//! Whom people ask about their personal information in an organisation: its privacy officer's
//! name and an email or a phone, set by its administrators. The privacy policy names them to the
//! people who belong to the organisation (its staff, its patients, their caregivers).
use crate::domain::identity::account::Email;
use crate::domain::patient::profile;
use crate::domain::Target;
use crate::domain::{store, Ctx, DomainError, DomainResult};
use sqlx::Row;

/// The longest name taken.
const NAME_MAX: usize = 200;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PrivacyOfficer {
    pub organisation: String,
    pub name: String,
    /// Empty when not given (then the phone is).
    pub email: String,
    /// `514-555-0123`, or empty when not given (then the email is).
    pub phone: String,
}

/// What an administrator typed; all three empty clears the contact.
pub struct Typed<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub phone: &'a str,
}

/// Checks a typed contact: a name, and a way to reach them (an email, a phone or both); or
/// nothing at all. The refusal names the first wrong field.
pub fn read(typed: &Typed) -> DomainResult<(String, String, String)> {
    let (name, email, phone) = (typed.name.trim(), typed.email.trim(), typed.phone.trim());
    if name.is_empty() && email.is_empty() && phone.is_empty() {
        return Ok(Default::default());
    }
    if name.is_empty() {
        return Err(DomainError::invalid("privacy_name", "error-privacy-officer-name-required"));
    }
    let name =
        profile::line(name, NAME_MAX).ok_or(DomainError::invalid("privacy_name", "error-line-too-long"))?;
    let email = match email {
        "" => String::new(),
        email => Email::parse_as(email, "privacy_email")?.as_str().to_string(),
    };
    let phone = profile::phone(phone).ok_or(DomainError::invalid("privacy_phone", "error-phone-invalid"))?;
    if email.is_empty() && phone.is_empty() {
        return Err(DomainError::invalid("privacy_email", "error-privacy-officer-reach-required"));
    }
    Ok((name, email, phone))
}

/// The organisation's privacy officer as its administrators set it (empty fields when not set).
pub async fn of(db: &store::Db, organisation_id: i64) -> DomainResult<PrivacyOfficer> {
    load(db, "o.id = $1", organisation_id).await?.pop().ok_or(DomainError::NotFound)
}

/// Replaces the organisation's privacy officer with what was typed (checked by `read`), audited.
pub async fn save(ctx: &Ctx, organisation_id: i64, typed: &Typed<'_>) -> DomainResult<()> {
    let (name, email, phone) = read(typed)?;
    let mut tx = ctx.db.begin().await?;
    sqlx::query(
        "UPDATE organisations SET privacy_officer_name = $1, privacy_officer_email = $2, privacy_officer_phone = $3
         WHERE id = $4",
    )
    .bind(&name)
    .bind(&email)
    .bind(&phone)
    .bind(organisation_id)
    .execute(&mut *tx)
    .await?;
    ctx.audit(
        &mut *tx,
        Some(organisation_id),
        "organisation.privacy_officer_changed",
        Target::Organisation(organisation_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The privacy officers of the organisations `reader` belongs to that named one, by organisation.
pub async fn published(db: &store::Db, reader: i64) -> DomainResult<Vec<PrivacyOfficer>> {
    let condition = format!("o.privacy_officer_name <> '' AND {}", super::READERS_ORGANISATIONS);
    load(db, &condition, reader).await
}

async fn load(db: &store::Db, condition: &str, parameter: i64) -> DomainResult<Vec<PrivacyOfficer>> {
    let sql = format!(
        "SELECT o.name, o.privacy_officer_name, o.privacy_officer_email, o.privacy_officer_phone
         FROM organisations o WHERE {condition} ORDER BY o.name"
    );
    let rows = sqlx::query(&sql).bind(parameter).fetch_all(db).await?;
    rows.iter()
        .map(|row| {
            Ok(PrivacyOfficer {
                organisation: row.try_get("name")?,
                name: row.try_get("privacy_officer_name")?,
                email: row.try_get("privacy_officer_email")?,
                phone: row.try_get("privacy_officer_phone")?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(name: &str, email: &str, phone: &str) -> Option<&'static str> {
        match read(&Typed { name, email, phone }) {
            Err(DomainError::Invalid { field, .. }) => field,
            _ => None,
        }
    }

    #[test]
    fn a_name_and_a_way_to_reach_them_or_nothing() {
        assert_eq!(read(&Typed { name: "", email: " ", phone: "" }).unwrap(), Default::default());
        assert_eq!(
            read(&Typed { name: " Rita Morin ", email: "", phone: "514 555 0142" }).unwrap(),
            ("Rita Morin".to_string(), String::new(), "514-555-0142".to_string())
        );
        assert_eq!(refused("", "vie.privee@example.org", ""), Some("privacy_name"));
        assert_eq!(refused("Rita Morin", "", ""), Some("privacy_email"));
        assert_eq!(refused("Rita Morin", "rita@", ""), Some("privacy_email"));
        assert_eq!(refused("Rita Morin", "", "555"), Some("privacy_phone"));
        assert_eq!(refused(&"x".repeat(NAME_MAX + 1), "rita@example.org", ""), Some("privacy_name"));
    }
}
