//! Patients of an organisation: who they are in the clinical record, and whether they have an
//! account yet. Only staff of that organisation may see them.
pub mod access_log;
pub mod export;
pub mod file;
pub mod profile;
pub mod search;

use crate::domain::calendar::typed_date;
use crate::domain::identity::account::Email;
use crate::domain::sql::{self, Conditions};
use crate::domain::{DomainError, DomainResult};
use crate::i18n::Lang;
use sqlx::Row;

pub struct NewPatient<'a> {
    pub organisation_id: i64,
    pub given_name: &'a str,
    pub family_name: &'a str,
    pub birth_date: &'a str,
    pub email: &'a Email,
    pub language: Lang,
    pub mobile: &'a str,
    pub created_by: i64,
}

/// Checks the parts of a new patient that are not the email: names present, a real past date of
/// birth from 1900 to today (as a date picker sends it, or typed `29/02/1988`), and a mobile
/// number as account settings accept it.
pub fn check(
    given_name: &str,
    family_name: &str,
    birth_date: &str,
    mobile: &str,
    today: chrono::NaiveDate,
) -> DomainResult<()> {
    if given_name.trim().is_empty() {
        return Err(DomainError::invalid("given_name", "error-given-name-required"));
    }
    if family_name.trim().is_empty() {
        return Err(DomainError::invalid("family_name", "error-family-name-required"));
    }
    match typed_date(birth_date) {
        Some(date) if date <= today && date.year_ce().1 >= 1900 => {}
        _ => return Err(DomainError::invalid("birth_date", "error-birth-date-invalid")),
    }
    if profile::phone(mobile).is_none() {
        return Err(DomainError::invalid("mobile", "error-mobile-invalid"));
    }
    Ok(())
}

use chrono::Datelike;

/// Adds the patient, or says the email is already one of this organisation's patients.
pub async fn create(conn: &mut sqlx::AnyConnection, new: NewPatient<'_>, now: i64) -> DomainResult<i64> {
    let row = sqlx::query(
        "INSERT INTO patients (organisation_id, given_name, family_name, birth_date, email, email_key, language, mobile, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (organisation_id, email_key) DO NOTHING RETURNING id",
    )
    .bind(new.organisation_id)
    .bind(new.given_name.trim())
    .bind(new.family_name.trim())
    .bind(typed_date(new.birth_date).map(|d| d.to_string()).unwrap_or_default())
    .bind(new.email.as_str())
    .bind(new.email.key())
    .bind(new.language.code())
    .bind(profile::phone(new.mobile).unwrap_or_default())
    .bind(new.created_by)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else {
        return Err(DomainError::conflict(None, "error-patient-exists"));
    };
    let id: i64 = row.try_get("id")?;
    search::index(
        conn,
        new.organisation_id,
        id,
        new.given_name.trim(),
        new.family_name.trim(),
        new.email.as_str(),
    )
    .await?;
    Ok(id)
}

/// One line of an organisation's patient list, with the state of the latest invitation.
#[derive(Clone, Debug)]
pub struct PatientRow {
    pub id: i64,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: String,
    pub email: String,
    pub has_account: bool,
    pub invitation: Option<crate::domain::onboarding::invitation::InvitationState>,
    pub invitation_expires_at: Option<i64>,
}

