//! The questionnaire builder (administrators, and professionals where the organisation allows
//! it): start or edit a draft, change it one form post at a time, preview it, publish it as the
//! library's next version, archive a questionnaire. Every form works without JavaScript: each
//! post redirects back to the page it came from.
// `save_draft_item` takes each field of the question form as a named argument (the form posts them).
#![allow(clippy::too_many_arguments)]
use super::questionnaires::QuestionView;
use super::ApiError;
use crate::door::{DraftId, QuestionnaireId};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use {
    super::context::{self, require_any_service, Staff},
    crate::domain::organisation::staff_service,
    crate::domain::questionnaire::builder::{self, Change, Fields},
    crate::domain::questionnaire::definition::{Definition, Item},
    crate::domain::questionnaire::FormError,
    crate::i18n::Lang,
    crate::states::Service,
};

/// One item of a draft as the builder lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DraftItem {
    pub link_id: String,
    /// Its text in French, then in English.
    pub text: (String, String),
    /// The kind's name (`builder::KINDS`), `group` for a section.
    pub kind: String,
    pub required: bool,
    /// "Shown only when": the question's text, the operator (`=`, `!=`, `>`, `<`, `exists`) and
    /// the answer as the form reads it.
    pub condition: Option<(String, String, String)>,
    pub first: bool,
    pub last: bool,
    pub items: Vec<DraftItem>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DraftView {
    pub id: i64,
    pub instrument: String,
    /// The version edited, `None` for a new questionnaire.
    pub based_on: Option<i64>,
    pub title: (String, String),
    pub instructions: (String, String),
    pub sections: Vec<DraftItem>,
    /// The questions a condition may look at: link id and text, in order.
    pub questions: Vec<(String, String)>,
    /// The item being edited (`?edit=`) and its fields as the form shows them.
    pub editing: Option<(String, Vec<(String, String)>)>,
    pub scored: bool,
}

/// A draft as the patient would see it: every section and question (conditions aside).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PreviewView {
    pub title: String,
    pub instructions: Option<String>,
    pub sections: Vec<(String, Vec<QuestionView>)>,
    pub count: usize,
}

#[cfg(feature = "ssr")]
async fn require_builder() -> Result<Staff, ApiError> {
    let staff = require_any_service(&[Service::Administration, Service::Questionnaires]).await?;
    let held = staff_service::held(&staff.ctx.db, staff.account.id, staff.organisation_id).await?;
    if !builder::may_build(&held, builder::professionals_build(&staff.ctx.db, staff.organisation_id).await?) {
        return Err(ApiError::forbidden());
    }
    Ok(staff)
}

#[cfg(feature = "ssr")]
fn pair(text: &crate::domain::questionnaire::definition::Bilingual) -> (String, String) {
    (text.fr.clone(), text.en.clone())
}

#[cfg(feature = "ssr")]
fn draft_item(definition: &Definition, items: &[Item], lang: Lang) -> Vec<DraftItem> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| DraftItem {
            link_id: item.link_id.clone(),
            text: pair(&item.text),
            kind: builder::kind_name(&item.kind).into(),
            required: item.required,
            condition: item.enable_when.first().map(|_| {
                let fields = builder::condition_fields(definition, item);
                let question = definition
                    .item(&fields["when_question"])
                    .map(|q| q.text.get(lang).to_string())
                    .unwrap_or_default();
                (question, fields["when_operator"].clone(), fields["when_answer"].clone())
            }),
            first: i == 0,
            last: i + 1 == items.len(),
            items: draft_item(definition, item.children(), lang),
        })
        .collect()
}

#[server(prefix = "/api", endpoint = "questionnaire_draft")]
pub async fn questionnaire_draft(draft: DraftId, edit: Option<String>) -> Result<DraftView, ApiError> {
    let Staff { ctx, organisation_id, .. } = require_builder().await?;
    let lang = context::language();
    let found = builder::open(&ctx.db, organisation_id, draft.get()).await?;
    let d = &found.definition;
    let editing = edit.and_then(|link_id| {
        let item = d.item(&link_id)?;
        let mut fields: Vec<(String, String)> = builder::item_fields(d, item).into_iter().collect();
        fields.sort();
        Some((link_id, fields))
    });
    Ok(DraftView {
        id: found.id,
        instrument: found.instrument.clone(),
        based_on: found.based_on,
        title: pair(&d.title),
        instructions: d.instructions.as_ref().map(pair).unwrap_or_default(),
        sections: draft_item(d, &d.items, lang),
        questions: d.questions().iter().map(|q| (q.link_id.clone(), q.text.get(lang).to_string())).collect(),
        editing,
        scored: d.scoring.is_some(),
    })
}

