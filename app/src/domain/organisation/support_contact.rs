//! An organisation's support desk as the Contact page shows it: the phone number people call, the
//! address they write to and the hours it answers, set by the organisation's administrators. An
//! organisation that set none of them publishes nothing.
use crate::domain::identity::account::Email;
use crate::domain::patient::profile;
use crate::domain::Target;
use crate::domain::{store, Ctx, DomainError, DomainResult};
use crate::hours::{self, OpenDay, FIELDS};
use chrono::NaiveTime;
use sqlx::Row;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SupportContact {
    pub organisation_id: i64,
    pub organisation: String,
    /// `514-555-0123`, or empty when not given.
    pub phone: String,
    /// The desk's address, or empty when not given.
    pub email: String,
    /// Open days, Monday first; none when not given.
    pub hours: Vec<OpenDay>,
}

/// What an administrator typed: the phone number, the address, and each weekday's opening and
/// closing times (Monday first; both empty for a closed day).
pub struct Typed<'a> {
    pub phone: &'a str,
    pub email: &'a str,
    pub days: [(&'a str, &'a str); 7],
}

/// A typed desk that passed the checks.
#[derive(Debug, PartialEq, Eq)]
pub struct Checked {
    pub phone: String,
    pub email: String,
    pub open: Vec<OpenDay>,
}

/// Checks a typed desk in form order: the phone a North American number (or none), the address
/// one that can be mailed (or none), each day both times or neither, and closing after opening.
/// The refusal names the first wrong field.
pub fn read(typed: &Typed) -> DomainResult<Checked> {
    let phone = profile::phone(typed.phone)
        .ok_or(DomainError::invalid("support_phone", "error-home-phone-invalid"))?;
    let email = match typed.email.trim() {
        "" => String::new(),
        email => Email::parse_as(email, "support_email")?.as_str().to_string(),
    };
    let mut open = Vec::new();
    for (weekday, ((opens, closes), [opens_field, closes_field])) in
        (1..=7u8).zip(typed.days.iter().zip(FIELDS))
    {
        let time = |raw: &str, field| match raw.trim() {
            "" => Ok(None),
            raw => hours::parse_time(raw)
                .map(Some)
                .ok_or(DomainError::invalid(field, "error-hours-time-invalid")),
        };
        match (time(opens, opens_field)?, time(closes, closes_field)?) {
            (None, None) => {}
            (Some(_), None) => return Err(DomainError::invalid(closes_field, "error-hours-both")),
            (None, Some(_)) => return Err(DomainError::invalid(opens_field, "error-hours-both")),
            (Some(opens), Some(closes)) if closes <= opens => {
                return Err(DomainError::invalid(closes_field, "error-hours-order"))
            }
            (Some(opens), Some(closes)) => open.push(OpenDay { weekday, opens, closes }),
        }
    }
    Ok(Checked { phone, email, open })
}

/// The organisation's support contact as its administrators set it.
pub async fn of(db: &store::Db, organisation_id: i64) -> DomainResult<SupportContact> {
    load(db, "o.id = $1", Some(organisation_id)).await?.pop().ok_or(DomainError::NotFound)
}

