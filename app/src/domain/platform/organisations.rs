//! The organisations as the platform's operators see them: name, state, administrators and how
//! many staff and patients — counts only, never who the patients are —, and suspending one (its
//! staff can no longer work in it; its patients see a notice and keep their own information) or
//! reactivating it; changing the services it offers. Every change is in the organisation's own
//! audit trail and mailed to its administrators.
use crate::domain::organisation::{offering, staff_service};
use crate::domain::{notification, organisation, store, Ctx, DomainError, DomainResult, Target};
use crate::states::Service;
use sqlx::Row;

/// An organisation in the console's list.
#[derive(Clone, Debug)]
pub struct Listed {
    pub id: i64,
    pub name: String,
    pub created_at: i64,
    pub suspended_at: Option<i64>,
    pub suspension_reason: String,
    pub administrators: Vec<(String, String)>,
    pub staff: i64,
    pub patients: i64,
    /// The services it offers, in the catalogue's order.
    pub services: Vec<Service>,
}

/// Every organisation, by name.
pub async fn list(db: &store::Db) -> DomainResult<Vec<Listed>> {
    let rows = sqlx::query(
        "SELECT o.id, o.name, o.created_at, o.suspended_at, o.suspension_reason,
                (SELECT COUNT(DISTINCT m.account_id) FROM memberships m
                  WHERE m.organisation_id = o.id AND m.role <> 'patient') AS staff,
                (SELECT COUNT(*) FROM patients p WHERE p.organisation_id = o.id) AS patients
         FROM organisations o ORDER BY o.name, o.id",
    )
    .fetch_all(db)
    .await?;
    let admins = sqlx::query(
        "SELECT m.organisation_id, a.given_name || ' ' || a.family_name AS name, a.email
         FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE m.role = 'admin'
         ORDER BY a.family_name, a.given_name",
    )
    .fetch_all(db)
    .await?;
    let offered =
        sqlx::query("SELECT organisation_id, service FROM organisation_services").fetch_all(db).await?;
    rows.into_iter()
        .map(|row| {
            let id: i64 = row.try_get("id")?;
            let administrators = admins
                .iter()
                .filter(|a| a.try_get::<i64, _>("organisation_id").ok() == Some(id))
                .filter_map(|a| Some((a.try_get("name").ok()?, a.try_get("email").ok()?)))
                .collect();
            let codes: Vec<String> = offered
                .iter()
                .filter(|o| o.try_get::<i64, _>("organisation_id").ok() == Some(id))
                .filter_map(|o| o.try_get("service").ok())
                .collect();
            let services = Service::ALL.into_iter().filter(|s| codes.iter().any(|c| c == s.code())).collect();
            Ok(Listed {
                id,
                name: row.try_get("name")?,
                created_at: row.try_get("created_at")?,
                suspended_at: row.try_get("suspended_at")?,
                suspension_reason: row.try_get("suspension_reason")?,
                administrators,
                staff: row.try_get("staff")?,
                patients: row.try_get("patients")?,
                services,
            })
        })
        .collect()
}

/// An operator sets what the organisation offers (administration whatever is ticked). A service
/// taken away is taken from everyone who held it there; the administrators are mailed the new
/// list; the change is in the organisation's own trail. Nothing changed, nothing is written.
pub async fn change_offering(ctx: &Ctx, organisation_id: i64, wanted: &[Service]) -> DomainResult<()> {
    if wanted.iter().all(|s| *s == Service::Administration) {
        return Err(DomainError::invalid("services", "error-services-offered-none"));
    }
    let wanted = offering::with_administration(wanted);
    let mut tx = ctx.db.begin().await?;
    let organisation = sqlx::query("SELECT name FROM organisations WHERE id = $1")
        .bind(organisation_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(DomainError::NotFound)?;
    let name: String = organisation.try_get("name")?;
    let before = offering::offered(&mut *tx, organisation_id).await?;
    let added: Vec<Service> = wanted.iter().copied().filter(|s| !before.contains(s)).collect();
    let removed: Vec<Service> = before.iter().copied().filter(|s| !wanted.contains(s)).collect();
    if added.is_empty() && removed.is_empty() {
        return Ok(());
    }
    for service in added {
        offering::add(&mut tx, organisation_id, service, ctx.now).await?;
    }
    for service in removed {
        offering::withdraw(&mut tx, organisation_id, service).await?;
        staff_service::revoke_from_everyone(&mut tx, organisation_id, service).await?;
    }
    organisation::tell_administrators(&mut tx, organisation_id, ctx.now, |lang, given_name| {
        notification::organisation_services_mail(lang, given_name, &name, &wanted)
    })
    .await?;
    let action = "organisation.services_changed";
    ctx.audit(&mut *tx, Some(organisation_id), action, Target::Organisation(organisation_id)).await?;
    tx.commit().await?;
    Ok(())
}

/// Suspends the organisation, for `reason` (said to its administrators).
pub async fn suspend(ctx: &Ctx, organisation_id: i64, reason: &str) -> DomainResult<()> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(DomainError::invalid("reason", "error-suspension-reason-required"));
    }
    if reason.chars().count() > super::review::NOTE_MAX {
        return Err(DomainError::invalid("reason", "error-note-too-long"));
    }
    change(ctx, organisation_id, Some(reason)).await
}

pub async fn reactivate(ctx: &Ctx, organisation_id: i64) -> DomainResult<()> {
    change(ctx, organisation_id, None).await
}

async fn change(ctx: &Ctx, organisation_id: i64, suspension: Option<&str>) -> DomainResult<()> {
    let mut tx = ctx.db.begin().await?;
    let changed = sqlx::query(
        "UPDATE organisations SET suspended_at = $1, suspension_reason = $2
         WHERE id = $3 AND (suspended_at IS NULL) = $4 RETURNING name",
    )
    .bind(suspension.map(|_| ctx.now))
    .bind(suspension.unwrap_or_default())
    .bind(organisation_id)
    .bind(suspension.is_some())
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = changed else {
        tx.rollback().await?;
        let exists = sqlx::query("SELECT 1 AS one FROM organisations WHERE id = $1")
            .bind(organisation_id)
            .fetch_optional(&ctx.db)
            .await?;
        return match exists {
            None => Err(DomainError::NotFound),
            // Suspended or reactivated already (another operator, another tab): nothing to do.
            Some(_) => Ok(()),
        };
    };
    let name: String = row.try_get("name")?;
    organisation::tell_administrators(
        &mut tx,
        organisation_id,
        ctx.now,
        |lang, given_name| match suspension {
            Some(reason) => notification::organisation_suspended_mail(lang, given_name, &name, reason),
            None => notification::organisation_reactivated_mail(lang, given_name, &name),
        },
    )
    .await?;
    let action = if suspension.is_some() { "organisation.suspended" } else { "organisation.reactivated" };
    ctx.audit(&mut *tx, Some(organisation_id), action, Target::Organisation(organisation_id)).await?;
    tx.commit().await?;
    Ok(())
}
