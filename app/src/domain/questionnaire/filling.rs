//! Filling a questionnaire: the lists of what there is to fill and what is done, one sent
//! questionnaire with its answers, saving a section as a draft (so one can leave and come back on
//! another device), and submitting — required answers checked, the score computed, read-only after.
use super::answer::{self, Answer, Answers};
use super::definition::Definition;
use super::{alert, library, scoring, FormError, Reader, Refusal};
use crate::domain::sql::Conditions;
use crate::domain::{store::Db, Ctx, DomainError, DomainResult, Target};
use sqlx::Row;
use std::collections::HashMap;

/// A questionnaire sent to a patient, as its readers see it.
#[derive(Clone, Debug)]
pub struct Sent {
    pub id: i64,
    pub organisation_id: i64,
    pub organisation: String,
    pub questionnaire_id: i64,
    /// The instrument and the version of it that was sent.
    pub instrument: String,
    pub version: i64,
    pub patient_id: i64,
    pub patient_name: String,
    pub title_fr: String,
    pub title_en: String,
    pub sent_by: String,
    pub sent_at: i64,
    pub due_on: Option<String>,
    pub note: String,
    pub submitted_at: Option<i64>,
    /// Who submitted it, and as what (`patient` or `caregiver`).
    pub submitted_by: Option<String>,
    pub submitted_as: Option<String>,
    pub score: Option<i64>,
    /// The team chose to show the patient's side the score and band.
    pub score_shown: bool,
    pub flagged: bool,
    pub reviewed_at: Option<i64>,
    pub reviewed_by: Option<String>,
    pub review_comment: String,
}

const COLUMNS: &str = "r.id, r.organisation_id, o.name AS organisation, r.questionnaire_id, q.instrument, q.version, r.patient_id,
    TRIM(p.given_name || ' ' || p.family_name) AS patient_name, q.title_fr, q.title_en,
    (SELECT TRIM(a.title || ' ' || a.given_name || ' ' || a.family_name) FROM accounts a WHERE a.id = r.sent_by) AS sent_by,
    r.sent_at, r.due_on, r.note, r.submitted_at,
    (SELECT TRIM(a.given_name || ' ' || a.family_name) FROM accounts a WHERE a.id = r.submitted_by) AS submitted_by,
    r.submitted_as, r.score, r.score_shown, r.flagged, r.reviewed_at,
    (SELECT TRIM(a.title || ' ' || a.given_name || ' ' || a.family_name) FROM accounts a WHERE a.id = r.reviewed_by) AS reviewed_by,
    r.review_comment";

const FROM: &str = "FROM questionnaire_requests r JOIN questionnaires q ON q.id = r.questionnaire_id
    JOIN organisations o ON o.id = r.organisation_id JOIN patients p ON p.id = r.patient_id";

fn sent_of(row: &sqlx::any::AnyRow) -> Result<Sent, sqlx::Error> {
    Ok(Sent {
        id: row.try_get("id")?,
        organisation_id: row.try_get("organisation_id")?,
        organisation: row.try_get("organisation")?,
        questionnaire_id: row.try_get("questionnaire_id")?,
        instrument: row.try_get("instrument")?,
        version: row.try_get("version")?,
        patient_id: row.try_get("patient_id")?,
        patient_name: row.try_get("patient_name")?,
        title_fr: row.try_get("title_fr")?,
        title_en: row.try_get("title_en")?,
        sent_by: row.try_get::<Option<String>, _>("sent_by")?.unwrap_or_default(),
        sent_at: row.try_get("sent_at")?,
        due_on: row.try_get("due_on")?,
        note: row.try_get("note")?,
        submitted_at: row.try_get("submitted_at")?,
        submitted_by: row.try_get("submitted_by")?,
        submitted_as: row.try_get("submitted_as")?,
        score: row.try_get("score")?,
        score_shown: row.try_get::<i64, _>("score_shown")? != 0,
        flagged: row.try_get::<i64, _>("flagged")? != 0,
        reviewed_at: row.try_get("reviewed_at")?,
        reviewed_by: row.try_get("reviewed_by")?,
        review_comment: row.try_get("review_comment")?,
    })
}

/// How a list is ordered, and how long it may be.
pub(super) enum Order {
    /// To fill first (nearest due date, then oldest), then done (latest first).
    ToFillFirst,
    /// Flagged first, then the oldest submission first: the team's review list.
    FlaggedFirst,
}