#[server(prefix = "/api", endpoint = "questionnaire_preview")]
pub async fn questionnaire_preview(draft: DraftId) -> Result<PreviewView, ApiError> {
    use super::questionnaires::question_kind;
    let Staff { ctx, organisation_id, .. } = require_builder().await?;
    let lang = context::language();
    let found = builder::open(&ctx.db, organisation_id, draft.get()).await?;
    let d = &found.definition;
    let mut number = 0;
    let sections = (0..d.items.len())
        .map(|s| {
            let questions = d
                .section_questions(s)
                .into_iter()
                .map(|item| {
                    number += 1;
                    QuestionView {
                        link_id: item.link_id.clone(),
                        number,
                        text: item.text.get(lang).to_string(),
                        required: item.required,
                        kind: question_kind(item, lang),
                        value: String::new(),
                        chosen: Vec::new(),
                    }
                })
                .collect();
            (d.items[s].text.get(lang).to_string(), questions)
        })
        .collect();
    Ok(PreviewView {
        title: d.title.get(lang).to_string(),
        instructions: d.instructions.as_ref().map(|i| i.get(lang).to_string()),
        sections,
        count: number,
    })
}

/// The fields a form sent, for the domain, and given back as typed on a refusal.
#[cfg(feature = "ssr")]
fn typed(pairs: &[(&str, &str)]) -> Fields {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

#[cfg(feature = "ssr")]
fn refused(error: FormError, fields: &Fields) -> ApiError {
    let error = ApiError::from(error);
    fields.iter().fold(error, |e, (name, value)| e.keep(name, value))
}

#[cfg(feature = "ssr")]
fn to_builder(draft: i64, anchor: &str) {
    leptos_axum::redirect(&format!("/staff/questionnaires/builder/{draft}?saved=1#{anchor}"));
}

#[server(prefix = "/api", endpoint = "new_questionnaire")]
pub async fn new_questionnaire(
    #[server(default)] title_fr: String,
    #[server(default)] title_en: String,
) -> Result<(), ApiError> {
    let Staff { ctx, organisation_id, .. } = require_builder().await?;
    let fields = typed(&[("title_fr", &title_fr), ("title_en", &title_en)]);
    let id = builder::start(&ctx, organisation_id, &fields).await.map_err(|e| refused(e, &fields))?;
    leptos_axum::redirect(&format!("/staff/questionnaires/builder/{id}"));
    Ok(())
}

/// Opens the builder on a version of the library (its draft if one is being written).
#[server(prefix = "/api", endpoint = "edit_questionnaire")]
pub async fn edit_questionnaire(id: QuestionnaireId) -> Result<(), ApiError> {
    let Staff { ctx, organisation_id, .. } = require_builder().await?;
    let draft = builder::edit(&ctx, organisation_id, id.get()).await?;
    leptos_axum::redirect(&format!("/staff/questionnaires/builder/{draft}"));
    Ok(())
}

#[cfg(feature = "ssr")]
async fn change(draft: DraftId, change: Change, fields: &Fields, anchor: &str) -> Result<(), ApiError> {
    let Staff { ctx, organisation_id, .. } = require_builder().await?;
    builder::change(&ctx, organisation_id, draft.get(), &change).await.map_err(|e| refused(e, fields))?;
    to_builder(draft.get(), anchor);
    Ok(())
}

#[server(prefix = "/api", endpoint = "save_draft_details")]
pub async fn save_draft_details(
    draft: DraftId,
    #[server(default)] title_fr: String,
    #[server(default)] title_en: String,
    #[server(default)] instructions_fr: String,
    #[server(default)] instructions_en: String,
) -> Result<(), ApiError> {
    let fields = typed(&[
        ("title_fr", &title_fr),
        ("title_en", &title_en),
        ("instructions_fr", &instructions_fr),
        ("instructions_en", &instructions_en),
    ]);
    change(draft, Change::Details(fields.clone()), &fields, "details").await
}

#[server(prefix = "/api", endpoint = "add_draft_section")]
pub async fn add_draft_section(
    draft: DraftId,
    #[server(default)] section_fr: String,
    #[server(default)] section_en: String,
) -> Result<(), ApiError> {
    let kept = typed(&[("section_fr", &section_fr), ("section_en", &section_en)]);
    let fields = typed(&[("text_fr", &section_fr), ("text_en", &section_en)]);
    change(draft, Change::AddSection(fields), &kept, "items").await.map_err(|e| match e.field.as_deref() {
        Some("text_fr") => e.on("section_fr"),
        Some("text_en") => e.on("section_en"),
        _ => e,
    })
}

/// Adds a question to `section`, or saves the item `target` (`?edit=`).
#[server(prefix = "/api", endpoint = "save_draft_item")]
pub async fn save_draft_item(
    draft: DraftId,
    #[server(default)] target: String,
    #[server(default)] section: String,
    #[server(default)] kind: String,
    #[server(default)] text_fr: String,
    #[server(default)] text_en: String,
    required: Option<String>,
    #[server(default)] options: String,
    #[server(default)] min: String,
    #[server(default)] max: String,
    #[server(default)] unit_fr: String,
    #[server(default)] unit_en: String,
    #[server(default)] low_fr: String,
    #[server(default)] low_en: String,
    #[server(default)] high_fr: String,
    #[server(default)] high_en: String,
    #[server(default)] when_question: String,
    #[server(default)] when_operator: String,
    #[server(default)] when_answer: String,
) -> Result<(), ApiError> {
    let mut fields = typed(&[
        ("kind", &kind),
        ("text_fr", &text_fr),
        ("text_en", &text_en),
        ("options", &options),
        ("min", &min),
        ("max", &max),
        ("unit_fr", &unit_fr),
        ("unit_en", &unit_en),
        ("low_fr", &low_fr),
        ("low_en", &low_en),
        ("high_fr", &high_fr),
        ("high_en", &high_en),
        ("when_question", &when_question),
        ("when_operator", &when_operator),
        ("when_answer", &when_answer),
    ]);
    if let Some(on) = required {
        fields.insert("required".into(), on);
    }
    let (step, anchor) = if target.is_empty() {
        (Change::AddItem { section: section.clone(), fields: fields.clone() }, "items".to_string())
    } else {
        (Change::Edit { link_id: target.clone(), fields: fields.clone() }, format!("item-{target}"))
    };
    fields.insert("section".into(), section);
    change(draft, step, &fields, &anchor).await.map_err(|e| {
        // A refused edit comes back to its form.
        if target.is_empty() {
            e
        } else {
            e.keep("target", &target)
        }
    })
}

/// Moves an item up or down among its neighbours, or removes it.
#[server(prefix = "/api", endpoint = "arrange_draft")]
pub async fn arrange_draft(
    draft: DraftId,
    #[server(default)] target: String,
    #[server(default)] step: String,
) -> Result<(), ApiError> {
    let link_id = target.clone();
    let change_asked = match step.as_str() {
        "up" | "down" => Change::Move { link_id, up: step == "up" },
        "remove" => Change::Remove { link_id },
        _ => return Err(ApiError::invalid("error-builder-item")),
    };
    let anchor = if step == "remove" { "items".to_string() } else { format!("item-{target}") };
    change(draft, change_asked, &Fields::new(), &anchor).await
}

#[server(prefix = "/api", endpoint = "publish_draft")]
pub async fn publish_draft(draft: DraftId) -> Result<(), ApiError> {
    let Staff { ctx, organisation_id, .. } = require_builder().await?;
    let entry = builder::publish(&ctx, organisation_id, draft.get()).await?;
    leptos_axum::redirect(&format!("/staff/questionnaires/library?published={}", entry.id));
    Ok(())
}

#[server(prefix = "/api", endpoint = "discard_draft")]
pub async fn discard_draft(draft: DraftId) -> Result<(), ApiError> {
    let Staff { ctx, organisation_id, .. } = require_builder().await?;
    builder::discard(&ctx, organisation_id, draft.get()).await?;
    leptos_axum::redirect("/staff/questionnaires/library?discarded=1");
    Ok(())
}

/// Archives a questionnaire (it can no longer be sent), or brings it back.
#[server(prefix = "/api", endpoint = "archive_questionnaire")]
pub async fn archive_questionnaire(id: QuestionnaireId, restore: Option<String>) -> Result<(), ApiError> {
    let Staff { ctx, organisation_id, .. } = require_builder().await?;
    builder::set_archived(&ctx, organisation_id, id.get(), restore.is_none()).await?;
    leptos_axum::redirect("/staff/questionnaires/library?saved=1#archived");
    Ok(())
}

/// Whether professionals holding Questionnaires may build (administrators decide).
#[server(prefix = "/api", endpoint = "set_questionnaire_builders")]
pub async fn set_questionnaire_builders(professionals: Option<String>) -> Result<(), ApiError> {
    let Staff { ctx, organisation_id, .. } = super::context::require_service(Service::Administration).await?;
    builder::set_professionals_build(&ctx, organisation_id, professionals.is_some()).await?;
    leptos_axum::redirect("/staff/questionnaires/library?saved=1#builders");
    Ok(())
}
