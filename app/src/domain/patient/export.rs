//! "Export my data" (Québec's Law 25, right of access and portability): everything Portail keeps
//! about a person, as JSON. Secrets (password hash, authenticator secret, recovery codes, tokens)
//! are never exported; whether they exist is.
use super::profile;
use crate::domain::identity::account;
use crate::domain::Target;
use crate::domain::{Ctx, DomainResult};
use serde_json::{json, Value};
use sqlx::Row;

fn rows_to_json(
    rows: &[sqlx::any::AnyRow],
    text: &[&str],
    numbers: &[&str],
) -> Result<Vec<Value>, sqlx::Error> {
    rows.iter()
        .map(|r| {
            let mut object = serde_json::Map::new();
            for column in text {
                object.insert((*column).into(), json!(r.try_get::<Option<String>, _>(*column)?));
            }
            for column in numbers {
                object.insert((*column).into(), json!(r.try_get::<Option<i64>, _>(*column)?.map(iso_time)));
            }
            Ok(Value::Object(object))
        })
        .collect()
}

fn iso_time(epoch: i64) -> String {
    chrono::DateTime::from_timestamp(epoch, 0).map(|d| d.to_rfc3339()).unwrap_or_default()
}

/// The export, and a trace of it in the audit trail.
pub async fn for_account(ctx: &Ctx, account_id: i64) -> DomainResult<Value> {
    let (db, now) = (&ctx.db, ctx.now);
    let me = account::find_by_id(db, account_id).await?;
    let details = profile::load(db, account_id).await?;
    let created_at: i64 = sqlx::query("SELECT created_at FROM accounts WHERE id = $1")
        .bind(account_id)
        .fetch_one(db)
        .await?
        .try_get("created_at")?;
    let memberships = sqlx::query(
        "SELECT o.name AS organisation, m.role, m.created_at FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.account_id = $1 ORDER BY m.created_at",
    )
    .bind(account_id)
    .fetch_all(db)
    .await?;
    let records = sqlx::query(
        "SELECT o.name AS organisation, p.given_name, p.family_name, p.birth_date, p.email, p.mobile, p.language, p.created_at
         FROM patients p JOIN organisations o ON o.id = p.organisation_id WHERE p.account_id = $1 ORDER BY p.created_at",
    )
    .bind(account_id)
    .fetch_all(db)
    .await?;
    let sessions = sqlx::query("SELECT ip, user_agent, created_at, last_seen_at, ended_at FROM sessions WHERE account_id = $1 ORDER BY id")
        .bind(account_id)
        .fetch_all(db)
        .await?;
    // Who may act for me, and for whom I may act.
    let grants = sqlx::query(
        "SELECT CASE WHEN g.caregiver_account_id = $1 THEN 'i_assist' ELSE 'assists_me' END AS direction,
                g.given_name || ' ' || g.family_name AS caregiver, p.given_name || ' ' || p.family_name AS patient, o.name AS organisation,
                g.relationship, g.status, g.ends_on, g.created_at, g.ended_at,
                CASE WHEN g.scope_messages = 1 THEN 'yes' ELSE 'no' END AS messages,
                CASE WHEN g.scope_questionnaires = 1 THEN 'yes' ELSE 'no' END AS questionnaires,
                CASE WHEN g.scope_profile = 1 THEN 'yes' ELSE 'no' END AS profile
         FROM caregiver_grants g JOIN patients p ON p.id = g.patient_id JOIN organisations o ON o.id = g.organisation_id
         WHERE g.caregiver_account_id = $1 OR p.account_id = $1 ORDER BY g.id",
    )
    .bind(account_id)
    .fetch_all(db)
    .await?;
    let events = sqlx::query(
        "SELECT action, ip, user_agent, at FROM audit_events WHERE target = $1 OR actor_id = $2 OR acting_for_id = $2 ORDER BY id",
    )
    .bind(Target::Account(account_id).to_string())
    .bind(account_id)
    .fetch_all(db)
    .await?;
    let questionnaires = crate::domain::questionnaire::filling::export(
        db,
        account_id,
        crate::i18n::Lang::from_code(&details.language),
    )
    .await?;
    let export = json!({
        "format": "portail-export-1",
        "exported_at": iso_time(now),
        "account": {
            "email": me.email,
            "given_name": me.given_name,
            "family_name": me.family_name,
            "preferred_name": details.preferred_name,
            "mobile_phone": details.mobile_phone,
            "home_phone": details.home_phone,
            "address": { "street": details.street, "city": details.city, "province": details.province, "postal_code": details.postal_code },
            "language_of_communication": details.language,
            "interface_language": details.interface_language,
            "sign_in_second_step": if me.totp_secret.is_some() { "authenticator_app" } else { "email_code" },
            "status": me.status.code(),
            "created_at": iso_time(created_at),
        },
        "memberships": rows_to_json(&memberships, &["organisation", "role"], &["created_at"])?,
        "patient_records": rows_to_json(&records, &["organisation", "given_name", "family_name", "birth_date", "email", "mobile", "language"], &["created_at"])?,
        "caregiver_grants": rows_to_json(&grants, &["direction", "caregiver", "patient", "organisation", "relationship", "status", "ends_on", "messages", "questionnaires", "profile"], &["created_at", "ended_at"])?,
        "questionnaires": questionnaires,
        "sessions": rows_to_json(&sessions, &["ip", "user_agent"], &["created_at", "last_seen_at", "ended_at"])?,
        "audit_events": rows_to_json(&events, &["action", "ip", "user_agent"], &["at"])?,
    });
    ctx.audit(db, None, "data.exported", Target::Account(account_id)).await?;
    Ok(export)
}
