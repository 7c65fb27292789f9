//! "My access log": the audit entries about a person's own file, newest first — what they did,
//! and what others (a caregiver, a professional, support) did about them.
use crate::domain::DomainResult;
use crate::domain::Target;
use sqlx::Row;

pub const PER_PAGE: i64 = 20;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub at: i64,
    pub action: String,
    /// `None` when the person themself acted, or when nobody signed in did (e.g. a wrong password).
    pub actor: Option<Actor>,
    /// The address the action came from, only when the person themself acted: other people's
    /// addresses (staff, caregivers) are not theirs to see. Empty otherwise.
    pub ip: String,
    /// For an action a caregiver took for someone: that person's name.
    pub acting_for: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub name: String,
    /// `admin`, `professional`, `support` in the organisation, or a caregiver's relationship to
    /// me (`parent`, `representative`, `helper`); empty if none.
    pub role: String,
    /// The organisation they acted in (staff), by name; empty if none.
    pub organisation: String,
}

#[derive(sqlx::FromRow)]
struct EntryRow {
    at: i64,
    action: String,
    ip: String,
    actor_id: Option<i64>,
    actor_name: Option<String>,
    actor_role: Option<String>,
    organisation: Option<String>,
    acting_for: Option<String>,
}

/// What selects a person's entries: about their account, done by them, done for them, or about
/// their patient records (invitations, views of the file). A union rather than one `OR`, so that
/// each part is read through its own index on both databases (PostgreSQL scans the whole table
/// for the `OR` with a subquery).
const ABOUT: &str = "FROM audit_events e
     WHERE e.id IN (SELECT id FROM audit_events WHERE target = $1
                    UNION SELECT id FROM audit_events WHERE actor_id = $2
                    UNION SELECT id FROM audit_events WHERE acting_for_id = $2
                    UNION SELECT a.id FROM patients p
                          JOIN audit_events a ON a.target = 'patient:' || CAST(p.id AS TEXT)
                          WHERE p.account_id = $2)";

/// One page (from 1) of the account's entries, and where it falls among the pages there are.
pub async fn page(
    db: &crate::domain::store::Db,
    account_id: i64,
    page: i64,
) -> DomainResult<(Vec<Entry>, crate::domain::store::Paging)> {
    let target = Target::Account(account_id).to_string();
    let total: i64 = sqlx::query(&format!("SELECT COUNT(*) AS n {ABOUT}"))
        .bind(&target)
        .bind(account_id)
        .fetch_one(db)
        .await?
        .try_get("n")?;
    let paging = crate::domain::store::Paging::of(total, PER_PAGE, page);
    let rows: Vec<EntryRow> = sqlx::query_as(&format!(
        "SELECT e.at, e.action, e.ip, e.actor_id,
                (SELECT a.given_name || ' ' || a.family_name FROM accounts a WHERE a.id = e.actor_id) AS actor_name,
                COALESCE((SELECT MIN(m.role) FROM memberships m WHERE m.account_id = e.actor_id
                            AND m.organisation_id = e.organisation_id AND m.role <> 'patient'),
                         (SELECT MIN(g.relationship) FROM caregiver_grants g JOIN patients p ON p.id = g.patient_id
                          WHERE g.caregiver_account_id = e.actor_id AND p.account_id = $2)) AS actor_role,
                (SELECT o.name FROM organisations o WHERE o.id = e.organisation_id) AS organisation,
                (SELECT f.given_name || ' ' || f.family_name FROM accounts f WHERE f.id = e.acting_for_id) AS acting_for
         {ABOUT} ORDER BY e.id DESC LIMIT $3 OFFSET $4"
    ))
    .bind(&target)
    .bind(account_id)
    .bind(PER_PAGE)
    .bind(paging.offset)
    .fetch_all(db)
    .await?;
    let entries = rows
        .into_iter()
        .map(|r| Entry {
            actor: match (r.actor_id, r.actor_name) {
                (Some(id), Some(name)) if id != account_id => Some(Actor {
                    name,
                    role: r.actor_role.unwrap_or_default(),
                    organisation: r.organisation.unwrap_or_default(),
                }),
                _ => None,
            },
            ip: if r.actor_id == Some(account_id) { r.ip } else { String::new() },
            at: r.at,
            action: r.action,
            acting_for: r.acting_for,
        })
        .collect();
    Ok((entries, paging))
}
