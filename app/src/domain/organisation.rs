//! Health organisations using Portail, and the creation of one with its first administrator.
use super::account::{self, Email, NewAccount, Role};
use super::{audit, notification, setup_link, store, DomainResult, RequestMeta};
use crate::i18n::Lang;
use sqlx::{Any, Executor, Row};

pub async fn create<'e>(exec: impl Executor<'e, Database = Any>, name: &str, now: i64) -> DomainResult<i64> {
    let row = sqlx::query("INSERT INTO organisations (name, created_at) VALUES ($1, $2) RETURNING id")
        .bind(name.trim())
        .bind(now)
        .fetch_one(exec)
        .await?;
    Ok(row.try_get("id")?)
}

pub struct Bootstrap<'a> {
    pub organisation: &'a str,
    pub email: &'a str,
    pub given_name: &'a str,
    pub family_name: &'a str,
    pub language: Lang,
}

/// Creates the organisation, its first administrator and a one-time setup link, mails the link
/// and records it all, in one transaction. Returns the link (shown once on the console).
pub async fn bootstrap(db: &store::Db, public_url: &str, new: Bootstrap<'_>) -> DomainResult<String> {
    let email = Email::parse(new.email)?;
    if new.organisation.trim().is_empty() {
        return Err(super::DomainError::Invalid("error-organisation-required"));
    }
    let now = store::now();
    let mut tx = db.begin().await?;
    let organisation_id = create(&mut *tx, new.organisation, now).await?;
    let account_id = account::create(
        &mut *tx,
        NewAccount { email: &email, given_name: new.given_name, family_name: new.family_name, language: new.language },
        now,
    )
    .await?;
    account::add_membership(&mut *tx, account_id, organisation_id, Role::Admin, now).await?;
    let token = setup_link::create(&mut *tx, account_id, now).await?;
    let link = setup_link::url(public_url, &token, new.language);
    let mail = notification::setup_link_mail(new.language, new.given_name, new.organisation.trim(), &link);
    notification::enqueue(&mut *tx, email.as_str(), &mail, now).await?;
    audit::record(
        &mut *tx,
        audit::Event { actor_id: None, organisation_id: Some(organisation_id), action: "bootstrap", target: format!("account:{account_id}") },
        &RequestMeta { ip: "console".into(), user_agent: String::new() },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(link)
}
