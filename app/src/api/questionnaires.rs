//! Questionnaires: the patient's side (the patient, or a caregiver whose grant covers
//! questionnaires, named by `grant`) lists, fills section by section and submits; the care team
//! sends one from the patient's file, sees what was sent, and reviews the scored answers.
//! Texts arrive in the reader's language; the definitions stay on the server.
use super::ApiError;
use crate::door::{GrantId, PatientId, SentQuestionnaireId};
use chrono::{NaiveDate, NaiveDateTime};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[cfg(feature = "ssr")]
use {
    super::context::{self, require_door, require_service, Clocks, Staff},
    crate::domain::messaging::conversation::Reader as Entered,
    crate::domain::onboarding::caregiver::Area,
    crate::domain::questionnaire::answer::{self, Answers},
    crate::domain::questionnaire::definition::{Definition, Item, Kind},
    crate::domain::questionnaire::filling::{self, Filled, Sent},
    crate::domain::questionnaire::{alert, library, review, scoring, sending, FormError, Reader, TeamMember},
    crate::domain::Ctx,
    crate::i18n::Lang,
    crate::paths::Page,
    crate::states::Service,
};

/// A sent questionnaire in a list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionnaireLine {
    pub id: i64,
    pub organisation: String,
    pub title: String,
    pub patient: String,
    pub sent_by: String,
    pub sent_at: NaiveDateTime,
    pub due_on: Option<NaiveDate>,
    pub overdue: bool,
    pub submitted_at: Option<NaiveDateTime>,
    pub reviewed: bool,
    /// The team's side only.
    pub score: Option<i64>,
    pub band: Option<String>,
    pub flags: Vec<String>,
}

/// The patient side's lists.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionnaireLists {
    pub to_fill: Vec<QuestionnaireLine>,
    pub done: Vec<QuestionnaireLine>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum QuestionKind {
    ShortText,
    LongText,
    Choice { options: Vec<(String, String)>, multiple: bool },
    YesNo,
    Number { whole: bool, unit: Option<String> },
    Date,
    Scale { low: String, high: String },
    Display,
}

/// One question of the section on screen, with what is saved for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionView {
    pub link_id: String,
    /// Its number among all the questions ("Question 4 of 9").
    pub number: usize,
    pub text: String,
    pub required: bool,
    pub kind: QuestionKind,
    /// The saved answer as the form field holds it (a code, a number, a date as typed).
    pub value: String,
    /// A multiple choice's saved codes.
    pub chosen: Vec<String>,
}

/// An answer as it reads once submitted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswerLine {
    pub number: usize,
    pub question: String,
    /// `None`: no answer; `asked` false: not asked because of an earlier answer.
    pub answer: Option<String>,
    pub asked: bool,
    pub flagged: bool,
    /// ESAS-r's per-symptom level, for the team.
    pub band: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoreView {
    pub total: Option<i64>,
    pub band: Option<String>,
    pub flags: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Submission {
    pub at: NaiveDateTime,
    pub by: String,
    pub by_caregiver: bool,
    pub answers: Vec<AnswerLine>,
}

/// One questionnaire on the patient's side: the section to fill, or the answers once submitted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormView {
    pub id: i64,
    pub title: String,
    pub instructions: Option<String>,
    pub organisation: String,
    pub patient: String,
    pub note: String,
    pub due_on: Option<NaiveDate>,
    /// The section shown, and the sections with something to ask (given the saved answers).
    pub section: usize,
    pub section_title: String,
    pub position: usize,
    pub sections: usize,
    pub previous: Option<usize>,
    pub next: Option<usize>,
    pub questions: Vec<QuestionView>,
    pub question_count: usize,
    pub submitted: Option<Submission>,
    /// Once submitted, when the team chose to show it: the total and its band (no alerts).
    pub score: Option<ScoreView>,
}