/// Changes the address of a patient who has no account yet (their account's own address is
/// theirs to change); whether it changed.
pub async fn correct_email(
    conn: &mut sqlx::AnyConnection,
    organisation_id: i64,
    patient_id: i64,
    email: &crate::domain::identity::account::Email,
) -> DomainResult<bool> {
    let changed = sqlx::query(
        "UPDATE patients SET email = $1
         WHERE id = $2 AND organisation_id = $3 AND account_id IS NULL AND email <> $1
         RETURNING given_name, family_name",
    )
    .bind(email.as_str())
    .bind(patient_id)
    .bind(organisation_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(names) = changed else { return Ok(false) };
    let (given_name, family_name): (String, String) =
        (names.try_get("given_name")?, names.try_get("family_name")?);
    search::index(conn, organisation_id, patient_id, &given_name, &family_name, email.as_str()).await?;
    Ok(true)
}

/// One of this organisation's patients who has no account yet (the only ones to re-invite):
/// `(given_name, family_name)`.
pub async fn without_account(
    db: &crate::domain::store::Db,
    organisation_id: i64,
    patient_id: i64,
) -> DomainResult<Option<(String, String)>> {
    let row = sqlx::query("SELECT given_name, family_name FROM patients WHERE id = $1 AND organisation_id = $2 AND account_id IS NULL")
        .bind(patient_id)
        .bind(organisation_id)
        .fetch_optional(db)
        .await?;
    Ok(row
        .map(|r| Ok::<_, sqlx::Error>((r.try_get("given_name")?, r.try_get("family_name")?)))
        .transpose()?)
}

/// Patients listed on one page of the staff list.
pub const PER_PAGE: i64 = 50;

/// A search counts the patients it finds up to this many; past it, the list says there are more
/// and asks for a narrower search (the locales' `patients-count-more` says this number).
pub const COUNT_CEILING: i64 = 1_000;

/// One page of a search through the organisation's patients.
pub struct PatientPage {
    pub rows: Vec<PatientRow>,
    /// How many patients match, on every page, up to `COUNT_CEILING`.
    pub total: i64,
    /// More than `COUNT_CEILING` match.
    pub more: bool,
    /// The page shown (from 1), within the pages there are.
    pub page: i64,
    pub pages: i64,
}

/// What a search of the organisation's patients looks for: a date (`YYYY-MM-DD`, or as typed day
/// first) is a date of birth; every other word must start one of the patient's words (names and
/// email), three at most.
#[derive(Debug, Default, PartialEq)]
struct Sought {
    words: Vec<String>,
    born: Option<chrono::NaiveDate>,
}

impl Sought {
    fn of(typed: &str) -> Self {
        let mut sought = Self::default();
        for word in sql::words(typed, 4) {
            match typed_date(word) {
                Some(born) => sought.born = Some(born),
                None => sought.words.extend(search::typed_words(word)),
            }
        }
        sought.words.truncate(3);
        sought
    }

    /// The word read from the words' index: the longest, likely the rarest.
    fn leading(&self) -> Option<&str> {
        self.words.iter().max_by_key(|w| w.len()).map(String::as_str)
    }

    /// The join to `patients p` a read of the words' index needs when more than the leading word
    /// is sought.
    fn join_beyond_leading(&self) -> &'static str {
        if self.words.len() > 1 || self.born.is_some() {
            "JOIN patients p ON p.id = w.patient_id"
        } else {
            ""
        }
    }

    /// The conditions on `patients p` of the patients sought, but for `except`, the word already
    /// read from the index.
    fn conditions(&self, conditions: &mut Conditions, except: Option<&str>) {
        let mut skipped = false;
        for word in &self.words {
            if Some(word.as_str()) == except && !skipped {
                skipped = true;
                continue;
            }
            conditions.and("p.search_text LIKE {}", search::pattern(word));
        }
        if let Some(born) = self.born {
            conditions.and("p.birth_date = {}", born.to_string());
        }
    }
}

/// How many of the organisation's patients match, up to `COUNT_CEILING + 1` (or past it when a
/// count is kept): with a word, read from the words' index (as many rows as it finds), without,
/// from the list's own index.
/// `only_word`: the one word starting with the leading one, when there is just one — a patient
/// has it once, so nothing is counted twice; sought alone, its patients are counted already.
async fn count_up_to_ceiling(
    db: &crate::domain::store::Db,
    organisation_id: i64,
    sought: &Sought,
    only_word: Option<&str>,
) -> DomainResult<i64> {
    if let (Some(word), [_], None) = (only_word, sought.words.as_slice(), sought.born) {
        return search::patients_with_word(db, organisation_id, word).await;
    }
    let mut conditions = Conditions::default();
    let sql = match sought.leading() {
        Some(leading) => {
            conditions.and("w.organisation_id = {}", organisation_id);
            let distinct = match only_word {
                Some(word) => {
                    conditions.and("w.word = {}", word.to_string());
                    ""
                }
                None => {
                    let (low, high) = search::range(leading);
                    conditions.and("w.word >= {}", low);
                    conditions.and("w.word < {}", high);
                    "DISTINCT"
                }
            };
            sought.conditions(&mut conditions, Some(leading));
            let join = sought.join_beyond_leading();
            let ceiling = conditions.placeholder(COUNT_CEILING + 1);
            format!(
                "SELECT COUNT(*) FROM (SELECT {distinct} w.patient_id FROM patient_search_words w {join}
                 WHERE {} LIMIT {ceiling}) found",
                conditions.sql()
            )
        }
        None => {
            conditions.and("p.organisation_id = {}", organisation_id);
            sought.conditions(&mut conditions, None);
            let ceiling = conditions.placeholder(COUNT_CEILING + 1);
            format!(
                "SELECT COUNT(*) FROM (SELECT 1 FROM patients p WHERE {} LIMIT {ceiling}) found",
                conditions.sql()
            )
        }
    };
    Ok(conditions.bind(sqlx::query_scalar::<_, i64>(&sql)).fetch_one(db).await?)
}