/// The questionnaires `reader` may see that also meet `more`, in `order`, at most `limit`.
pub(super) async fn select(
    db: &Db,
    reader: Reader,
    order: Order,
    limit: i64,
    more: impl FnOnce(&mut Conditions),
) -> DomainResult<Vec<Sent>> {
    let mut query = reader.visible();
    more(&mut query);
    let order = match order {
        Order::ToFillFirst => {
            "(r.submitted_at IS NOT NULL), CASE WHEN r.submitted_at IS NULL THEN COALESCE(r.due_on, '9999') END, \
             CASE WHEN r.submitted_at IS NULL THEN r.sent_at ELSE -r.submitted_at END, r.id"
        }
        Order::FlaggedFirst => "r.flagged DESC, r.submitted_at, r.id",
    };
    let limit = query.placeholder(limit);
    let sql = format!("SELECT {COLUMNS} {FROM} WHERE {} ORDER BY {order} LIMIT {limit}", query.sql());
    let rows = query.bind(sqlx::query(&sql)).fetch_all(db).await?;
    Ok(rows.iter().map(sent_of).collect::<Result<_, _>>()?)
}

/// A patient's lists hold this many at most (years of monthly questionnaires).
pub const LIST_MAX: i64 = 500;

/// What the patient's side has to fill and has filled.
pub async fn list(db: &Db, reader: Reader) -> DomainResult<Vec<Sent>> {
    select(db, reader, Order::ToFillFirst, LIST_MAX, |_| ()).await
}

/// One sent questionnaire with its definition and answers.
pub struct Filled {
    pub sent: Sent,
    /// Shared: an export's submissions of one version hold the same definition.
    pub definition: std::sync::Arc<Definition>,
    pub answers: Answers,
}

pub(super) async fn load(db: &Db, reader: Reader, id: i64) -> DomainResult<Filled> {
    let sent = select(db, reader, Order::ToFillFirst, 1, |q| q.and("r.id = {}", id))
        .await?
        .into_iter()
        .next()
        .ok_or(DomainError::NotFound)?;
    let definition = library::definition(db, sent.questionnaire_id).await?;
    let answers = answers_of(db, id).await?;
    Ok(Filled { sent, definition: std::sync::Arc::new(definition), answers })
}

pub async fn answers_of<'e>(
    exec: impl sqlx::Executor<'e, Database = sqlx::Any>,
    id: i64,
) -> DomainResult<Answers> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT link_id, answer FROM questionnaire_answers WHERE request_id = $1")
            .bind(id)
            .fetch_all(exec)
            .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(link_id, json)| serde_json::from_str::<Answer>(&json).ok().map(|a| (link_id, a)))
        .collect())
}

/// Opens one for the patient's side: the first opening by each person is recorded.
pub async fn open(ctx: &Ctx, reader: Reader, id: i64) -> DomainResult<Filled> {
    let filled = load(&ctx.db, reader, id).await?;
    reader
        .ctx(ctx)
        .audit_view(
            Some(filled.sent.organisation_id),
            "questionnaire.opened",
            Target::Patient(filled.sent.patient_id),
        )
        .await?;
    Ok(filled)
}

