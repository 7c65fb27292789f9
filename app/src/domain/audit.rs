//! The append-only audit trail (the tables refuse UPDATE and DELETE). Never a password, code or token.
use super::{DomainResult, RequestMeta};
use sqlx::{Any, Executor};

pub struct Event {
    pub actor_id: Option<i64>,
    pub organisation_id: Option<i64>,
    pub action: &'static str,
    pub target: String,
}

pub async fn record<'e>(
    exec: impl Executor<'e, Database = Any>,
    event: Event,
    meta: &RequestMeta,
    now: i64,
) -> DomainResult<()> {
    record_acting_for(exec, event, None, meta, now).await
}

/// An event done by a caregiver (the actor) for a patient (whose account, if any, is named too).
pub async fn record_acting_for<'e>(
    exec: impl Executor<'e, Database = Any>,
    event: Event,
    acting_for_id: Option<i64>,
    meta: &RequestMeta,
    now: i64,
) -> DomainResult<()> {
    sqlx::query(
        "INSERT INTO audit_events (at, actor_id, organisation_id, action, target, ip, user_agent, acting_for_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(now)
    .bind(event.actor_id)
    .bind(event.organisation_id)
    .bind(event.action)
    .bind(event.target)
    .bind(&meta.ip)
    .bind(meta.user_agent.chars().take(300).collect::<String>())
    .bind(acting_for_id)
    .execute(exec)
    .await?;
    Ok(())
}
