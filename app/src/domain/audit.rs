//! The append-only audit trail (the tables refuse UPDATE and DELETE). Never a password, code or token.
use super::{DomainResult, RequestMeta};
use sqlx::{Any, Executor};

pub struct Event {
    pub actor_id: Option<i64>,
    pub organisation_id: Option<i64>,
    pub action: &'static str,
    pub target: String,
}

pub async fn record<'e>(exec: impl Executor<'e, Database = Any>, event: Event, meta: &RequestMeta, now: i64) -> DomainResult<()> {
    sqlx::query(
        "INSERT INTO audit_events (at, actor_id, organisation_id, action, target, ip, user_agent)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(now)
    .bind(event.actor_id)
    .bind(event.organisation_id)
    .bind(event.action)
    .bind(event.target)
    .bind(&meta.ip)
    .bind(meta.user_agent.chars().take(300).collect::<String>())
    .execute(exec)
    .await?;
    Ok(())
}