/// The order of the staff list: by name (family, then given) or by date of birth, either way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Order {
    pub by_birth_date: bool,
    pub descending: bool,
}

impl Order {
    /// The SQL of this order, the id last so that pages never overlap.
    fn sql(self) -> &'static str {
        match (self.by_birth_date, self.descending) {
            (false, false) => "p.family_name, p.given_name, p.id",
            (false, true) => "p.family_name DESC, p.given_name DESC, p.id DESC",
            (true, false) => "p.birth_date, p.family_name, p.given_name, p.id",
            (true, true) => "p.birth_date DESC, p.family_name, p.given_name, p.id",
        }
    }
}

/// The conditions of one page of the list. When few patients match, they are read through the
/// words' index and sorted; when many do, the list is read in its own order and stops at the
/// page's end, which comes soon.
fn page_conditions(organisation_id: i64, sought: &Sought, few: bool) -> Conditions {
    let mut conditions = Conditions::default();
    conditions.and("p.organisation_id = {}", organisation_id);
    sought.conditions(&mut conditions, None);
    if let (Some(leading), true) = (sought.leading(), few) {
        let (low, high) = search::range(leading);
        let (o, l, h) = (
            conditions.placeholder(organisation_id),
            conditions.placeholder(low),
            conditions.placeholder(high),
        );
        conditions.and_fixed(&format!(
            "p.id IN (SELECT patient_id FROM patient_search_words WHERE organisation_id = {o} AND word >= {l} AND word < {h})"
        ));
    }
    conditions
}

/// The organisation's patients matching `search`, in `order`, `PER_PAGE` at a time.
pub async fn list(
    db: &crate::domain::store::Db,
    organisation_id: i64,
    search: &str,
    order: Order,
    page: i64,
    now: i64,
) -> DomainResult<PatientPage> {
    let sought = Sought::of(search);
    let only_word = match sought.leading() {
        Some(leading) => search::only_word(db, organisation_id, leading).await?,
        None => None,
    };
    let counted = count_up_to_ceiling(db, organisation_id, &sought, only_word.as_deref()).await?;
    let total = counted.min(COUNT_CEILING);
    let paging = crate::domain::store::Paging::of(total, PER_PAGE, page);
    let in_name_order = only_word.filter(|_| !order.by_birth_date);
    let (mut matches, ids) = match in_name_order {
        // One word: its rows are in the list's order already.
        Some(word) => {
            let mut conditions = Conditions::default();
            conditions.and("w.organisation_id = {}", organisation_id);
            conditions.and("w.word = {}", word);
            sought.conditions(&mut conditions, sought.leading());
            let join = sought.join_beyond_leading();
            let order = if order.descending {
                "w.family_name DESC, w.given_name DESC, w.patient_id DESC"
            } else {
                "w.family_name, w.given_name, w.patient_id"
            };
            (conditions, format!("SELECT w.patient_id AS id FROM patient_search_words w {join} WHERE {{}} ORDER BY {order}"))
        }
        None => (
            page_conditions(organisation_id, &sought, counted <= COUNT_CEILING),
            format!("SELECT p.id FROM patients p WHERE {{}} ORDER BY {}", order.sql()),
        ),
    };
    let (limit, offset) = (matches.placeholder(PER_PAGE), matches.placeholder(paging.offset));
    let page_sql = format!(
        "SELECT p.id, p.given_name, p.family_name, p.birth_date, p.email, p.account_id,
                i.status, i.failed_attempts, i.expires_at
         FROM ({} LIMIT {limit} OFFSET {offset}) page
         JOIN patients p ON p.id = page.id
         LEFT JOIN invitations i ON i.id = (SELECT MAX(id) FROM invitations WHERE patient_id = p.id AND grant_id IS NULL)
         ORDER BY {order}",
        ids.replace("{}", matches.sql()),
        order = order.sql(),
    );
    let rows = matches.bind(sqlx::query_as::<_, ListRow>(&page_sql)).fetch_all(db).await?;
    let rows = rows
        .into_iter()
        .map(|r| PatientRow {
            invitation: r.status.map(|status| {
                crate::domain::onboarding::invitation::state(
                    &status,
                    r.failed_attempts.unwrap_or(0),
                    r.expires_at.unwrap_or(0),
                    now,
                )
            }),
            has_account: r.account_id.is_some(),
            invitation_expires_at: r.expires_at,
            id: r.id,
            given_name: r.given_name,
            family_name: r.family_name,
            birth_date: r.birth_date,
            email: r.email,
        })
        .collect();
    Ok(PatientPage { rows, total, more: counted > COUNT_CEILING, page: paging.page, pages: paging.pages })
}