/// Saves the answers of one section as a draft: each checked against its item (the first wrong
/// one refused, nothing saved), answers to items no longer asked dropped, emptied ones removed.
pub async fn save_section(
    ctx: &Ctx,
    reader: Reader,
    id: i64,
    section: usize,
    posted: &HashMap<String, String>,
) -> Result<(), FormError> {
    let Filled { sent, definition, mut answers } = load(&ctx.db, reader, id).await?;
    if sent.submitted_at.is_some() {
        return Err(DomainError::conflict(None, "error-questionnaire-submitted").into());
    }
    let questions = definition.section_questions(section);
    if questions.is_empty() {
        return Err(DomainError::NotFound.into());
    }
    for item in &questions {
        match answer::read(item, posted)? {
            Some(given) => answers.insert(item.link_id.clone(), given),
            None => answers.remove(&item.link_id),
        };
    }
    let skipped = answer::not_asked(&definition, &answers);
    let mut tx = ctx.db.begin().await?;
    still_open(&mut tx, id).await?;
    for item in &questions {
        sqlx::query("DELETE FROM questionnaire_answers WHERE request_id = $1 AND link_id = $2")
            .bind(id)
            .bind(&item.link_id)
            .execute(&mut *tx)
            .await?;
        let Some(given) = answers.get(&item.link_id).filter(|_| !skipped.contains(&item.link_id)) else {
            continue;
        };
        sqlx::query(
            "INSERT INTO questionnaire_answers (request_id, link_id, answer, answered_by, answered_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(&item.link_id)
        .bind(serde_json::to_string(given).map_err(|_| DomainError::refused("error-answer-choice"))?)
        .bind(reader.account_id())
        .bind(ctx.now)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Holds the request's row for this transaction, refused once submitted: a save and a submission
/// at the same moment run one after the other, and nothing changes after the submission.
async fn still_open(tx: &mut sqlx::Transaction<'_, sqlx::Any>, id: i64) -> DomainResult<()> {
    let held =
        sqlx::query("UPDATE questionnaire_requests SET note = note WHERE id = $1 AND submitted_at IS NULL")
            .bind(id)
            .execute(&mut **tx)
            .await?
            .rows_affected();
    if held == 0 {
        return Err(DomainError::conflict(None, "error-questionnaire-submitted"));
    }
    Ok(())
}

/// Submits: refused with the first required question left unanswered; otherwise the score is
/// computed from the stored answers and the questionnaire becomes read-only.
pub async fn submit(ctx: &Ctx, reader: Reader, id: i64) -> Result<(), FormError> {
    let Filled { sent, definition, .. } = load(&ctx.db, reader, id).await?;
    let mut tx = ctx.db.begin().await?;
    still_open(&mut tx, id).await?;
    let answers = answers_of(&mut *tx, id).await?;
    if let Some(missing) = answer::missing_required(&definition, &answers).first() {
        return Err(Refusal::new("error-answer-required").about(&missing.link_id).into());
    }
    let score = scoring::score(&definition, &answers);
    let flagged = score.as_ref().is_some_and(scoring::Score::flagged);
    let submitted_as = match reader {
        Reader::Caregiver { .. } => "caregiver",
        _ => "patient",
    };
    sqlx::query(
        "UPDATE questionnaire_requests SET submitted_at = $2, submitted_by = $3, submitted_as = $4, score = $5, flagged = $6
         WHERE id = $1",
    )
    .bind(id)
    .bind(ctx.now)
    .bind(reader.account_id())
    .bind(submitted_as)
    .bind(score.as_ref().and_then(|s| s.total))
    .bind(i64::from(flagged))
    .execute(&mut *tx)
    .await?;
    if flagged {
        alert::tell_team(&mut tx, ctx, sent.organisation_id, sent.patient_id, id).await?;
    }
    reader
        .ctx(ctx)
        .audit(
            &mut *tx,
            Some(sent.organisation_id),
            "questionnaire.submitted",
            Target::Patient(sent.patient_id),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The patient's own questionnaires for "Export my data": what was sent, when, and each answer
/// as it reads, in `lang`.
pub async fn export(
    db: &Db,
    account_id: i64,
    lang: crate::i18n::Lang,
) -> DomainResult<Vec<serde_json::Value>> {
    let mut exported = Vec::new();
    for sent in list(db, Reader::Patient { account_id }).await? {
        let definition = library::definition(db, sent.questionnaire_id).await?;
        let answers = answers_of(db, sent.id).await?;
        let skipped = answer::not_asked(&definition, &answers);
        let answered: Vec<serde_json::Value> = definition
            .questions()
            .into_iter()
            .filter_map(|item| {
                let given = answers.get(&item.link_id).filter(|_| !skipped.contains(&item.link_id))?;
                Some(serde_json::json!({
                    "link_id": item.link_id,
                    "question": item.text.get(lang),
                    "answer": answer::in_words(item, given, lang),
                }))
            })
            .collect();
        let time =
            |at: Option<i64>| at.and_then(|t| chrono::DateTime::from_timestamp(t, 0)).map(|t| t.to_rfc3339());
        exported.push(serde_json::json!({
            "organisation": sent.organisation,
            "questionnaire": if lang == crate::i18n::Lang::Fr { &sent.title_fr } else { &sent.title_en },
            "instrument": definition.key,
            "sent_at": time(Some(sent.sent_at)),
            "due_on": sent.due_on,
            "submitted_at": time(sent.submitted_at),
            "submitted_by": sent.submitted_by,
            "submitted_as": sent.submitted_as,
            "answers": answered,
        }));
    }
    Ok(exported)
}
