//! Which online services each staff member may use in an organisation (`staff_services`). The
//! rules for changing them (the last administrator, mails, audit) are in `staff_admin`; this module
//! reads and writes the rows, and never writes a service the organisation does not offer.
use crate::domain::organisation::offering;
use crate::domain::DomainResult;
use crate::states::{Role, Service};
use sqlx::Any;
use sqlx::Executor;

/// Services stored as their codes separated by commas (a staff invitation's, a join request's).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Services(pub Vec<Service>);

impl From<String> for Services {
    fn from(codes: String) -> Self {
        Self(codes.split(',').filter_map(Service::parse).collect())
    }
}

#[derive(sqlx::FromRow)]
struct Held {
    organisation_id: i64,
    #[sqlx(try_from = "String")]
    service: Service,
}

/// Gives the person these services here (those they hold already stay as they are); refused on
/// the services' field when the organisation does not offer one of them.
pub async fn grant(
    conn: &mut sqlx::AnyConnection,
    account_id: i64,
    organisation_id: i64,
    services: &[Service],
    now: i64,
) -> DomainResult<()> {
    offering::refuse_unoffered(&mut *conn, organisation_id, services).await?;
    for service in services {
        sqlx::query(
            "INSERT INTO staff_services (account_id, organisation_id, service, granted_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (account_id, organisation_id, service) DO NOTHING",
        )
        .bind(account_id)
        .bind(organisation_id)
        .bind(service.code())
        .bind(now)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Takes these services away from the person here.
pub async fn revoke(
    conn: &mut sqlx::AnyConnection,
    account_id: i64,
    organisation_id: i64,
    services: &[Service],
) -> DomainResult<()> {
    for service in services {
        sqlx::query(
            "DELETE FROM staff_services WHERE account_id = $1 AND organisation_id = $2 AND service = $3",
        )
        .bind(account_id)
        .bind(organisation_id)
        .bind(service.code())
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The person's services here, in the catalogue's order (read on every staff request: one
/// organisation's rows only).
pub async fn held<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
    organisation_id: i64,
) -> DomainResult<Vec<Service>> {
    let rows: Vec<Held> = sqlx::query_as(
        "SELECT organisation_id, service FROM staff_services WHERE account_id = $1 AND organisation_id = $2",
    )
    .bind(account_id)
    .bind(organisation_id)
    .fetch_all(exec)
    .await?;
    let mut held: Vec<Service> = rows.into_iter().map(|r| r.service).collect();
    held.sort_by_key(|s| Service::ALL.iter().position(|c| c == s));
    Ok(held)
}

/// Names the person here by the services they now hold — support desk alone, or a professional
/// (an administrator stays one) — and returns them.
pub async fn rename_by_services(
    conn: &mut sqlx::AnyConnection,
    account_id: i64,
    organisation_id: i64,
) -> DomainResult<Vec<Service>> {
    let now_held = held(&mut *conn, account_id, organisation_id).await?;
    let care_or_support: Vec<Service> =
        now_held.iter().copied().filter(|s| *s != Service::Administration).collect();
    sqlx::query(
        "UPDATE memberships SET role = $1
         WHERE account_id = $2 AND organisation_id = $3 AND role IN ('professional', 'support')",
    )
    .bind(Role::of_services(&care_or_support).code())
    .bind(account_id)
    .bind(organisation_id)
    .execute(&mut *conn)
    .await?;
    Ok(now_held)
}

/// Takes `service` from everyone who holds it here (the organisation stopped offering it); each
/// is named by what they keep.
pub async fn revoke_from_everyone(
    conn: &mut sqlx::AnyConnection,
    organisation_id: i64,
    service: Service,
) -> DomainResult<()> {
    use sqlx::Row;
    let holders: Vec<i64> =
        sqlx::query("SELECT account_id FROM staff_services WHERE organisation_id = $1 AND service = $2")
            .bind(organisation_id)
            .bind(service.code())
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(|r| r.try_get("account_id"))
            .collect::<Result<_, _>>()?;
    for account_id in holders {
        revoke(&mut *conn, account_id, organisation_id, &[service]).await?;
        rename_by_services(&mut *conn, account_id, organisation_id).await?;
    }
    Ok(())
}

/// Every `(organisation, service)` the person holds.
pub async fn everywhere<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
) -> DomainResult<Vec<(i64, Service)>> {
    let rows: Vec<Held> = sqlx::query_as(
        "SELECT organisation_id, service FROM staff_services WHERE account_id = $1 ORDER BY organisation_id",
    )
    .bind(account_id)
    .fetch_all(exec)
    .await?;
    Ok(rows.into_iter().map(|r| (r.organisation_id, r.service)).collect())
}

/// The accounts holding `service` here.
pub async fn holders(
    db: &crate::domain::store::Db,
    organisation_id: i64,
    service: Service,
) -> DomainResult<Vec<i64>> {
    use sqlx::Row;
    let rows =
        sqlx::query("SELECT account_id FROM staff_services WHERE organisation_id = $1 AND service = $2")
            .bind(organisation_id)
            .bind(service.code())
            .fetch_all(db)
            .await?;
    Ok(rows.iter().map(|r| r.try_get("account_id")).collect::<Result<_, _>>()?)
}
