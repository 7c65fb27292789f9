//! A member of the patient's care team sends a questionnaire from the library, with an optional
//! due date and note. The patient, and each caregiver whose grant covers questionnaires, is told
//! by an email without clinical content, in their language.
use super::{FormError, Refusal, TeamMember};
use crate::domain::{
    calendar, notification, onboarding::caregiver, store::Db, Ctx, DomainError, DomainResult, Target,
};
use crate::door::{Door, GrantId};
use crate::i18n::Lang;
use crate::paths::Page;
use chrono::NaiveDate;

/// Notes are a sentence or two for the patient.
pub const NOTE_MAX: usize = 1_000;

#[derive(Clone, Copy)]
pub struct Sending<'a> {
    pub questionnaire_id: i64,
    pub patient_id: i64,
    /// As typed; empty for none.
    pub due: &'a str,
    pub note: &'a str,
    /// The patient's side sees the score and its band once submitted.
    pub show_score: bool,
}

#[derive(sqlx::FromRow)]
pub(super) struct Recipient {
    pub email: String,
    pub given_name: String,
    pub language: String,
}

/// Sends the questionnaire; returns the new request's id.
pub async fn send(ctx: &Ctx, member: TeamMember, sending: Sending<'_>) -> Result<i64, FormError> {
    let organisation_id = member.organisation_id;
    let note = sending.note.trim();
    if note.chars().count() > NOTE_MAX {
        return Err(Refusal::new("error-answer-too-long").about("note").arg("max", NOTE_MAX).into());
    }
    let timezone = calendar::organisation_timezone(&ctx.db, organisation_id).await?;
    let due = match sending.due.trim() {
        "" => None,
        typed => {
            let due =
                calendar::typed_date(typed).ok_or_else(|| Refusal::new("error-answer-date").about("due"))?;
            if due < calendar::local_date(ctx.now, &timezone) {
                return Err(Refusal::new("error-due-date-past").about("due").into());
            }
            Some(due)
        }
    };
    let sendable: Option<i64> = sqlx::query_scalar(
        "SELECT q.id FROM questionnaires q WHERE q.id = $1 AND q.organisation_id = $2 AND q.archived = 0
           AND q.version = (SELECT MAX(v.version) FROM questionnaires v
                            WHERE v.organisation_id = q.organisation_id AND v.instrument = q.instrument)",
    )
    .bind(sending.questionnaire_id)
    .bind(organisation_id)
    .fetch_optional(&ctx.db)
    .await?;
    if sendable.is_none() {
        return Err(Refusal::new("error-questionnaire-choose").about("questionnaire").into());
    }
    if !member.follows(&ctx.db, sending.patient_id).await? {
        return Err(DomainError::NotFound.into());
    }
    let mut tx = ctx.db.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO questionnaire_requests (organisation_id, questionnaire_id, patient_id, sent_by, sent_at, due_on, note, score_shown)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(organisation_id)
    .bind(sending.questionnaire_id)
    .bind(sending.patient_id)
    .bind(member.account_id)
    .bind(ctx.now)
    .bind(due.map(|d: NaiveDate| d.to_string()))
    .bind(note)
    .bind(i64::from(sending.show_score))
    .fetch_one(&mut *tx)
    .await?;
    ctx.audit(&mut *tx, Some(organisation_id), "questionnaire.sent", Target::Patient(sending.patient_id))
        .await?;
    for (recipient, door) in recipients(ctx, organisation_id, sending.patient_id).await? {
        let link = ctx.link(&Page::Questionnaires { door }.href());
        let mail = notification::questionnaire_mail(
            Lang::from_code(&recipient.language),
            &recipient.given_name,
            &link,
        );
        notification::enqueue_for(&mut *tx, organisation_id, &recipient.email, &mail, ctx.now).await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// The member's care teams in the organisation they work in (id, name).
pub async fn teams_of(db: &Db, member: TeamMember) -> DomainResult<Vec<(i64, String)>> {
    Ok(sqlx::query_as(
        "SELECT t.id, t.name FROM care_teams t JOIN care_team_members m ON m.team_id = t.id
         WHERE m.account_id = $1 AND t.organisation_id = $2 ORDER BY t.name",
    )
    .bind(member.account_id)
    .bind(member.organisation_id)
    .fetch_all(db)
    .await?)
}

/// A team's list holds this many patients at most for sending to them at once.
pub const FOLLOWED_MAX: i64 = 1_000;

/// The patients on the list of one of the member's teams (id and name, by family name),
/// `FOLLOWED_MAX` at most; none for a team that is not theirs.
pub async fn followed(db: &Db, member: TeamMember, team_id: i64) -> DomainResult<Vec<(i64, String)>> {
    Ok(sqlx::query_as(
        "SELECT p.id, TRIM(p.given_name || ' ' || p.family_name) FROM patients p
           JOIN patient_teams pt ON pt.patient_id = p.id JOIN care_teams t ON t.id = pt.team_id
           JOIN care_team_members m ON m.team_id = t.id AND m.account_id = $3
         WHERE pt.team_id = $1 AND t.organisation_id = $2 AND p.organisation_id = $2
         ORDER BY p.family_name, p.given_name, p.id LIMIT $4",
    )
    .bind(team_id)
    .bind(member.organisation_id)
    .bind(member.account_id)
    .bind(FOLLOWED_MAX)
    .fetch_all(db)
    .await?)
}

/// Sends the same questionnaire to several patients on the list of one of the member's teams
/// (each told as by `send`); returns how many. Refused when none is chosen; a patient not on
/// that team's list, or a team not theirs, is "not found" and nothing is sent.
pub async fn send_to_team(
    ctx: &Ctx,
    member: TeamMember,
    team_id: i64,
    patient_ids: &[i64],
    sending: Sending<'_>,
) -> Result<usize, FormError> {
    let teams = teams_of(&ctx.db, member).await?;
    if !teams.iter().any(|(t, _)| *t == team_id) {
        return Err(DomainError::NotFound.into());
    }
    if patient_ids.is_empty() {
        return Err(Refusal::new("error-questionnaire-no-patient").about("patients").into());
    }
    let followed = followed(&ctx.db, member, team_id).await?;
    if !patient_ids.iter().all(|id| followed.iter().any(|(f, _)| f == id)) {
        return Err(DomainError::NotFound.into());
    }
    for &patient_id in patient_ids {
        send(ctx, member, Sending { patient_id, ..sending }).await?;
    }
    Ok(patient_ids.len())
}

/// The patient, if they have an active account, and the caregivers who may fill it for them.
pub(super) async fn recipients(
    ctx: &Ctx,
    organisation_id: i64,
    patient_id: i64,
) -> crate::domain::DomainResult<Vec<(Recipient, Door)>> {
    let mut found: Vec<(Recipient, Door)> = sqlx::query_as::<_, Recipient>(
        "SELECT a.email, a.given_name, a.language FROM patients p JOIN accounts a ON a.id = p.account_id
         WHERE p.id = $1 AND a.status = 'active'",
    )
    .bind(patient_id)
    .fetch_all(&ctx.db)
    .await?
    .into_iter()
    .map(|r| (r, Door::Patient))
    .collect();
    let grants = caregiver::for_patient_record(&ctx.db, organisation_id, patient_id, ctx.now).await?;
    for grant in grants.into_iter().filter(|g| g.in_force && g.scope.questionnaires) {
        let (Some(account_id), Some(grant_id)) = (grant.caregiver_account_id, GrantId::new(grant.id)) else {
            continue;
        };
        let caregiver: Option<Recipient> = sqlx::query_as(
            "SELECT email, given_name, language FROM accounts WHERE id = $1 AND status = 'active'",
        )
        .bind(account_id)
        .fetch_optional(&ctx.db)
        .await?;
        found.extend(caregiver.map(|c| (c, Door::Caregiver { grant: grant_id })));
    }
    Ok(found)
}
