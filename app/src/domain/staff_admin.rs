//! What an administrator does for a staff member of their organisation: see where the account
//! stands, unlock it, suspend or reactivate it, send password-reset instructions. Each action is
//! audited under the administrator and mailed to the person in their language. An organisation
//! always keeps an active administrator: the last one cannot be suspended.
use super::account::{AccountStatus, Role};
use super::{notification, password_reset, store, Ctx, DomainError, DomainResult};
use crate::i18n::Lang;
use sqlx::{Any, Executor, Row};

/// A staff member as their administrator sees them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub account_id: i64,
    /// Title and name, e.g. "Dre Anne Roy".
    pub name: String,
    pub given_name: String,
    pub email: String,
    pub language: Lang,
    pub role: Role,
    pub status: AccountStatus,
    /// Set while the account is locked.
    pub locked_until: Option<i64>,
    pub last_sign_in: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct PersonRow {
    id: i64,
    title: String,
    given_name: String,
    family_name: String,
    email: String,
    #[sqlx(try_from = "String")]
    language: Lang,
    #[sqlx(try_from = "String")]
    role: Role,
    #[sqlx(try_from = "String")]
    status: AccountStatus,
    locked_until: Option<i64>,
    last_sign_in: Option<i64>,
}

/// One of the organisation's staff (administrator, professional or support); `None` for anyone else.
pub async fn person(
    db: &store::Db,
    organisation_id: i64,
    account_id: i64,
    now: i64,
) -> DomainResult<Option<Person>> {
    let row: Option<PersonRow> = sqlx::query_as(
        "SELECT a.id, a.title, a.given_name, a.family_name, a.email, a.language, m.role, a.status, a.locked_until,
                (SELECT MAX(s.created_at) FROM sessions s WHERE s.account_id = a.id) AS last_sign_in
         FROM memberships m JOIN accounts a ON a.id = m.account_id
         WHERE m.organisation_id = $1 AND a.id = $2 AND m.role <> 'patient'
         ORDER BY m.role LIMIT 1",
    )
    .bind(organisation_id)
    .bind(account_id)
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| Person {
        account_id: r.id,
        name: format!("{} {} {}", r.title, r.given_name, r.family_name).trim().to_string(),
        given_name: r.given_name,
        email: r.email,
        language: r.language,
        role: r.role,
        status: r.status,
        locked_until: r.locked_until.filter(|until| *until > now),
        last_sign_in: r.last_sign_in,
    }))
}

async fn existing(ctx: &Ctx, organisation_id: i64, account_id: i64) -> DomainResult<Person> {
    person(&ctx.db, organisation_id, account_id, ctx.now).await?.ok_or(DomainError::NotFound)
}

async fn end_sessions<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
    now: i64,
) -> DomainResult<()> {
    sqlx::query("UPDATE sessions SET ended_at = $1 WHERE account_id = $2 AND ended_at IS NULL")
        .bind(now)
        .bind(account_id)
        .execute(exec)
        .await?;
    Ok(())
}

/// Lifts a lock (too many wrong passwords or codes) before local midnight.
pub async fn unlock(ctx: &Ctx, organisation_id: i64, account_id: i64) -> DomainResult<()> {
    let person = existing(ctx, organisation_id, account_id).await?;
    if person.locked_until.is_none() {
        return Err(DomainError::conflict(None, "error-not-locked"));
    }
    let mut tx = ctx.db.begin().await?;
    sqlx::query("UPDATE accounts SET locked_until = NULL, failed_sign_ins = 0 WHERE id = $1")
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    let mail = notification::unlocked_mail(person.language, &person.given_name);
    notification::enqueue(&mut *tx, &person.email, &mail, ctx.now).await?;
    ctx.audit(&mut *tx, Some(organisation_id), "account.unlocked", format!("account:{account_id}")).await?;
    tx.commit().await?;
    Ok(())
}

/// Stops an active account at once: no sign-in, every session ended. Refused for the
/// organisation's last active administrator, also when two administrators suspend each other at
/// the same moment (the organisation's row is written first, so such changes run one at a time).
pub async fn suspend(ctx: &Ctx, organisation_id: i64, account_id: i64) -> DomainResult<()> {
    let mut tx = ctx.db.begin().await?;
    sqlx::query("UPDATE organisations SET id = id WHERE id = $1")
        .bind(organisation_id)
        .execute(&mut *tx)
        .await?;
    let person = existing(ctx, organisation_id, account_id).await?;
    if person.status != AccountStatus::Active {
        return Err(DomainError::conflict(None, "error-not-active"));
    }
    if person.role == Role::Admin {
        let others: i64 = sqlx::query(
            "SELECT COUNT(*) AS n FROM memberships m JOIN accounts a ON a.id = m.account_id
             WHERE m.organisation_id = $1 AND m.role = 'admin' AND a.status = 'active' AND a.id <> $2",
        )
        .bind(organisation_id)
        .bind(account_id)
        .fetch_one(&mut *tx)
        .await?
        .try_get("n")?;
        if others == 0 {
            return Err(DomainError::conflict(None, "error-last-administrator"));
        }
    }
    let changed = sqlx::query("UPDATE accounts SET status = 'suspended' WHERE id = $1 AND status = 'active'")
        .bind(account_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if changed != 1 {
        return Err(DomainError::conflict(None, "error-not-active"));
    }
    end_sessions(&mut *tx, account_id, ctx.now).await?;
    let mail = notification::suspended_mail(person.language, &person.given_name);
    notification::enqueue(&mut *tx, &person.email, &mail, ctx.now).await?;
    ctx.audit(&mut *tx, Some(organisation_id), "account.suspended", format!("account:{account_id}")).await?;
    tx.commit().await?;
    Ok(())
}

/// Lets a suspended person sign in again.
pub async fn reactivate(ctx: &Ctx, organisation_id: i64, account_id: i64) -> DomainResult<()> {
    let person = existing(ctx, organisation_id, account_id).await?;
    let mut tx = ctx.db.begin().await?;
    let changed = sqlx::query("UPDATE accounts SET status = 'active' WHERE id = $1 AND status = 'suspended'")
        .bind(account_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if changed != 1 {
        return Err(DomainError::conflict(None, "error-not-suspended"));
    }
    let mail = notification::reactivated_mail(person.language, &person.given_name);
    notification::enqueue(&mut *tx, &person.email, &mail, ctx.now).await?;
    ctx.audit(&mut *tx, Some(organisation_id), "account.reactivated", format!("account:{account_id}"))
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Mails the person a password-reset link (the administrator never sees or sets a password) and
/// ends their sessions.
pub async fn send_password_reset(
    ctx: &Ctx,
    organisation_id: i64,
    account_id: i64,
    public_url: &str,
) -> DomainResult<()> {
    let person = existing(ctx, organisation_id, account_id).await?;
    if person.status != AccountStatus::Active {
        return Err(DomainError::conflict(None, "error-not-active"));
    }
    let mut tx = ctx.db.begin().await?;
    end_sessions(&mut *tx, account_id, ctx.now).await?;
    ctx.audit(
        &mut *tx,
        Some(organisation_id),
        "account.password_reset_sent",
        format!("account:{account_id}"),
    )
    .await?;
    tx.commit().await?;
    password_reset::request(ctx, &person.email, public_url).await
}