/// A patient and their latest invitation, as stored.
#[derive(sqlx::FromRow)]
struct ListRow {
    id: i64,
    given_name: String,
    family_name: String,
    birth_date: String,
    email: String,
    account_id: Option<i64>,
    status: Option<String>,
    failed_attempts: Option<i64>,
    expires_at: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_writes_only_the_conditions_it_uses() {
        use crate::domain::sql::Value;
        let text = |v: &[&str]| v.iter().map(|v| Value::Text(v.to_string())).collect::<Vec<_>>();
        let plain = Sought::of("  ");
        assert_eq!(plain, Sought::default());
        let mut conditions = page_conditions(4, &plain, true);
        assert_eq!(conditions.sql(), "p.organisation_id = $1");
        assert_eq!(conditions.placeholder(20), "$2");
        let typed = Sought::of("02/03/1950");
        assert_eq!(typed.born, chrono::NaiveDate::from_ymd_opt(1950, 3, 2), "day first, as typed");
        let both = Sought::of("Tremblay 1950-03-02 l%a_ x y z");
        assert_eq!(both.words, ["tremblay", "l", "a"], "three words at most, wildcards dropped");
        assert_eq!(both.leading(), Some("tremblay"));
        let many = page_conditions(4, &both, false);
        assert_eq!(
            many.sql(),
            "p.organisation_id = $1 AND p.search_text LIKE $2 AND p.search_text LIKE $3 AND p.search_text LIKE $4 AND p.birth_date = $5"
        );
        assert_eq!(many.values()[1..], text(&["% tremblay%", "% l%", "% a%", "1950-03-02"]));
        let few = page_conditions(4, &both, true);
        assert!(few.sql().ends_with("organisation_id = $6 AND word >= $7 AND word < $8)"), "{}", few.sql());
        assert_eq!(few.values()[6..], text(&["tremblay", "tremblay\u{10FFFF}"]));
    }

    #[test]
    fn new_patient_fields_are_checked() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert!(check("Léa", "Tremblay", "2012-05-01", "", today).is_ok());
        assert!(check("Léa", "Tremblay", "2012-05-01", "+1 (514) 555-0199", today).is_ok());
        assert_eq!(
            check(" ", "Tremblay", "2012-05-01", "", today).unwrap_err().to_string(),
            "invalid: error-given-name-required"
        );
        for bad in ["2012-13-01", "05/13/2012", "2012-02-30", "30/02/2012", "1 mai 2012"] {
            assert!(check("Léa", "Tremblay", bad, "", today).is_err(), "{bad}");
        }
        assert!(
            check("Léa", "Tremblay", "01/05/2012", "", today).is_ok(),
            "day first, as typed without a picker"
        );
        assert!(check("Léa", "Tremblay", "2012-05-01", "514-555-ABCD", today).is_err());
    }

    #[test]
    fn a_birth_date_lies_between_1900_and_today() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let birth = |date: &str| check("Léa", "Tremblay", date, "", today).map_err(|e| e.to_string());
        assert_eq!(birth("2026-11-22"), Ok(()), "born today");
        assert_eq!(birth("2026-11-23"), Err("invalid: error-birth-date-invalid".into()), "tomorrow");
        assert_eq!(birth("1900-01-01"), Ok(()));
        assert_eq!(birth("1899-12-31"), Err("invalid: error-birth-date-invalid".into()));
    }

    #[test]
    fn a_mobile_number_has_ten_digits_with_an_optional_leading_one_and_extension_of_six() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let mobile = |number: &str| check("Léa", "Tremblay", "1990-01-01", number, today).is_ok();
        assert!(mobile("514 555 0123") && mobile("1 514 555 0123") && mobile("+1 514 555 0123"));
        assert!(!mobile("514 555 012"), "9 digits");
        assert!(!mobile("514 555 01234"), "11 digits without the leading 1");
        assert!(!mobile("1 514 555 01234"), "12 digits");
        assert!(mobile("514 555 0123 x123456") && !mobile("514 555 0123 x1234567"), "extension of 6, not 7");
        assert!(!mobile("+33 1 23 45 67 89"), "outside North America");
    }
}