/// One submitted total of the patient's scores over time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScorePoint {
    pub id: i64,
    pub on: NaiveDate,
    pub score: i64,
    pub band: Option<String>,
}

/// The patient's totals for the instrument, oldest first, on a scale from 0 to `max` with the
/// bands' lower bounds as guides.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoreHistory {
    pub points: Vec<ScorePoint>,
    pub max: i64,
    pub thresholds: Vec<i64>,
}

/// The team's view of one sent questionnaire.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewView {
    pub line: QuestionnaireLine,
    pub history: Option<ScoreHistory>,
    pub patient_id: i64,
    pub note: String,
    pub submitted: Option<Submission>,
    pub score: Option<ScoreView>,
    pub reviewed: Option<(NaiveDateTime, String, String)>,
}

/// The questionnaires section of a patient's file: what was sent, and what can be sent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionnairesOnFile {
    pub sent: Vec<QuestionnaireLine>,
    pub library: Vec<(i64, String)>,
}

#[cfg(feature = "ssr")]
impl From<FormError> for ApiError {
    fn from(e: FormError) -> Self {
        match e {
            FormError::Domain(e) => e.into(),
            FormError::Refused(refusal) => {
                let error = ApiError::invalid(refusal.key);
                let error = match &refusal.item {
                    Some(item) => error.on(item),
                    None => error,
                };
                refusal.args.iter().fold(error, |e, (name, value)| e.arg(name, value))
            }
        }
    }
}

#[cfg(feature = "ssr")]
fn title(sent: &Sent, lang: Lang) -> String {
    match lang {
        Lang::Fr => sent.title_fr.clone(),
        Lang::En => sent.title_en.clone(),
    }
}

/// Lines of `sent` in the reader's language and each organisation's clock; scores for the team.
#[cfg(feature = "ssr")]
async fn lines(ctx: &Ctx, sent: Vec<Sent>, for_team: bool) -> Result<Vec<QuestionnaireLine>, ApiError> {
    let lang = context::language();
    let mut clocks = Clocks::default();
    let mut lines = Vec::with_capacity(sent.len());
    let mut definitions: HashMap<i64, Definition> = HashMap::new();
    for s in sent {
        let today = clocks.today(&ctx.db, s.organisation_id, ctx.now).await?;
        let due_on = s.due_on.as_deref().and_then(crate::domain::calendar::stored_date);
        let (mut band, mut flags) = (None, Vec::new());
        let scored = for_team || s.score_shown;
        if scored && s.submitted_at.is_some() {
            if let std::collections::hash_map::Entry::Vacant(slot) = definitions.entry(s.questionnaire_id) {
                slot.insert(library::definition(&ctx.db, s.questionnaire_id).await?);
            }
            let definition = &definitions[&s.questionnaire_id];
            let scoring = definition.scoring.as_ref();
            band = scoring
                .and_then(|sc| sc.total.as_ref())
                .zip(s.score)
                .and_then(|(t, score)| scoring::band_of(&t.bands, score))
                .map(|b| b.get(lang).to_string());
            if for_team && s.flagged {
                let answers = filling::answers_of(&ctx.db, s.id).await?;
                flags = scoring::score(definition, &answers)
                    .map(|sc| sc.flags.iter().map(|(_, label)| label.get(lang).to_string()).collect())
                    .unwrap_or_default();
            }
        }
        lines.push(QuestionnaireLine {
            id: s.id,
            organisation: s.organisation.clone(),
            title: title(&s, lang),
            patient: s.patient_name.clone(),
            sent_by: s.sent_by.clone(),
            sent_at: clocks.local(&ctx.db, s.organisation_id, s.sent_at).await?,
            due_on,
            overdue: s.submitted_at.is_none() && due_on.is_some_and(|d| d < today),
            submitted_at: match s.submitted_at {
                Some(at) => Some(clocks.local(&ctx.db, s.organisation_id, at).await?),
                None => None,
            },
            reviewed: s.reviewed_at.is_some(),
            score: if scored { s.score } else { None },
            band,
            flags,
        });
    }
    Ok(lines)
}

