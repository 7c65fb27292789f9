//! The append-only audit trail (the tables refuse UPDATE and DELETE). Never a password, code or token.
use super::{DomainResult, RequestMeta};
use sqlx::{Any, Executor, Row};

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

#[derive(Clone, Debug)]
pub struct Entry {
    pub at: i64,
    pub actor_id: Option<i64>,
    pub action: String,
    pub target: String,
}

/// Newest first.
pub async fn recent<'e>(exec: impl Executor<'e, Database = Any>, limit: i64) -> DomainResult<Vec<Entry>> {
    let rows = sqlx::query("SELECT at, actor_id, action, target FROM audit_events ORDER BY id DESC LIMIT $1")
        .bind(limit)
        .fetch_all(exec)
        .await?;
    rows.iter()
        .map(|r| Ok(Entry { at: r.try_get("at")?, actor_id: r.try_get("actor_id")?, action: r.try_get("action")?, target: r.try_get("target")? }))
        .collect()
}
