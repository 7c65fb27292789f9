//! The online services an organisation offers its people (`organisation_services`): those its
//! legally responsible person asked for when it joined, and administration always (someone must
//! manage it). Nobody can be given a service their organisation does not offer; the platform's
//! operators change the offering, and a service taken away is taken from every staff member who
//! held it there, at once.
use crate::domain::organisation::staff_service;
use crate::domain::{notification, Ctx, DomainError, DomainResult, Target};
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

async fn add(
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

/// An operator sets what the organisation offers (administration stays whatever is ticked). A
/// service taken away is taken from everyone who held it there; the administrators are mailed the
/// new list; the change is in the organisation's audit trail. Nothing changed, nothing is written.
pub async fn change(ctx: &Ctx, organisation_id: i64, wanted: &[Service]) -> DomainResult<()> {
    if wanted.iter().all(|s| *s == Service::Administration) {
        return Err(DomainError::invalid("services", "error-services-offered-none"));
    }
    let wanted = with_administration(wanted);
    let mut tx = ctx.db.begin().await?;
    let organisation = sqlx::query("SELECT name FROM organisations WHERE id = $1")
        .bind(organisation_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(DomainError::NotFound)?;
    let name: String = organisation.try_get("name")?;
    let before = offered(&mut *tx, organisation_id).await?;
    let added: Vec<Service> = wanted.iter().copied().filter(|s| !before.contains(s)).collect();
    let removed: Vec<Service> = before.iter().copied().filter(|s| !wanted.contains(s)).collect();
    if added.is_empty() && removed.is_empty() {
        return Ok(());
    }
    for service in &added {
        add(&mut tx, organisation_id, *service, ctx.now).await?;
    }
    for service in &removed {
        take_away(&mut tx, organisation_id, *service).await?;
    }
    super::tell_administrators(&mut tx, organisation_id, ctx.now, |lang, given_name| {
        notification::organisation_services_mail(lang, given_name, &name, &wanted)
    })
    .await?;
    ctx.audit(
        &mut *tx,
        Some(organisation_id),
        "organisation.services_changed",
        Target::Organisation(organisation_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The organisation stops offering `service`: nobody holds it there any more, and the people
/// who held it are named by what they keep (support desk alone, or a professional).
async fn take_away(tx: &mut sqlx::AnyConnection, organisation_id: i64, service: Service) -> DomainResult<()> {
    let holders: Vec<i64> =
        sqlx::query("SELECT account_id FROM staff_services WHERE organisation_id = $1 AND service = $2")
            .bind(organisation_id)
            .bind(service.code())
            .fetch_all(&mut *tx)
            .await?
            .iter()
            .map(|r| r.try_get("account_id"))
            .collect::<Result<_, _>>()?;
    sqlx::query("DELETE FROM organisation_services WHERE organisation_id = $1 AND service = $2")
        .bind(organisation_id)
        .bind(service.code())
        .execute(&mut *tx)
        .await?;
    for account_id in holders {
        staff_service::revoke(&mut *tx, account_id, organisation_id, &[service]).await?;
        staff_service::rename_by_services(&mut *tx, account_id, organisation_id).await?;
    }
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