/// The questionnaire reader behind the patient side's door (the grant checked for the
/// questionnaires scope on every call).
#[cfg(feature = "ssr")]
async fn patient_side(grant: Option<GrantId>) -> Result<(Ctx, Reader), ApiError> {
    let (ctx, door) = require_door(crate::door::Door::patient_side(grant), Area::Questionnaires).await?;
    let reader = match door {
        Entered::Patient { account_id } => Reader::Patient { account_id },
        Entered::Caregiver { account_id, patient_id, patient_account_id, .. } => {
            Reader::Caregiver { account_id, patient_id, patient_account_id }
        }
        Entered::Staff { .. } => return Err(ApiError::not_found()),
    };
    Ok((ctx, reader))
}

#[cfg(feature = "ssr")]
async fn team_side() -> Result<(Ctx, TeamMember, String), ApiError> {
    let Staff { ctx, account, organisation_id, timezone } = require_service(Service::Questionnaires).await?;
    Ok((ctx, TeamMember { account_id: account.id, organisation_id }, timezone))
}

#[server(prefix = "/api", endpoint = "my_questionnaires")]
pub async fn my_questionnaires(grant: Option<GrantId>) -> Result<QuestionnaireLists, ApiError> {
    let (ctx, reader) = patient_side(grant).await?;
    let all = lines(&ctx, filling::list(&ctx.db, reader).await?, false).await?;
    let (done, to_fill) = all.into_iter().partition(|l| l.submitted_at.is_some());
    Ok(QuestionnaireLists { to_fill, done })
}

#[cfg(feature = "ssr")]
pub(crate) fn question_kind(item: &Item, lang: Lang) -> QuestionKind {
    match &item.kind {
        Kind::ShortText => QuestionKind::ShortText,
        Kind::LongText => QuestionKind::LongText,
        Kind::Choice { options, multiple } => QuestionKind::Choice {
            options: options.iter().map(|o| (o.code.clone(), o.text.get(lang).to_string())).collect(),
            multiple: *multiple,
        },
        Kind::YesNo => QuestionKind::YesNo,
        Kind::Integer { unit, .. } => {
            QuestionKind::Number { whole: true, unit: unit.as_ref().map(|u| u.get(lang).into()) }
        }
        Kind::Decimal { unit, .. } => {
            QuestionKind::Number { whole: false, unit: unit.as_ref().map(|u| u.get(lang).into()) }
        }
        Kind::Date => QuestionKind::Date,
        Kind::Scale { low, high } => {
            QuestionKind::Scale { low: low.get(lang).into(), high: high.get(lang).into() }
        }
        Kind::Group { .. } | Kind::Display => QuestionKind::Display,
    }
}

#[cfg(feature = "ssr")]
fn form_value(answer: Option<&answer::Answer>) -> (String, Vec<String>) {
    use crate::domain::questionnaire::answer::Answer;
    match answer {
        None => (String::new(), Vec::new()),
        Some(Answer::Codes(codes)) => (codes.first().cloned().unwrap_or_default(), codes.clone()),
        Some(Answer::Text(text)) => (text.clone(), Vec::new()),
        Some(Answer::Yes(yes)) => ((if *yes { "yes" } else { "no" }).into(), Vec::new()),
        Some(Answer::Number(n)) => (n.to_string(), Vec::new()),
        Some(Answer::Date(d)) => (d.format("%d/%m/%Y").to_string(), Vec::new()),
    }
}

/// The sections with something to ask given the saved answers: a question whose conditions
/// look at an earlier section and fail is not shown (one looking at its own section is, since
/// the person may still change that answer on the page).
#[cfg(feature = "ssr")]
fn shown_sections(definition: &Definition, answers: &Answers) -> Vec<usize> {
    (0..definition.items.len()).filter(|&s| !shown_questions(definition, answers, s).is_empty()).collect()
}

