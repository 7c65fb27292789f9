//! An organisation's staff as its administrators list them: each person once with their first
//! role (`admin` before `professional` before `support`), searched by name, email or professional
//! number, filtered by where their account stands and by a service they hold, sorted by name or
//! role, 50 a page.
use crate::domain::identity::account::{AccountStatus, Role};
use crate::domain::sql::{self, Conditions};
use crate::domain::store::{Db, Paging};
use crate::domain::DomainResult;
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
     LEFT JOIN staff_suspensions x ON x.organisation_id = m.organisation_id AND x.account_id = a.id";

/// The organisation's staff that `query` asks for, as conditions on `FROM`.
fn conditions(organisation_id: i64, query: &Query, now: i64) -> Conditions {
    let mut conditions = Conditions::default();
    conditions.and("m.organisation_id = {}", organisation_id);
    conditions.and_fixed("m.role <> 'patient'");
    match query.state {
        StaffFilter::All => {}
        StaffFilter::Invited => conditions.and_fixed("a.status = 'pending' AND x.account_id IS NULL"),
        StaffFilter::Active => conditions.and(
            "a.status = 'active' AND x.account_id IS NULL AND (a.locked_until IS NULL OR a.locked_until <= {})",
            now,
        ),
        // Suspended here (their membership), or their whole account.
        StaffFilter::Suspended => conditions.and_fixed("(a.status = 'suspended' OR x.account_id IS NOT NULL)"),
        StaffFilter::Locked => {
            conditions.and("a.status = 'active' AND x.account_id IS NULL AND a.locked_until > {}", now)
        }
    }
    if let Some(service) = query.service {
        conditions.and(
            "EXISTS (SELECT 1 FROM staff_services s WHERE s.account_id = a.id
               AND s.organisation_id = m.organisation_id AND s.service = {})",
            service.code().to_string(),
        );
    }
    for word in sql::words(query.search, 3) {
        conditions.and(
            "lower(a.given_name || ' ' || a.family_name || ' ' || a.email || ' ' || COALESCE(n.number, '')) LIKE {}",
            sql::contains(word),
        );
    }
    conditions
}

/// One page of the staff `query` asks for.
pub async fn page(db: &Db, organisation_id: i64, query: Query<'_>, now: i64) -> DomainResult<StaffPage> {
    let conditions = conditions(organisation_id, &query, now);
    let count_sql = format!("SELECT COUNT(DISTINCT a.id) AS n {FROM} WHERE {}", conditions.sql());
    let total = conditions.bind(sqlx::query_scalar::<_, i64>(&count_sql)).fetch_one(db).await?;
    let paging = Paging::of(total, PER_PAGE, query.page);
    let members = matching(db, conditions, query.order, Some(paging)).await?;
    Ok(StaffPage { members, total, paging })
}

/// The whole staff, by name.
pub async fn all(db: &Db, organisation_id: i64, now: i64) -> DomainResult<Vec<StaffMember>> {
    let query = Query::default();
    matching(db, conditions(organisation_id, &query, now), query.order, None).await
}

async fn matching(
    db: &Db,
    mut conditions: Conditions,
    order: Order,
    paging: Option<Paging>,
) -> DomainResult<Vec<StaffMember>> {
    let limit = match paging {
        Some(paging) => {
            format!(
                " LIMIT {} OFFSET {}",
                conditions.placeholder(PER_PAGE),
                conditions.placeholder(paging.offset)
            )
        }
        None => String::new(),
    };
    let sql = format!(
        "SELECT a.id, a.locked_until, a.title, a.given_name, a.family_name, a.email, MIN(m.role) AS role,
                CASE WHEN x.account_id IS NULL THEN a.status ELSE 'suspended' END AS status, n.number
         {FROM} WHERE {}
         GROUP BY a.id, a.locked_until, a.title, a.given_name, a.family_name, a.email, a.status, x.account_id, n.number
         ORDER BY {}{limit}",
        conditions.sql(),
        order.sql()
    );
    Ok(conditions
        .bind(sqlx::query_as::<_, StaffRow>(&sql))
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
