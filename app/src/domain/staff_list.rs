//! An organisation's staff as its administrators list them: each person once with their first
//! role (`admin` before `professional` before `support`), searched by name, email or professional
//! number, filtered by where their account stands and by a service they hold, sorted by name or
//! role, 50 a page.
use super::account::{AccountStatus, Role};
use super::store::{Db, Paging};
use super::DomainResult;
use crate::states::Service;

pub const PER_PAGE: i64 = 50;

/// A line of the staff list.
#[derive(Clone, Debug)]
pub struct StaffMember {
    pub account_id: i64,
    /// Title and name, e.g. "Dre Anne Roy".
    pub name: String,
    pub email: String,
    pub role: Role,
    /// Pending until the setup link has been used.
    pub status: AccountStatus,
    pub locked_until: Option<i64>,
    pub number: Option<String>,
}

#[derive(sqlx::FromRow)]
struct StaffRow {
    id: i64,
    locked_until: Option<i64>,
    number: Option<String>,
    title: String,
    given_name: String,
    family_name: String,
    email: String,
    #[sqlx(try_from = "String")]
    role: Role,
    #[sqlx(try_from = "String")]
    status: AccountStatus,
}

pub use crate::states::StaffFilter;

/// The condition of `filter`, with the time bound at `$2`.
fn state_condition(filter: StaffFilter) -> &'static str {
    match filter {
        StaffFilter::All => "",
        StaffFilter::Invited => " AND a.status = 'pending' AND x.account_id IS NULL",
        StaffFilter::Active => {
            " AND a.status = 'active' AND x.account_id IS NULL AND (a.locked_until IS NULL OR a.locked_until <= $2)"
        }
        // Suspended here (their membership), or their whole account.
        StaffFilter::Suspended => " AND (a.status = 'suspended' OR x.account_id IS NOT NULL)",
        StaffFilter::Locked => " AND a.status = 'active' AND x.account_id IS NULL AND a.locked_until > $2",
    }
}

/// The order of the list: `name`, `-name`, `role` (administrators first), `-role`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    #[default]
    Name,
    NameDescending,
    Role,
    RoleDescending,
}

impl Order {
    pub fn parse(code: &str) -> Self {
        match code {
            "-name" => Self::NameDescending,
            "role" => Self::Role,
            "-role" => Self::RoleDescending,
            _ => Self::Name,
        }
    }

    fn sql(self) -> &'static str {
        const NAME: &str = "lower(a.family_name), lower(a.given_name), a.id";
        const NAME_DESCENDING: &str = "lower(a.family_name) DESC, lower(a.given_name) DESC, a.id DESC";
        match self {
            Self::Name => NAME,
            Self::NameDescending => NAME_DESCENDING,
            Self::Role => "MIN(m.role), lower(a.family_name), lower(a.given_name), a.id",
            Self::RoleDescending => "MIN(m.role) DESC, lower(a.family_name), lower(a.given_name), a.id",
        }
    }
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Query<'a> {
    pub search: &'a str,
    pub state: StaffFilter,
    /// Only the people holding this service here.
    pub service: Option<Service>,
    pub order: Order,
    /// From 1.
    pub page: i64,
}

pub struct StaffPage {
    pub members: Vec<StaffMember>,
    pub total: i64,
    pub paging: Paging,
}

const FROM: &str = "FROM memberships m JOIN accounts a ON a.id = m.account_id
     LEFT JOIN professional_numbers n ON n.organisation_id = m.organisation_id AND n.account_id = a.id
     LEFT JOIN staff_suspensions x ON x.organisation_id = m.organisation_id AND x.account_id = a.id
     WHERE m.organisation_id = $1 AND m.role <> 'patient'";

/// The conditions a query adds after `FROM`, and the search patterns they bind from `$3` on.
struct Conditions {
    sql: String,
    patterns: Vec<String>,
}

impl Conditions {
    fn of(query: &Query) -> Self {
        let mut sql = state_condition(query.state).to_string();
        if let Some(service) = query.service {
            // The code is one of the catalogue's fixed words, never typed text.
            sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM staff_services s WHERE s.account_id = a.id
                   AND s.organisation_id = m.organisation_id AND s.service = '{}')",
                service.code()
            ));
        }
        let mut patterns = Vec::new();
        for word in query.search.split_whitespace().take(3) {
            patterns.push(format!("%{}%", word.to_lowercase().replace(['%', '_', '\\'], "")));
            sql.push_str(&format!(
                " AND lower(a.given_name || ' ' || a.family_name || ' ' || a.email || ' ' || COALESCE(n.number, '')) LIKE ${}",
                patterns.len() + 2
            ));
        }
        Self { sql, patterns }
    }
}

/// One page of the staff `query` asks for.
pub async fn page(db: &Db, organisation_id: i64, query: Query<'_>, now: i64) -> DomainResult<StaffPage> {
    let conditions = Conditions::of(&query);
    let count_sql = format!("SELECT COUNT(DISTINCT a.id) AS n {FROM}{}", conditions.sql);
    let mut count = sqlx::query_scalar::<_, i64>(&count_sql).bind(organisation_id).bind(now);
    for pattern in &conditions.patterns {
        count = count.bind(pattern);
    }
    let total = count.fetch_one(db).await?;
    let paging = Paging::of(total, PER_PAGE, query.page);
    let members = matching(db, organisation_id, &conditions, query.order, now, Some(paging)).await?;
    Ok(StaffPage { members, total, paging })
}

/// The whole staff, by name.
pub async fn all(db: &Db, organisation_id: i64, now: i64) -> DomainResult<Vec<StaffMember>> {
    let query = Query::default();
    matching(db, organisation_id, &Conditions::of(&query), query.order, now, None).await
}

async fn matching(
    db: &Db,
    organisation_id: i64,
    conditions: &Conditions,
    order: Order,
    now: i64,
    paging: Option<Paging>,
) -> DomainResult<Vec<StaffMember>> {
    let limit = paging.map(|p| format!(" LIMIT {PER_PAGE} OFFSET {}", p.offset)).unwrap_or_default();
    let sql = format!(
        "SELECT a.id, a.locked_until, a.title, a.given_name, a.family_name, a.email, MIN(m.role) AS role,
                CASE WHEN x.account_id IS NULL THEN a.status ELSE 'suspended' END AS status, n.number
         {FROM}{}
         GROUP BY a.id, a.locked_until, a.title, a.given_name, a.family_name, a.email, a.status, x.account_id, n.number
         ORDER BY {}{limit}",
        conditions.sql,
        order.sql()
    );
    let mut rows = sqlx::query_as::<_, StaffRow>(&sql).bind(organisation_id).bind(now);
    for pattern in &conditions.patterns {
        rows = rows.bind(pattern);
    }
    Ok(rows
        .fetch_all(db)
        .await?
        .into_iter()
        .map(|r| StaffMember {
            account_id: r.id,
            name: format!("{} {} {}", r.title, r.given_name, r.family_name).trim().to_string(),
            email: r.email,
            role: r.role,
            status: r.status,
            locked_until: r.locked_until,
            number: r.number,
        })
        .collect())
}