#[cfg(feature = "ssr")]
fn shown_questions<'a>(definition: &'a Definition, answers: &Answers, section: usize) -> Vec<&'a Item> {
    let skipped = answer::not_asked(definition, answers);
    definition
        .section_questions(section)
        .into_iter()
        .filter(|item| {
            let looks_here =
                item.enable_when.iter().any(|c| definition.section_of(&c.question) == Some(section));
            looks_here || !skipped.contains(&item.link_id)
        })
        .collect()
}

/// Each question's answer as it reads, with its number, flag and level.
#[cfg(feature = "ssr")]
fn answer_lines(definition: &Definition, answers: &Answers, lang: Lang, for_team: bool) -> Vec<AnswerLine> {
    let skipped = answer::not_asked(definition, answers);
    let score = if for_team { scoring::score_skipping(definition, answers, &skipped) } else { None };
    definition
        .questions()
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let asked = !skipped.contains(&item.link_id);
            AnswerLine {
                number: i + 1,
                question: item.text.get(lang).to_string(),
                answer: answers.get(&item.link_id).filter(|_| asked).map(|a| answer::in_words(item, a, lang)),
                asked,
                flagged: score.as_ref().is_some_and(|s| s.flags.iter().any(|(id, _)| *id == item.link_id)),
                band: score.as_ref().and_then(|s| {
                    s.items
                        .iter()
                        .find(|i| i.link_id == item.link_id)
                        .and_then(|i| i.band.as_ref())
                        .map(|b| b.get(lang).into())
                }),
            }
        })
        .collect()
}

#[cfg(feature = "ssr")]
async fn submission(
    ctx: &Ctx,
    filled: &Filled,
    lang: Lang,
    for_team: bool,
) -> Result<Option<Submission>, ApiError> {
    let Some(at) = filled.sent.submitted_at else { return Ok(None) };
    Ok(Some(Submission {
        at: Clocks::default().local(&ctx.db, filled.sent.organisation_id, at).await?,
        by: filled.sent.submitted_by.clone().unwrap_or_default(),
        by_caregiver: filled.sent.submitted_as.as_deref() == Some("caregiver"),
        answers: answer_lines(&filled.definition, &filled.answers, lang, for_team),
    }))
}

/// One questionnaire on the patient's side, at `section` (the first shown by default), or at
/// the section of `focus` — the question a refused submission named.
#[server(prefix = "/api", endpoint = "questionnaire_form")]
pub async fn questionnaire_form(
    grant: Option<GrantId>,
    id: SentQuestionnaireId,
    section: Option<usize>,
    focus: Option<String>,
) -> Result<FormView, ApiError> {
    let (ctx, reader) = patient_side(grant).await?;
    let lang = context::language();
    let filled = filling::open(&ctx, reader, id.get()).await?;
    let Filled { sent, definition, answers } = &filled;
    let shown = shown_sections(definition, answers);
    let wanted = focus.as_deref().and_then(|f| definition.section_of(f)).or(section);
    let section = wanted.filter(|s| shown.contains(s)).or_else(|| shown.first().copied()).unwrap_or(0);
    let position = shown.iter().position(|&s| s == section).unwrap_or(0);
    let numbers: HashMap<&str, usize> =
        definition.questions().iter().enumerate().map(|(i, q)| (q.link_id.as_str(), i + 1)).collect();
    let questions = shown_questions(definition, answers, section)
        .into_iter()
        .map(|item| {
            let (value, chosen) = form_value(answers.get(&item.link_id));
            QuestionView {
                link_id: item.link_id.clone(),
                number: numbers.get(item.link_id.as_str()).copied().unwrap_or(0),
                text: item.text.get(lang).to_string(),
                required: item.required,
                kind: question_kind(item, lang),
                value,
                chosen,
            }
        })
        .collect();
    Ok(FormView {
        id: sent.id,
        title: title(sent, lang),
        instructions: definition.instructions.as_ref().map(|i| i.get(lang).to_string()),
        organisation: sent.organisation.clone(),
        patient: sent.patient_name.clone(),
        note: sent.note.clone(),
        due_on: sent.due_on.as_deref().and_then(crate::domain::calendar::stored_date),
        section,
        section_title: definition
            .items
            .get(section)
            .map(|s| s.text.get(lang).to_string())
            .unwrap_or_default(),
        position: position + 1,
        sections: shown.len(),
        previous: position.checked_sub(1).map(|p| shown[p]),
        next: shown.get(position + 1).copied(),
        questions,
        question_count: numbers.len(),
        submitted: submission(&ctx, &filled, lang, false).await?,
        score: sent
            .submitted_at
            .filter(|_| sent.score_shown)
            .and_then(|_| scoring::score(definition, answers))
            .map(|s| ScoreView {
                total: s.total,
                band: s.band.map(|b| b.get(lang).to_string()),
                flags: Vec::new(),
            }),
    })
}

