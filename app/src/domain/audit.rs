//! The append-only audit trail (the tables refuse UPDATE and DELETE). Never a password, code or
//! token. Written through `Ctx::audit`, which knows who acts, for whom, from where and when.
use super::{Ctx, DomainResult};
use sqlx::{Any, Executor};

pub(in crate::domain) async fn record<'e>(
    exec: impl Executor<'e, Database = Any>,
    ctx: &Ctx,
    organisation_id: Option<i64>,
    action: &'static str,
    target: &str,
) -> DomainResult<()> {
    insert(exec, ctx, organisation_id, action, target, None).await
}

/// Views of the same thing by the same person within this many seconds are one view: a page
/// reads its data with several queries, and reads it again after each change made on it.
pub const VIEW_SECONDS: i64 = 60;

/// Records that the actor looked at `target`, unless they already did within `VIEW_SECONDS`.
pub(in crate::domain) async fn record_view(
    db: &super::store::Db,
    ctx: &Ctx,
    organisation_id: Option<i64>,
    action: &'static str,
    target: &str,
) -> DomainResult<()> {
    insert(db, ctx, organisation_id, action, target, Some(ctx.now - VIEW_SECONDS)).await
}

/// One entry, unless `unless_since` is given and the same actor already has the same entry since.
async fn insert<'e>(
    exec: impl Executor<'e, Database = Any>,
    ctx: &Ctx,
    organisation_id: Option<i64>,
    action: &'static str,
    target: &str,
    unless_since: Option<i64>,
) -> DomainResult<()> {
    sqlx::query(
        "INSERT INTO audit_events (at, actor_id, organisation_id, action, target, ip, user_agent, acting_for_id)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8
         WHERE $9 < 0 OR NOT EXISTS (SELECT 1 FROM audit_events
                                     WHERE actor_id = $2 AND action = $4 AND target = $5 AND at > $9)",
    )
    .bind(ctx.now)
    .bind(ctx.actor)
    .bind(organisation_id)
    .bind(action)
    .bind(target)
    .bind(&ctx.meta.ip)
    .bind(ctx.meta.user_agent.chars().take(300).collect::<String>())
    .bind(ctx.acting_for)
    .bind(unless_since.unwrap_or(-1))
    .execute(exec)
    .await?;
    Ok(())
}
