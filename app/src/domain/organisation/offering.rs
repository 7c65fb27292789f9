//! The online services an organisation offers its people (`organisation_services`): those its
//! legally responsible person asked for when it joined, and administration always (someone must
//! manage it). Nobody can be given a service their organisation does not offer
//! (`refuse_unoffered`, asked by `staff_service::grant`); the platform's operators change the
//! offering (`platform::organisations::change_offering`).
use crate::domain::{DomainError, DomainResult};
use crate::states::Service;
use sqlx::{Any, Executor, Row};

/// The services offered here, in the catalogue's order.
pub async fn offered<'e>(
    exec: impl Executor<'e, Database = Any>,
    organisation_id: i64,
) -> DomainResult<Vec<Service>> {
    let rows = sqlx::query("SELECT service FROM organisation_services WHERE organisation_id = $1")
        .bind(organisation_id)
        .fetch_all(exec)
        .await?;
    let codes: Vec<String> = rows.iter().map(|r| r.try_get("service")).collect::<Result<_, _>>()?;
    Ok(Service::ALL.into_iter().filter(|s| codes.iter().any(|c| c == s.code())).collect())
}

/// What a new organisation offers: the services asked for, and administration.
pub fn with_administration(asked: &[Service]) -> Vec<Service> {
    Service::ALL.into_iter().filter(|s| *s == Service::Administration || asked.contains(s)).collect()
}

/// A new organisation starts offering these services (and administration).
pub async fn start(
    conn: &mut sqlx::AnyConnection,
    organisation_id: i64,
    asked: &[Service],
    now: i64,
) -> DomainResult<()> {
    for service in with_administration(asked) {
        add(&mut *conn, organisation_id, service, now).await?;
    }
    Ok(())
}

/// The organisation offers `service` too.
pub async fn add(
    conn: &mut sqlx::AnyConnection,
    organisation_id: i64,
    service: Service,
    now: i64,
) -> DomainResult<()> {
    sqlx::query(
        "INSERT INTO organisation_services (organisation_id, service, since) VALUES ($1, $2, $3)
         ON CONFLICT (organisation_id, service) DO NOTHING",
    )
    .bind(organisation_id)
    .bind(service.code())
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Refuses, on the services' field, any of `services` the organisation does not offer.
pub async fn refuse_unoffered<'e>(
    exec: impl Executor<'e, Database = Any>,
    organisation_id: i64,
    services: &[Service],
) -> DomainResult<()> {
    let offered = offered(exec, organisation_id).await?;
    if services.iter().all(|s| offered.contains(s)) {
        Ok(())
    } else {
        Err(DomainError::invalid("services", "error-service-not-offered"))
    }
}

/// The organisation stops offering `service` (its holders keep it until `staff_service` takes it
/// from them, in the same transaction).
pub async fn withdraw(
    conn: &mut sqlx::AnyConnection,
    organisation_id: i64,
    service: Service,
) -> DomainResult<()> {
    sqlx::query("DELETE FROM organisation_services WHERE organisation_id = $1 AND service = $2")
        .bind(organisation_id)
        .bind(service.code())
        .execute(conn)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_organisation_offers_what_was_asked_and_administration() {
        assert_eq!(
            with_administration(&[Service::Messaging, Service::Invitations]),
            vec![Service::Invitations, Service::Messaging, Service::Administration]
        );
        assert_eq!(with_administration(&[]), vec![Service::Administration]);
    }
}