/// Saves a section, then goes where the person asked: `next`, `previous`, `save` (stay) or
/// `submit` (the questionnaire is sent to the team). A refusal names the question and keeps
/// every answer typed.
#[server(prefix = "/api", endpoint = "save_answers")]
pub async fn save_answers(
    grant: Option<GrantId>,
    id: SentQuestionnaireId,
    section: usize,
    #[server(default)] then: String,
    #[server(default)] answers: HashMap<String, String>,
) -> Result<(), ApiError> {
    let (ctx, reader) = patient_side(grant).await?;
    let keep = |error: ApiError| answers.iter().fold(error, |e, (field, value)| e.keep(field, value));
    filling::save_section(&ctx, reader, id.get(), section, &answers).await.map_err(|e| keep(e.into()))?;
    let door = crate::door::Door::patient_side(grant);
    let page = Page::Questionnaire { door, id }.href();
    let target = match then.as_str() {
        "submit" => {
            filling::submit(&ctx, reader, id.get()).await?;
            page
        }
        "next" | "previous" => {
            let Filled { definition, answers, .. } = filling::open(&ctx, reader, id.get()).await?;
            let shown = shown_sections(&definition, &answers);
            let to = if then == "next" {
                shown.iter().find(|&&s| s > section)
            } else {
                shown.iter().rev().find(|&&s| s < section)
            };
            format!("{page}?section={}", to.copied().unwrap_or(section))
        }
        _ => format!("{page}?section={section}&saved=1"),
    };
    leptos_axum::redirect(&target);
    Ok(())
}

/// Saves the section as it stands, nothing more: the autosave of the page while the person
/// answers (with JavaScript). A refusal names the question, as a post's would.
#[server(prefix = "/api", endpoint = "autosave_answers")]
pub async fn autosave_answers(
    grant: Option<GrantId>,
    id: SentQuestionnaireId,
    section: usize,
    #[server(default)] answers: HashMap<String, String>,
) -> Result<(), ApiError> {
    let (ctx, reader) = patient_side(grant).await?;
    filling::save_section(&ctx, reader, id.get(), section, &answers).await?;
    Ok(())
}

/// The questionnaires section of a patient's file.
#[server(prefix = "/api", endpoint = "file_questionnaires")]
pub async fn file_questionnaires(patient: PatientId) -> Result<QuestionnairesOnFile, ApiError> {
    let (ctx, member, _) = team_side().await?;
    if !member.follows(&ctx.db, patient.get()).await? {
        return Err(ApiError::not_found());
    }
    let sent = lines(&ctx, review::for_patient(&ctx.db, member, patient.get()).await?, true).await?;
    Ok(QuestionnairesOnFile { sent, library: sendable(&ctx, member).await? })
}

