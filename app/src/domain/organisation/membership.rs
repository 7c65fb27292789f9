//! A person's place in each organisation (tenancy). An account belongs to a person; a membership
//! (staff roles and services), a patient record and a caregiver grant each belong to one
//! organisation. A staff member works in one organisation at a time, the one their session chose;
//! with a single organisation there is nothing to choose. An administrator suspends a membership
//! in their own organisation only; what acts on the whole account (password reset, unlock) is
//! theirs only where the account belongs to their organisation alone.
use crate::domain::identity::session;
use crate::domain::Target;
use crate::domain::{Ctx, DomainError, DomainResult};
use sqlx::{Any, Executor, Row};

/// An organisation where the person works (a staff membership that is not suspended).
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Workplace {
    pub organisation_id: i64,
    pub name: String,
    /// The organisation's clock (an IANA time zone), read with the place to spare a query.
    pub timezone: String,
}

/// The organisations where the person may work now, by name.
pub async fn workplaces<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
) -> DomainResult<Vec<Workplace>> {
    Ok(sqlx::query_as(
        "SELECT DISTINCT o.id AS organisation_id, o.name, o.timezone FROM memberships m
         JOIN organisations o ON o.id = m.organisation_id
         WHERE m.account_id = $1 AND m.role <> 'patient' AND o.suspended_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM staff_suspensions s
                           WHERE s.account_id = m.account_id AND s.organisation_id = m.organisation_id)
         ORDER BY o.name, o.id",
    )
    .bind(account_id)
    .fetch_all(exec)
    .await?)
}

/// The organisations the platform suspended where the account is staff: they cannot work there.
pub async fn suspended_workplaces<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
) -> DomainResult<Vec<String>> {
    names(
        exec,
        "SELECT DISTINCT o.name FROM memberships m JOIN organisations o ON o.id = m.organisation_id
         WHERE m.account_id = $1 AND m.role <> 'patient' AND o.suspended_at IS NOT NULL ORDER BY o.name",
        account_id,
    )
    .await
}

/// The organisations the platform suspended that follow the account as a patient: their team
/// cannot answer for now.
pub async fn suspended_care<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
) -> DomainResult<Vec<String>> {
    names(
        exec,
        "SELECT DISTINCT o.name FROM patients p JOIN organisations o ON o.id = p.organisation_id
         WHERE p.account_id = $1 AND o.suspended_at IS NOT NULL ORDER BY o.name",
        account_id,
    )
    .await
}

/// The organisation names `sql` selects for the account bound to `$1`.
async fn names<'e>(
    exec: impl Executor<'e, Database = Any>,
    sql: &str,
    account_id: i64,
) -> DomainResult<Vec<String>> {
    let rows = sqlx::query(sql).bind(account_id).fetch_all(exec).await?;
    Ok(rows.iter().map(|r| r.try_get("name")).collect::<Result<_, _>>()?)
}

/// Where the person works in this session: the organisation the session chose while it is still
/// one of theirs, else their only one. `None` when they work in several and have not chosen, or
/// in none: nothing ever picks "the first" for them.
pub fn working_in(workplaces: &[Workplace], chosen: Option<i64>) -> Option<i64> {
    workplace_in(workplaces, chosen).map(|w| w.organisation_id)
}

/// The workplace `working_in` names, with its name and clock.
pub fn workplace_in(workplaces: &[Workplace], chosen: Option<i64>) -> Option<&Workplace> {
    match (chosen.and_then(|chosen| workplaces.iter().find(|w| w.organisation_id == chosen)), workplaces) {
        (Some(chosen), _) => Some(chosen),
        (None, [only]) => Some(only),
        _ => None,
    }
}

/// The session works in `organisation_id` from now on (one of the person's workplaces).
pub async fn work_in(ctx: &Ctx, session: session::ActiveSession, organisation_id: i64) -> DomainResult<()> {
    let places = workplaces(&ctx.db, session.account_id).await?;
    if !places.iter().any(|w| w.organisation_id == organisation_id) {
        return Err(DomainError::NotFound);
    }
    sqlx::query("UPDATE sessions SET organisation_id = $1 WHERE id = $2 AND account_id = $3")
        .bind(organisation_id)
        .bind(session.session_id)
        .bind(session.account_id)
        .execute(&ctx.db)
        .await?;
    ctx.audit(
        &ctx.db,
        Some(organisation_id),
        "session.organisation_chosen",
        Target::Account(session.account_id),
    )
    .await?;
    Ok(())
}

/// Suspends the membership (no staff work there); `false` if it already was.
pub async fn suspend<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
    organisation_id: i64,
    now: i64,
) -> DomainResult<bool> {
    Ok(sqlx::query(
        "INSERT INTO staff_suspensions (account_id, organisation_id, suspended_at) VALUES ($1, $2, $3)
         ON CONFLICT (account_id, organisation_id) DO NOTHING",
    )
    .bind(account_id)
    .bind(organisation_id)
    .bind(now)
    .execute(exec)
    .await?
    .rows_affected()
        == 1)
}

/// Lifts the membership's suspension; `false` if it was not suspended.
pub async fn reactivate<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
    organisation_id: i64,
) -> DomainResult<bool> {
    Ok(sqlx::query("DELETE FROM staff_suspensions WHERE account_id = $1 AND organisation_id = $2")
        .bind(account_id)
        .bind(organisation_id)
        .execute(exec)
        .await?
        .rows_affected()
        == 1)
}

/// Whether the account belongs to this organisation and to no other: no membership, patient
/// record or caregiver grant anywhere else. Only then may the organisation act on the whole
/// account (password reset, unlock, suspending the account, ending its sessions).
pub async fn belongs_only_to<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
    organisation_id: i64,
) -> DomainResult<bool> {
    let elsewhere: i64 = sqlx::query(
        "SELECT (SELECT COUNT(*) FROM memberships WHERE account_id = $1 AND organisation_id <> $2)
              + (SELECT COUNT(*) FROM patients WHERE account_id = $1 AND organisation_id <> $2)
              + (SELECT COUNT(*) FROM caregiver_grants WHERE caregiver_account_id = $1 AND organisation_id <> $2) AS n",
    )
    .bind(account_id)
    .bind(organisation_id)
    .fetch_one(exec)
    .await?
    .try_get("n")?;
    Ok(elsewhere == 0)
}

/// Refuses an account-wide action when the account belongs to another organisation too: the
/// platform's support desk does it then.
pub async fn only_here(ctx: &Ctx, account_id: i64, organisation_id: i64) -> DomainResult<()> {
    if belongs_only_to(&ctx.db, account_id, organisation_id).await? {
        Ok(())
    } else {
        Err(DomainError::conflict(None, "error-account-shared"))
    }
}

/// The organisations that follow the person as a patient, by name.
pub async fn patient_of<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
) -> DomainResult<Vec<String>> {
    names(
        exec,
        "SELECT DISTINCT o.name FROM patients p JOIN organisations o ON o.id = p.organisation_id
         WHERE p.account_id = $1 ORDER BY o.name",
        account_id,
    )
    .await
}
