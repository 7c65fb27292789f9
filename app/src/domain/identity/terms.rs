//! The terms of use a person accepts: when their account is made (the setup link, an invitation)
//! and again when the platform publishes a new version, before any other private page (`pending`
//! is checked by the server's private-page middleware). The acceptance names the version, with
//! when, the address and the browser. The versions themselves are `platform_documents` of kind
//! `terms`.
use crate::domain::{Ctx, DomainError, DomainResult, Target};
use sqlx::{Any, Executor, Row};

/// The version of the terms `account_id` still has to accept, if any: the latest published, unless
/// they accepted it.
pub async fn pending<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
) -> DomainResult<Option<i64>> {
    Ok(sqlx::query(
        "SELECT d.version FROM platform_documents d
         WHERE d.kind = 'terms'
           AND d.version = (SELECT MAX(version) FROM platform_documents WHERE kind = 'terms')
           AND NOT EXISTS (SELECT 1 FROM terms_acceptances a WHERE a.account_id = $1 AND a.version = d.version)",
    )
    .bind(account_id)
    .fetch_optional(exec)
    .await?
    .map(|row| row.try_get("version"))
    .transpose()?)
}

/// The box that says the person accepts the terms, as the form sent it: refused on its field when
/// not ticked.
pub fn ticked(ticked: bool) -> DomainResult<()> {
    if ticked {
        Ok(())
    } else {
        Err(DomainError::invalid("accept_terms", "error-terms-required"))
    }
}

/// Records that `account_id` accepts the current terms, unless they already did.
pub async fn record(tx: &mut sqlx::AnyConnection, ctx: &Ctx, account_id: i64) -> DomainResult<()> {
    let Some(version) = pending(&mut *tx, account_id).await? else { return Ok(()) };
    sqlx::query(
        "INSERT INTO terms_acceptances (account_id, version, accepted_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(account_id)
    .bind(version)
    .bind(ctx.now)
    .bind(&ctx.meta.ip)
    .bind(ctx.meta.user_agent.chars().take(300).collect::<String>())
    .execute(&mut *tx)
    .await?;
    ctx.by(account_id).audit(&mut *tx, None, "terms.accepted", Target::Account(account_id)).await
}

/// A signed-in person accepts the version published since they last did (`ticked`: the box).
pub async fn accept(ctx: &Ctx, account_id: i64, ticked: bool) -> DomainResult<()> {
    self::ticked(ticked)?;
    let mut tx = ctx.db.begin().await?;
    record(&mut tx, ctx, account_id).await?;
    tx.commit().await?;
    Ok(())
}