/// What the member can send: the library's latest versions, titled in the reader's language.
#[cfg(feature = "ssr")]
async fn sendable(ctx: &Ctx, member: TeamMember) -> Result<Vec<(i64, String)>, ApiError> {
    let lang = context::language();
    Ok(library::current(&ctx.db, member.organisation_id)
        .await?
        .into_iter()
        .map(|e| (e.id, if lang == Lang::Fr { e.title_fr } else { e.title_en }))
        .collect())
}

/// Sending to several patients of a team: the member's teams, the chosen team's patients, the
/// library.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SendingToTeam {
    pub teams: Vec<(i64, String)>,
    pub team: Option<i64>,
    pub patients: Vec<(i64, String)>,
    pub library: Vec<(i64, String)>,
}

#[server(prefix = "/api", endpoint = "team_sending")]
pub async fn team_sending(team: Option<i64>) -> Result<SendingToTeam, ApiError> {
    let (ctx, member, _) = team_side().await?;
    let teams = sending::teams_of(&ctx.db, member).await?;
    let team = team.filter(|id| teams.iter().any(|(t, _)| t == id));
    let patients = match team {
        Some(team) => sending::followed(&ctx.db, member, team).await?,
        None => Vec::new(),
    };
    Ok(SendingToTeam { teams, team, patients, library: sendable(&ctx, member).await? })
}

/// Sends one questionnaire to the ticked patients (`patients[id]`) of one of the member's teams.
#[server(prefix = "/api", endpoint = "send_to_team")]
pub async fn send_to_team(
    team: i64,
    #[server(default)] questionnaire: String,
    #[server(default)] due: String,
    #[server(default)] note: String,
    show_score: Option<String>,
    #[server(default)] patients: HashMap<String, String>,
) -> Result<(), ApiError> {
    let (ctx, member, _) = team_side().await?;
    let keep = |error: ApiError| {
        let error = error.keep_all([
            ("questionnaire", Some(questionnaire.as_str())),
            ("due", Some(due.as_str())),
            ("note", Some(note.as_str())),
            ("show_score", show_score.as_deref()),
        ]);
        patients.keys().fold(error, |e, id| e.keep(&format!("patients[{id}]"), "on"))
    };
    let mut chosen = Vec::with_capacity(patients.len());
    for id in patients.keys() {
        chosen.push(id.parse::<i64>().map_err(|_| ApiError::not_found())?);
    }
    chosen.sort_unstable();
    let sending = sending::Sending {
        questionnaire_id: questionnaire.trim().parse::<i64>().unwrap_or(0),
        patient_id: 0,
        due: &due,
        note: &note,
        show_score: show_score.is_some(),
    };
    let sent =
        sending::send_to_team(&ctx, member, team, &chosen, sending).await.map_err(|e| keep(e.into()))?;
    leptos_axum::redirect(&format!("/staff/questionnaires/send?team={team}&sent={sent}"));
    Ok(())
}

#[server(prefix = "/api", endpoint = "send_questionnaire")]
pub async fn send_questionnaire(
    patient: PatientId,
    #[server(default)] questionnaire: String,
    #[server(default)] due: String,
    #[server(default)] note: String,
    show_score: Option<String>,
) -> Result<(), ApiError> {
    let (ctx, member, _) = team_side().await?;
    let keep = |error: ApiError| {
        error.keep_all([
            ("questionnaire", Some(questionnaire.as_str())),
            ("due", Some(due.as_str())),
            ("note", Some(note.as_str())),
            ("show_score", show_score.as_deref()),
        ])
    };
    let questionnaire_id = questionnaire.trim().parse::<i64>().unwrap_or(0);
    let sending = sending::Sending {
        questionnaire_id,
        patient_id: patient.get(),
        due: &due,
        note: &note,
        show_score: show_score.is_some(),
    };
    sending::send(&ctx, member, sending).await.map_err(|e| keep(e.into()))?;
    leptos_axum::redirect(&format!("/staff/patients/{patient}?saved=questionnaire#file-questionnaires"));
    Ok(())
}