/// Replaces the organisation's phone, address and hours with what was typed (checked by `read`),
/// audited.
pub async fn save(ctx: &Ctx, organisation_id: i64, typed: &Typed<'_>) -> DomainResult<()> {
    let Checked { phone, email, open } = read(typed)?;
    let mut tx = ctx.db.begin().await?;
    sqlx::query("UPDATE organisations SET support_phone = $1, support_email = $2 WHERE id = $3")
        .bind(&phone)
        .bind(&email)
        .bind(organisation_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM support_hours WHERE organisation_id = $1")
        .bind(organisation_id)
        .execute(&mut *tx)
        .await?;
    for day in &open {
        sqlx::query(
            "INSERT INTO support_hours (organisation_id, weekday, opens, closes) VALUES ($1, $2, $3, $4)",
        )
        .bind(organisation_id)
        .bind(i64::from(day.weekday))
        .bind(hours::field_value(day.opens))
        .bind(hours::field_value(day.closes))
        .execute(&mut *tx)
        .await?;
    }
    ctx.audit(
        &mut *tx,
        Some(organisation_id),
        "organisation.support_contact_changed",
        Target::Organisation(organisation_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The support contacts the Contact page lists for a signed-in person, by organisation name: those
/// of the organisations they belong to (staff, patient, or caregiver of one of its patients).
/// Nobody else is known to belong anywhere, so nobody else gets any.
pub async fn published(db: &store::Db, reader: i64) -> DomainResult<Vec<SupportContact>> {
    let published_to_reader = format!(
        "(o.support_phone <> '' OR o.support_email <> '' OR EXISTS (SELECT 1 FROM support_hours h WHERE h.organisation_id = o.id)) AND {}",
        super::READERS_ORGANISATIONS
    );
    load(db, &published_to_reader, Some(reader)).await
}

/// The organisations matching `condition` (on `o`, with `$1` bound to `parameter` if any), by
/// name, each with its open days.
async fn load(db: &store::Db, condition: &str, parameter: Option<i64>) -> DomainResult<Vec<SupportContact>> {
    let organisations_sql = format!(
        "SELECT o.id, o.name, o.support_phone, o.support_email FROM organisations o WHERE {condition} ORDER BY o.name"
    );
    let hours_sql = format!(
        "SELECT h.organisation_id, h.weekday, h.opens, h.closes FROM support_hours h
         JOIN organisations o ON o.id = h.organisation_id WHERE {condition} ORDER BY h.organisation_id, h.weekday"
    );
    let query = |sql| {
        let query = sqlx::query(sql);
        match parameter {
            Some(value) => query.bind(value),
            None => query,
        }
    };
    let organisations = query(&organisations_sql).fetch_all(db).await?;
    let hours =
        query(&hours_sql).fetch_all(db).await?.iter().map(open_day).collect::<DomainResult<Vec<_>>>()?;
    organisations
        .iter()
        .map(|row| {
            let id: i64 = row.try_get("id")?;
            Ok(SupportContact {
                organisation_id: id,
                organisation: row.try_get("name")?,
                phone: row.try_get("support_phone")?,
                email: row.try_get("support_email")?,
                hours: hours.iter().filter(|(of, _)| *of == id).map(|(_, day)| *day).collect(),
            })
        })
        .collect()
}

fn open_day(row: &sqlx::any::AnyRow) -> DomainResult<(i64, OpenDay)> {
    let time = |column: &str| -> DomainResult<NaiveTime> {
        let text: String = row.try_get(column)?;
        hours::parse_time(&text)
            .ok_or_else(|| sqlx::Error::Decode(format!("{column}: {text:?}").into()).into())
    };
    let weekday: i64 = row.try_get("weekday")?;
    Ok((
        row.try_get("organisation_id")?,
        OpenDay {
            weekday: u8::try_from(weekday).map_err(|e| sqlx::Error::Decode(e.into()))?,
            opens: time("opens")?,
            closes: time("closes")?,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week(days: [(&'static str, &'static str); 7]) -> Typed<'static> {
        Typed { phone: "514 555-0199", email: "", days }
    }
    const CLOSED: (&str, &str) = ("", "");

    #[test]
    fn a_week_is_read_and_each_mistake_names_its_field() {
        let Checked { phone, open, .. } =
            read(&week([("7:00", "18 h"), CLOSED, CLOSED, CLOSED, CLOSED, ("9h", "12h"), CLOSED])).unwrap();
        assert_eq!(phone, "514-555-0199");
        assert_eq!(open.iter().map(|d| d.weekday).collect::<Vec<_>>(), [1, 6]);
        let refused = |typed: Typed| match read(&typed) {
            Err(DomainError::Invalid { key, field }) => (field.unwrap(), key),
            other => panic!("not refused: {other:?}"),
        };
        assert_eq!(
            refused(week([CLOSED, ("8:00", ""), CLOSED, CLOSED, CLOSED, CLOSED, CLOSED])),
            ("tuesday_closes", "error-hours-both")
        );
        assert_eq!(
            refused(week([CLOSED, CLOSED, CLOSED, CLOSED, CLOSED, CLOSED, ("", "17:00")])),
            ("sunday_opens", "error-hours-both")
        );
        assert_eq!(
            refused(week([CLOSED, CLOSED, ("18:00", "7:00"), CLOSED, CLOSED, CLOSED, CLOSED])),
            ("wednesday_closes", "error-hours-order")
        );
        assert_eq!(
            refused(week([CLOSED, CLOSED, CLOSED, ("midi", "13:00"), CLOSED, CLOSED, CLOSED])),
            ("thursday_opens", "error-hours-time-invalid")
        );
        assert_eq!(
            refused(Typed { phone: "555", email: "", days: [CLOSED; 7] }),
            ("support_phone", "error-home-phone-invalid")
        );
        assert_eq!(
            refused(Typed { phone: "", email: "soutien@clinique", days: [CLOSED; 7] }),
            ("support_email", "error-email-invalid")
        );
        let nothing = Checked { phone: String::new(), email: String::new(), open: vec![] };
        assert_eq!(read(&Typed { phone: "", email: " ", days: [CLOSED; 7] }).unwrap(), nothing);
        let written = read(&Typed { phone: "", email: " soutien@clinique.example ", days: [CLOSED; 7] });
        assert_eq!(written.unwrap().email, "soutien@clinique.example");
    }
}
