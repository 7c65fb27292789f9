//! The append-only audit trail (the tables refuse UPDATE and DELETE). Never a password, code or
//! token. Written through `Ctx::audit`, which knows who acts, for whom, from where and when.
use super::{Ctx, DomainResult};
use sqlx::{Any, Executor};

pub(super) async fn record<'e>(
    exec: impl Executor<'e, Database = Any>,
    ctx: &Ctx,
    organisation_id: Option<i64>,
    action: &'static str,
    target: &str,
) -> DomainResult<()> {
    sqlx::query(
        "INSERT INTO audit_events (at, actor_id, organisation_id, action, target, ip, user_agent, acting_for_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(ctx.now)
    .bind(ctx.actor)
    .bind(organisation_id)
    .bind(action)
    .bind(target)
    .bind(&ctx.meta.ip)
    .bind(ctx.meta.user_agent.chars().take(300).collect::<String>())
    .bind(ctx.acting_for)
    .execute(exec)
    .await?;
    Ok(())
}
