//! What an organisation is called, where it is and in which time zone it works, as its
//! administrators keep it (first typed on its request to join); and its first steps: what a new
//! organisation does before its patients arrive, each ticked by the thing being done.
use crate::domain::patient::profile;
use crate::domain::Target;
use crate::domain::{store, Ctx, DomainError, DomainResult};
use sqlx::Row;

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Details {
    pub name: String,
    pub address: String,
    pub phone: String,
    pub timezone: String,
}

/// What an administrator typed.
pub struct Typed<'a> {
    pub name: &'a str,
    pub address: &'a str,
    pub phone: &'a str,
    pub timezone: &'a str,
}

/// Checks the form in the order it reads. An organisation installed before it had an address
/// (`portail bootstrap`) is asked for one when its details are saved.
pub fn read(typed: &Typed) -> DomainResult<Details> {
    Ok(Details {
        name: profile::required_line(typed.name, "organisation_name", "error-join-legal-name-required")?,
        address: profile::required_line(
            typed.address,
            "organisation_address",
            "error-join-address-required",
        )?,
        phone: profile::required_phone(typed.phone, "organisation_phone")?,
        timezone: crate::time_zones::known(typed.timezone)
            .ok_or(DomainError::invalid("timezone", "error-time-zone-unknown"))?
            .to_string(),
    })
}

pub async fn of(db: &store::Db, organisation_id: i64) -> DomainResult<Details> {
    sqlx::query_as("SELECT name, address, phone, timezone FROM organisations WHERE id = $1")
        .bind(organisation_id)
        .fetch_optional(db)
        .await?
        .ok_or(DomainError::NotFound)
}

/// Saves what was typed (checked by `read`) and counts the details as confirmed; audited.
pub async fn save(ctx: &Ctx, organisation_id: i64, typed: &Typed<'_>) -> DomainResult<()> {
    let details = read(typed)?;
    let mut tx = ctx.db.begin().await?;
    sqlx::query(
        "UPDATE organisations SET name = $1, address = $2, phone = $3, timezone = $4,
                details_confirmed_at = COALESCE(details_confirmed_at, $5)
         WHERE id = $6",
    )
    .bind(&details.name)
    .bind(&details.address)
    .bind(&details.phone)
    .bind(&details.timezone)
    .bind(ctx.now)
    .bind(organisation_id)
    .execute(&mut *tx)
    .await?;
    ctx.audit(
        &mut *tx,
        Some(organisation_id),
        "organisation.details_changed",
        Target::Organisation(organisation_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A new organisation's first steps, in the order the checklist gives them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FirstSteps {
    /// An administrator saved the organisation's details.
    pub details_confirmed: bool,
    /// Someone besides the first administrator was added or asked to join.
    pub team_added: bool,
    /// The support desk has a phone for the Contact page.
    pub support_set: bool,
    pub care_team_created: bool,
    pub patients_invited: bool,
}

pub async fn first_steps(db: &store::Db, organisation_id: i64) -> DomainResult<FirstSteps> {
    let row = sqlx::query(
        "SELECT CAST(CASE WHEN o.details_confirmed_at IS NULL THEN 0 ELSE 1 END AS BIGINT) AS details,
                (SELECT COUNT(DISTINCT account_id) FROM memberships
                  WHERE organisation_id = o.id AND role <> 'patient')
                + (SELECT COUNT(*) FROM staff_invitations WHERE organisation_id = o.id) AS staff,
                CAST(CASE WHEN o.support_phone = '' THEN 0 ELSE 1 END AS BIGINT) AS support,
                (SELECT COUNT(*) FROM (SELECT 1 FROM care_teams WHERE organisation_id = $1 LIMIT 1) t) AS teams,
                (SELECT COUNT(*) FROM (SELECT 1 FROM patients WHERE organisation_id = $1 LIMIT 1) p) AS invited
         FROM organisations o WHERE o.id = $1",
    )
    .bind(organisation_id)
    .fetch_optional(db)
    .await?
    .ok_or(DomainError::NotFound)?;
    Ok(FirstSteps {
        details_confirmed: row.try_get::<i64, _>("details")? > 0,
        team_added: row.try_get::<i64, _>("staff")? > 1,
        support_set: row.try_get::<i64, _>("support")? > 0,
        care_team_created: row.try_get::<i64, _>("teams")? > 0,
        patients_invited: row.try_get::<i64, _>("invited")? > 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(name: &str, address: &str, phone: &str, timezone: &str) -> Option<&'static str> {
        match read(&Typed { name, address, phone, timezone }) {
            Err(DomainError::Invalid { field, .. }) => field,
            _ => None,
        }
    }

    #[test]
    fn details_are_whole_and_the_zone_canadian() {
        let details = read(&Typed {
            name: " Clinique du Parc ",
            address: "123, rue Saint-Denis, Montréal (Québec) H2X 1Y4",
            phone: "514 555 0100",
            timezone: "America/Regina",
        })
        .unwrap();
        assert_eq!(details.name, "Clinique du Parc");
        assert_eq!(details.phone, "514-555-0100");
        let address = "1 rue A";
        assert_eq!(refused("", address, "514 555 0100", "America/Montreal"), Some("organisation_name"));
        assert_eq!(refused("Clinique", "", "514 555 0100", "America/Montreal"), Some("organisation_address"));
        assert_eq!(refused("Clinique", address, "555", "America/Montreal"), Some("organisation_phone"));
        assert_eq!(refused("Clinique", address, "", "America/Montreal"), Some("organisation_phone"));
        assert_eq!(refused("Clinique", address, "514 555 0100", "Europe/Paris"), Some("timezone"));
        assert_eq!(
            refused(&"x".repeat(profile::LINE_MAX + 1), address, "514 555 0100", "America/Montreal"),
            Some("organisation_name")
        );
    }
}
