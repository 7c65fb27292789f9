//! The organisation's audit trail, for its administrators: every audited action taken in it —
//! by its staff, its patients and their caregivers, and the platform's operators (its agreement,
//! a suspension) — newest first, with who acted (for whom), about whom, from which address.
use crate::domain::{calendar, store, DomainError, DomainResult};
use crate::states::AuditWho;
use sqlx::Row;

pub const PER_PAGE: i64 = 50;

/// Which entries to show: whose, and between which instants (`until` excluded).
#[derive(Clone, Copy, Debug, Default)]
pub struct Filter {
    pub who: AuditWho,
    pub since: Option<i64>,
    pub until: Option<i64>,
}

impl Filter {
    /// The filter as the page's form sends it: `who` a code of `AuditWho`, and from and until
    /// which days of the organisation's time zone (as typed, both included; empty for no bound).
    /// A date that is not one, or a start after the end, is refused on its field.
    pub fn read(who: &str, since: &str, until: &str, timezone: &str) -> DomainResult<Self> {
        let day = |typed: &str, field: &'static str| match typed.trim() {
            "" => Ok(None),
            typed => {
                calendar::typed_date(typed).map(Some).ok_or(DomainError::invalid(field, "error-date-invalid"))
            }
        };
        let (first, last) = (day(since, "since")?, day(until, "until")?);
        if first.zip(last).is_some_and(|(first, last)| first > last) {
            return Err(DomainError::invalid("until", "error-date-range"));
        }
        Ok(Self {
            who: AuditWho::parse(who),
            since: first.map(|d| calendar::day_start(d, timezone)),
            until: last.and_then(|d| d.succ_opt()).map(|d| calendar::day_start(d, timezone)),
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Entry {
    pub at: i64,
    pub action: String,
    /// Empty when nobody signed in acted (a wrong password, a link followed).
    pub actor: String,
    /// The actor's part: `operator`, the staff role (`admin`, `professional`, `support`), or
    /// empty for a patient or caregiver.
    pub actor_part: String,
    /// For an action a caregiver took for someone: that person's name.
    pub acting_for: Option<String>,
    /// Whom or what the action was about, by name (a person, a care team, an address asked to
    /// join); empty when it is the organisation itself.
    pub about: String,
    pub ip: String,
}

const OPERATORS: &str = "SELECT account_id FROM operators";
const STAFF: &str = "SELECT account_id FROM memberships WHERE organisation_id = $1 AND role <> 'patient'";

fn condition(who: AuditWho) -> String {
    let base = "e.organisation_id = $1 AND e.at >= $2 AND e.at < $3";
    match who {
        AuditWho::Everyone => base.to_string(),
        AuditWho::Operators => format!("{base} AND e.actor_id IN ({OPERATORS})"),
        AuditWho::Staff => format!("{base} AND e.actor_id IN ({STAFF})"),
        AuditWho::Patients => format!(
            "{base} AND e.actor_id IS NOT NULL AND e.actor_id NOT IN ({OPERATORS}) AND e.actor_id NOT IN ({STAFF})"
        ),
    }
}

/// A target `kind:id` named: the id read only on the branch whose kind it is.
const ABOUT: &str = "CASE
     WHEN e.target LIKE 'account:%' THEN (SELECT x.given_name || ' ' || x.family_name FROM accounts x
                                          WHERE x.id = CAST(SUBSTR(e.target, 9) AS BIGINT))
     WHEN e.target LIKE 'patient:%' THEN (SELECT x.given_name || ' ' || x.family_name FROM patients x
                                          WHERE x.id = CAST(SUBSTR(e.target, 9) AS BIGINT)
                                            AND x.organisation_id = e.organisation_id)
     WHEN e.target LIKE 'team:%' THEN (SELECT x.name FROM care_teams x
                                       WHERE x.id = CAST(SUBSTR(e.target, 6) AS BIGINT)
                                         AND x.organisation_id = e.organisation_id)
     WHEN e.target LIKE 'staff!_invitation:%' ESCAPE '!' THEN (SELECT x.email FROM staff_invitations x
                                       WHERE x.id = CAST(SUBSTR(e.target, 18) AS BIGINT)
                                         AND x.organisation_id = e.organisation_id)
   END";

/// One page (from 1) of the organisation's entries, newest first, where it falls, and how many
/// entries the filter selects.
pub async fn page(
    db: &store::Db,
    organisation_id: i64,
    filter: Filter,
    page: i64,
) -> DomainResult<(Vec<Entry>, store::Paging, i64)> {
    let condition = condition(filter.who);
    let since = filter.since.unwrap_or(i64::MIN);
    let until = filter.until.unwrap_or(i64::MAX);
    let total: i64 = sqlx::query(&format!("SELECT COUNT(*) AS n FROM audit_events e WHERE {condition}"))
        .bind(organisation_id)
        .bind(since)
        .bind(until)
        .fetch_one(db)
        .await?
        .try_get("n")?;
    let paging = store::Paging::of(total, PER_PAGE, page);
    let entries = sqlx::query_as(&format!(
        "SELECT e.at, e.action, e.ip,
                COALESCE((SELECT a.given_name || ' ' || a.family_name FROM accounts a WHERE a.id = e.actor_id), '') AS actor,
                COALESCE((SELECT 'operator' FROM operators o WHERE o.account_id = e.actor_id),
                         (SELECT MIN(m.role) FROM memberships m WHERE m.account_id = e.actor_id
                            AND m.organisation_id = e.organisation_id AND m.role <> 'patient'), '') AS actor_part,
                (SELECT f.given_name || ' ' || f.family_name FROM accounts f WHERE f.id = e.acting_for_id) AS acting_for,
                COALESCE({ABOUT}, '') AS about
         FROM audit_events e WHERE {condition}
         ORDER BY e.id DESC LIMIT $4 OFFSET $5"
    ))
    .bind(organisation_id)
    .bind(since)
    .bind(until)
    .bind(PER_PAGE)
    .bind(paging.offset)
    .fetch_all(db)
    .await?;
    Ok((entries, paging, total))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(since: &str, until: &str) -> Option<(Option<&'static str>, &'static str)> {
        match Filter::read("", since, until, "America/Montreal") {
            Err(DomainError::Invalid { field, key, .. }) => Some((field, key)),
            _ => None,
        }
    }

    #[test]
    fn the_days_are_the_organisations_both_included() {
        let filter = Filter::read("operators", "2026-12-01", "01/12/2026", "America/Montreal").unwrap();
        assert_eq!(filter.who, AuditWho::Operators);
        // 1 December 2026, 00:00 in Montréal (UTC−5), until the next midnight.
        assert_eq!(filter.since, Some(1_796_101_200));
        assert_eq!(filter.until, Some(1_796_101_200 + 86_400));
        let open = Filter::read("nobody", "", " ", "America/Montreal").unwrap();
        assert_eq!((open.who, open.since, open.until), (AuditWho::Everyone, None, None));
        assert_eq!(refused("hier", ""), Some((Some("since"), "error-date-invalid")));
        assert_eq!(refused("", "2026-02-30"), Some((Some("until"), "error-date-invalid")));
        assert_eq!(refused("2026-12-31", "2026-01-01"), Some((Some("until"), "error-date-range")));
    }
}
