//! The team's alert by email: a staff member chooses, in the organisation they work in, to be
//! written to when a questionnaire filled by a patient their care teams follow raises an alert
//! (PHQ-9 item 9 above 0). The email says only that a questionnaire needs attention, and links to
//! it.
use super::TeamMember;
use crate::domain::{notification, store::Db, Ctx, DomainResult, Target};
use crate::door::Door;
use crate::i18n::Lang;
use crate::paths::Page;
use sqlx::Any;

pub async fn chosen(db: &Db, member: TeamMember) -> DomainResult<bool> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT account_id FROM questionnaire_alert_choices WHERE account_id = $1 AND organisation_id = $2",
    )
    .bind(member.account_id)
    .bind(member.organisation_id)
    .fetch_optional(db)
    .await?;
    Ok(found.is_some())
}

pub async fn choose(ctx: &Ctx, member: TeamMember, on: bool) -> DomainResult<()> {
    let mut tx = ctx.db.begin().await?;
    sqlx::query("DELETE FROM questionnaire_alert_choices WHERE account_id = $1 AND organisation_id = $2")
        .bind(member.account_id)
        .bind(member.organisation_id)
        .execute(&mut *tx)
        .await?;
    if on {
        sqlx::query(
            "INSERT INTO questionnaire_alert_choices (account_id, organisation_id, chosen_at) VALUES ($1, $2, $3)",
        )
        .bind(member.account_id)
        .bind(member.organisation_id)
        .bind(ctx.now)
        .execute(&mut *tx)
        .await?;
    }
    let action = if on { "questionnaire_alerts.on" } else { "questionnaire_alerts.off" };
    ctx.audit(&mut *tx, Some(member.organisation_id), action, Target::Account(member.account_id)).await?;
    tx.commit().await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct Watcher {
    email: String,
    given_name: String,
    language: String,
}

/// Queues the alert to each member of a care team following the patient who holds the
/// Questionnaires service there, is not suspended there and chose alerts in this organisation (in the submission's
/// transaction, so it goes once, with it).
pub(super) async fn tell_team(
    tx: &mut sqlx::Transaction<'_, Any>,
    ctx: &Ctx,
    organisation_id: i64,
    patient_id: i64,
    request_id: i64,
) -> DomainResult<()> {
    let watchers: Vec<Watcher> = sqlx::query_as(
        "SELECT DISTINCT a.email, a.given_name, a.language FROM accounts a
           JOIN questionnaire_alert_choices c ON c.account_id = a.id AND c.organisation_id = $1
           JOIN staff_services s ON s.account_id = a.id AND s.organisation_id = $1 AND s.service = 'questionnaires'
         WHERE a.status = 'active'
           AND NOT EXISTS (SELECT 1 FROM staff_suspensions x WHERE x.account_id = a.id AND x.organisation_id = $1)
           AND a.id IN (SELECT m.account_id FROM care_team_members m JOIN patient_teams pt ON pt.team_id = m.team_id
                        JOIN care_teams t ON t.id = m.team_id
                        WHERE pt.patient_id = $2 AND t.organisation_id = $1)",
    )
    .bind(organisation_id)
    .bind(patient_id)
    .fetch_all(&mut **tx)
    .await?;
    let Some(id) = crate::door::SentQuestionnaireId::new(request_id) else { return Ok(()) };
    let link = ctx.link(&Page::Questionnaire { door: Door::Staff, id }.href());
    for watcher in watchers {
        let mail = notification::questionnaire_alert_mail(
            Lang::from_code(&watcher.language),
            &watcher.given_name,
            &link,
        );
        notification::enqueue_for(&mut **tx, organisation_id, &watcher.email, &mail, ctx.now).await?;
    }
    Ok(())
}
