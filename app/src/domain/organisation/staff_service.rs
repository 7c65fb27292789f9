//! Which online services each staff member may use in an organisation (`staff_services`). The
//! rules for changing them (the last administrator, mails, audit) are in `staff_admin`; this module
//! only reads and writes the rows.
use crate::domain::DomainResult;
use crate::states::Service;
use sqlx::Any;
use sqlx::Executor;

#[derive(sqlx::FromRow)]
struct Held {
    organisation_id: i64,
    #[sqlx(try_from = "String")]
    service: Service,
}

/// Gives the person these services here (those they hold already stay as they are).
pub async fn grant(
    conn: &mut sqlx::AnyConnection,
    account_id: i64,
    organisation_id: i64,
    services: &[Service],
    now: i64,
) -> DomainResult<()> {
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
