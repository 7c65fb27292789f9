//! The care team's export of one instrument's submissions across the patients its teams follow:
//! a CSV (one row per submission, one column per question, the score; every cell a spreadsheet
//! could run as a formula neutralised) or a FHIR Bundle of QuestionnaireResponses. Each patient
//! in an export has it recorded in their access log.
use super::answer::{self, Answers};
use super::definition::Definition;
use super::filling::{self, Filled, Order};
use super::{fhir, library, scoring, Reader, TeamMember};
use crate::domain::{Ctx, DomainResult, Target};
use crate::i18n::Lang;
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

/// An export holds this many submissions at most, the latest.
pub const EXPORT_MAX: i64 = 100_000;

/// The submitted questionnaires of `instrument` (any version) the member's teams may see, latest
/// first, each patient's read recorded.
pub async fn submissions(ctx: &Ctx, member: TeamMember, instrument: &str) -> DomainResult<Vec<Filled>> {
    let reader = Reader::Team(member);
    let sent = filling::select(&ctx.db, reader, Order::ToFillFirst, EXPORT_MAX, |q| {
        q.and("q.instrument = {}", instrument.to_string());
        q.and_fixed("r.submitted_at IS NOT NULL");
    })
    .await?;
    let mut query = reader.visible();
    query.and("q.instrument = {}", instrument.to_string());
    query.and_fixed("r.submitted_at IS NOT NULL");
    // The answers of the submissions selected above only: the same rows, the same cap.
    let limit = query.placeholder(EXPORT_MAX);
    let sql = format!(
        "SELECT a.request_id, a.link_id, a.answer FROM questionnaire_answers a
         WHERE a.request_id IN (
           SELECT r.id FROM questionnaire_requests r JOIN questionnaires q ON q.id = r.questionnaire_id
           WHERE {} ORDER BY r.submitted_at DESC, r.id LIMIT {limit})",
        query.sql()
    );
    let rows: Vec<(i64, String, String)> = query.bind(sqlx::query_as(&sql)).fetch_all(&ctx.db).await?;
    let mut answers: HashMap<i64, Answers> = HashMap::new();
    for (request_id, link_id, json) in rows {
        if let Ok(given) = serde_json::from_str(&json) {
            answers.entry(request_id).or_default().insert(link_id, given);
        }
    }
    let mut definitions: HashMap<i64, Arc<Definition>> = HashMap::new();
    let mut exported = Vec::with_capacity(sent.len());
    for s in sent {
        if let std::collections::hash_map::Entry::Vacant(slot) = definitions.entry(s.questionnaire_id) {
            slot.insert(Arc::new(library::definition(&ctx.db, s.questionnaire_id).await?));
        }
        exported.push(Filled {
            definition: Arc::clone(&definitions[&s.questionnaire_id]),
            answers: answers.remove(&s.id).unwrap_or_default(),
            sent: s,
        });
    }
    let patients: BTreeSet<i64> = exported.iter().map(|f| f.sent.patient_id).collect();
    let mut tx = ctx.db.begin().await?;
    for patient_id in patients {
        ctx.audit(
            &mut *tx,
            Some(member.organisation_id),
            "questionnaire.exported",
            Target::Patient(patient_id),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(exported)
}

/// A cell as a spreadsheet reads it: quoted, and text that would start a formula (= + - @, a
/// tab or a carriage return) made plain text by a leading apostrophe.
fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    format!("\"{}\"", text.replace('"', "\"\""))
}

fn time(at: Option<i64>) -> String {
    at.and_then(|t| chrono::DateTime::from_timestamp(t, 0))
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default()
}

/// One row per submission, one column per question (every version's questions, in the order of
/// the latest), answers in words in `lang`.
pub fn csv(exported: &[Filled], lang: Lang) -> String {
    let mut columns: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut by_version: Vec<&Filled> = exported.iter().collect();
    by_version.sort_by_key(|f| std::cmp::Reverse(f.sent.version));
    for filled in by_version {
        for item in filled.definition.questions() {
            if seen.insert(item.link_id.clone()) {
                columns.push(item.link_id.clone());
            }
        }
    }
    let fixed = [
        "submission",
        "patient",
        "submitted_at",
        "submitted_by",
        "submitted_as",
        "version",
        "score",
        "band",
        "flags",
    ];
    let mut out = String::new();
    let header: Vec<String> =
        fixed.iter().map(|c| c.to_string()).chain(columns.iter().cloned()).map(|c| cell(&c)).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for Filled { sent, definition, answers } in exported {
        let score = scoring::score(definition, answers);
        let skipped = answer::not_asked(definition, answers);
        let mut row = vec![
            sent.id.to_string(),
            sent.patient_name.clone(),
            time(sent.submitted_at),
            sent.submitted_by.clone().unwrap_or_default(),
            sent.submitted_as.clone().unwrap_or_default(),
            sent.version.to_string(),
            score.as_ref().and_then(|s| s.total).map(|t| t.to_string()).unwrap_or_default(),
            score.as_ref().and_then(|s| s.band.as_ref()).map(|b| b.get(lang).to_string()).unwrap_or_default(),
            score
                .as_ref()
                .map(|s| s.flags.iter().map(|(_, label)| label.get(lang)).collect::<Vec<_>>().join("; "))
                .unwrap_or_default(),
        ];
        for link_id in &columns {
            let given = definition
                .item(link_id)
                .zip(answers.get(link_id).filter(|_| !skipped.contains(link_id)))
                .map(|(item, given)| answer::in_words(item, given, lang));
            row.push(given.unwrap_or_default());
        }
        out.push_str(&row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

/// The submissions as a FHIR R4 Bundle of QuestionnaireResponses.
pub fn bundle(exported: &[Filled], lang: Lang, now: i64) -> fhir::Bundle {
    fhir::response::bundle(exported.iter().map(|f| fhir::response::of(f, lang)).collect(), now)
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_a_spreadsheet_would_run_are_neutralised() {
        assert_eq!(cell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
        for start in ["+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(cell(start).starts_with("\"'"), "{start}");
        }
        assert_eq!(cell("Léa Tremblay"), "\"Léa Tremblay\"");
        assert_eq!(cell("12"), "\"12\"");
    }
}