/// Submitted and not reviewed, for the member's teams: flagged first.
#[server(prefix = "/api", endpoint = "questionnaires_to_review")]
pub async fn questionnaires_to_review() -> Result<Vec<QuestionnaireLine>, ApiError> {
    let (ctx, member, _) = team_side().await?;
    lines(&ctx, review::waiting(&ctx.db, member).await?, true).await
}

#[server(prefix = "/api", endpoint = "review_questionnaire")]
pub async fn review_questionnaire(id: SentQuestionnaireId) -> Result<ReviewView, ApiError> {
    let (ctx, member, _) = team_side().await?;
    let lang = context::language();
    let filled = review::open(&ctx, member, id.get()).await?;
    let line = lines(&ctx, vec![filled.sent.clone()], true).await?.remove(0);
    let score =
        filled.sent.submitted_at.and_then(|_| scoring::score(&filled.definition, &filled.answers)).map(|s| {
            ScoreView {
                total: s.total,
                band: s.band.map(|b| b.get(lang).to_string()),
                flags: s.flags.iter().map(|(_, label)| label.get(lang).to_string()).collect(),
            }
        });
    let reviewed = match (filled.sent.reviewed_at, &filled.sent.reviewed_by) {
        (Some(at), by) => Some((
            Clocks::default().local(&ctx.db, filled.sent.organisation_id, at).await?,
            by.clone().unwrap_or_default(),
            filled.sent.review_comment.clone(),
        )),
        _ => None,
    };
    let history = match filled.definition.scoring.as_ref().and_then(|s| s.total.as_ref()) {
        Some(total) => {
            let points =
                review::history(&ctx.db, member, filled.sent.patient_id, &filled.sent.instrument).await?;
            let mut clocks = Clocks::default();
            let mut history = Vec::with_capacity(points.len());
            for sent in points {
                let (Some(at), Some(score)) = (sent.submitted_at, sent.score) else { continue };
                history.push(ScorePoint {
                    id: sent.id,
                    on: clocks.local(&ctx.db, sent.organisation_id, at).await?.date(),
                    score,
                    band: scoring::band_of(&total.bands, score).map(|b| b.get(lang).to_string()),
                });
            }
            Some(ScoreHistory {
                points: history,
                max: total.bands.iter().map(|b| b.to).max().unwrap_or(0),
                thresholds: total.bands.iter().map(|b| b.from).filter(|&f| f > 0).collect(),
            })
        }
        None => None,
    };
    Ok(ReviewView {
        line,
        history,
        patient_id: filled.sent.patient_id,
        note: filled.sent.note.clone(),
        submitted: submission(&ctx, &filled, lang, true).await?,
        score,
        reviewed,
    })
}

#[server(prefix = "/api", endpoint = "mark_reviewed")]
pub async fn mark_reviewed(
    id: SentQuestionnaireId,
    #[server(default)] comment: String,
) -> Result<(), ApiError> {
    let (ctx, member, _) = team_side().await?;
    review::mark_reviewed(&ctx, member, id.get(), &comment)
        .await
        .map_err(|e| ApiError::from(e).keep("comment", &comment))?;
    leptos_axum::redirect(&format!("/staff/questionnaires/{id}?saved=1"));
    Ok(())
}

/// Whether the team member chose alerts by email in the organisation they work in.
#[server(prefix = "/api", endpoint = "questionnaire_alerts")]
pub async fn questionnaire_alerts() -> Result<bool, ApiError> {
    let (ctx, member, _) = team_side().await?;
    Ok(alert::chosen(&ctx.db, member).await?)
}

#[server(prefix = "/api", endpoint = "set_questionnaire_alerts")]
pub async fn set_questionnaire_alerts(alerts: Option<String>) -> Result<(), ApiError> {
    let (ctx, member, _) = team_side().await?;
    alert::choose(&ctx, member, alerts.is_some()).await?;
    leptos_axum::redirect("/staff/questionnaires?alerts=saved#alerts-title");
    Ok(())
}
