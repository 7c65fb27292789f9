//! A submission as a FHIR R4 `QuestionnaireResponse`: the answers nested as the definition groups
//! them (items not asked left out), choices as codings with their text in the reader's language,
//! the total as the score item the exported Questionnaire computes, the caregiver who filled it
//! as its source. Several in a `collection` Bundle.
use super::*;
use crate::domain::questionnaire::answer::{Answer, Answers};
use crate::domain::questionnaire::definition::{Item, Kind};
use crate::domain::questionnaire::filling::Filled;
use crate::domain::questionnaire::{answer, scoring};

fn time(at: i64) -> Option<String> {
    chrono::DateTime::from_timestamp(at, 0).map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
}

fn reference(kind: &str, display: &str) -> Reference {
    let mut other = Map::new();
    other.insert("type".into(), Value::String(kind.into()));
    Reference { reference: None, display: Some(display.into()), other }
}

pub fn of(filled: &Filled, lang: Lang) -> QuestionnaireResponse {
    let Filled { sent, definition, answers } = filled;
    let skipped = answer::not_asked(definition, answers);
    let asked: Answers = answers
        .iter()
        .filter(|(id, _)| !skipped.contains(*id))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let mut item: Vec<ResponseItem> =
        definition.items.iter().filter_map(|i| item_of(i, &asked, lang)).collect();
    if let Some(total) = scoring::score_skipping(definition, answers, &skipped).and_then(|s| s.total) {
        let mut answer = Map::new();
        answer.insert("valueInteger".into(), total.into());
        item.push(ResponseItem {
            link_id: SCORE_LINK_ID.into(),
            text: Some(match lang {
                Lang::Fr => "Score total".into(),
                Lang::En => "Total score".into(),
            }),
            answer: vec![answer],
            ..Default::default()
        });
    }
    let by = sent.submitted_by.clone().unwrap_or_default();
    let by_caregiver = sent.submitted_as.as_deref() == Some("caregiver");
    QuestionnaireResponse {
        resource_type: "QuestionnaireResponse".into(),
        id: Some(format!("portail-{}", sent.id)),
        language: Some(lang.code().into()),
        questionnaire: Some(format!("{INSTRUMENT_SYSTEM}:{}|{}", definition.key, sent.version)),
        status: (if sent.submitted_at.is_some() { "completed" } else { "in-progress" }).into(),
        subject: Some(reference("Patient", &sent.patient_name)),
        authored: sent.submitted_at.and_then(time),
        author: None,
        source: sent
            .submitted_at
            .map(|_| reference(if by_caregiver { "RelatedPerson" } else { "Patient" }, &by)),
        item,
        other: Map::new(),
    }
}

fn item_of(item: &Item, answers: &Answers, lang: Lang) -> Option<ResponseItem> {
    if let Kind::Group { items } = &item.kind {
        let children: Vec<ResponseItem> = items.iter().filter_map(|i| item_of(i, answers, lang)).collect();
        return (!children.is_empty()).then(|| ResponseItem {
            link_id: item.link_id.clone(),
            text: Some(item.text.get(lang).to_string()).filter(|t| !t.is_empty()),
            item: children,
            ..Default::default()
        });
    }
    let given = answers.get(&item.link_id)?;
    Some(ResponseItem {
        link_id: item.link_id.clone(),
        text: Some(item.text.get(lang).to_string()),
        answer: values(item, given, lang),
        ..Default::default()
    })
}

fn values(item: &Item, given: &Answer, lang: Lang) -> Vec<Map<String, Value>> {
    let one = |key: &str, value: Value| {
        let mut map = Map::new();
        map.insert(key.into(), value);
        map
    };
    match (given, &item.kind) {
        (Answer::Codes(codes), Kind::Choice { options, .. }) => codes
            .iter()
            .map(|code| {
                let display = options.iter().find(|o| &o.code == code).map(|o| o.text.get(lang).to_string());
                one("valueCoding", serde_json::json!({ "code": code, "display": display }))
            })
            .collect(),
        (Answer::Codes(codes), _) => codes.iter().map(|c| one("valueString", c.clone().into())).collect(),
        (Answer::Text(text), _) => vec![one("valueString", text.clone().into())],
        (Answer::Yes(yes), _) => vec![one("valueBoolean", (*yes).into())],
        (Answer::Number(n), Kind::Integer { .. } | Kind::Scale { .. }) => {
            vec![one("valueInteger", (*n as i64).into())]
        }
        (Answer::Number(n), _) => vec![one("valueDecimal", (*n).into())],
        (Answer::Date(d), _) => vec![one("valueDate", d.format("%Y-%m-%d").to_string().into())],
    }
}

/// Submissions gathered as a `collection` Bundle.
pub fn bundle(responses: Vec<QuestionnaireResponse>, now: i64) -> Bundle {
    Bundle {
        resource_type: "Bundle".into(),
        kind: "collection".into(),
        timestamp: time(now),
        total: None,
        entry: responses
            .into_iter()
            .map(|resource| BundleEntry {
                full_url: format!("urn:portail:response:{}", resource.id.clone().unwrap_or_default()),
                resource,
            })
            .collect(),
    }
}
