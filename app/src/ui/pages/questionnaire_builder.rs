//! The questionnaire builder: a draft's title and instructions, its sections and questions (each
//! moved, edited or removed by a form post), the forms that add a question or a section, then
//! preview, publish or discard. Without JavaScript every button is a post that comes back here.
use crate::api::questionnaire_builder::{
    questionnaire_draft, questionnaire_preview, AddDraftSection, ArrangeDraft, DiscardDraft, DraftItem,
    DraftView, PublishDraft, SaveDraftDetails, SaveDraftItem,
};
use crate::api::ApiError;
use crate::ui::components::questionnaire::Question;
use crate::ui::components::{Loaded, PageTitle};
use crate::ui::form::{action_error, error_for, kept_or, Field, FormAlert, Submit, TextArea};
use crate::ui::route::{route_params, with_id, DraftParams};
use crate::ui::words::{tr, tr_with};
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::hooks::use_query_map;

const KIND_KEYS: [(&str, &str); 10] = [
    ("short-text", "builder-kind-short-text"),
    ("long-text", "builder-kind-long-text"),
    ("choice", "builder-kind-choice"),
    ("multiple", "builder-kind-multiple"),
    ("yes-no", "builder-kind-yes-no"),
    ("integer", "builder-kind-integer"),
    ("decimal", "builder-kind-decimal"),
    ("date", "builder-kind-date"),
    ("scale", "builder-kind-scale"),
    ("display", "builder-kind-display"),
];

const OPERATOR_KEYS: [(&str, &str); 5] = [
    ("=", "builder-op-equals"),
    ("!=", "builder-op-not-equals"),
    (">", "builder-op-greater"),
    ("<", "builder-op-less"),
    ("exists", "builder-op-exists"),
];

fn kind_key(kind: &str) -> &'static str {
    KIND_KEYS.iter().find(|(k, _)| *k == kind).map_or("builder-kind-section", |(_, key)| key)
}

fn operator_key(operator: &str) -> &'static str {
    OPERATOR_KEYS.iter().find(|(o, _)| *o == operator).map_or("builder-op-equals", |(_, key)| key)
}

/// A labelled list, its error tied to it like a `Field`'s.
#[component]
fn Select(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    options: Vec<(String, String)>,
    #[prop(into)] selected: Signal<String>,
    error: Signal<Option<ApiError>>,
) -> impl IntoView {
    let mine = error_for(error, id);
    let error_id = format!("{id}-error");
    view! {
        <div class="field" class:field-invalid=move || mine.get().is_some()>
            <label for=id>{label}</label>
            {
                let error_id = error_id.clone();
                move || {
                    mine.get()
                        .map(|m| {
                            view! {
                                <p class="field-error" id=error_id.clone()>
                                    {m}
                                </p>
                            }
                        })
                }
            }
            <select
                id=id
                name=id
                aria-invalid=move || mine.get().is_some().then_some("true")
                aria-describedby=move || mine.get().map(|_| error_id.clone())
            >
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let chosen = {
                            let value = value.clone();
                            move || selected.get() == value
                        };
                        view! {
                            <option value=value selected=chosen>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The fields of a question, to add one or edit it: `saved` holds the item's fields when editing.
#[component]
fn ItemFields(
    draft: DraftView,
    saved: Vec<(String, String)>,
    error: Signal<Option<ApiError>>,
    adding: bool,
) -> impl IntoView {
    let saved = StoredValue::new(saved);
    let value = move |name: &'static str| {
        let start = saved.with_value(|s| s.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()));
        kept_or(error, name, start.unwrap_or_default())
    };
    let section =
        draft.sections.iter().filter(|s| s.kind == "group").map(|s| (s.link_id.clone(), s.text.0.clone()));
    let sections: Vec<(String, String)> = section.collect();
    let last_section = sections.last().map(|(id, _)| id.clone()).unwrap_or_default();
    let kinds: Vec<(String, String)> = KIND_KEYS.iter().map(|(k, key)| (k.to_string(), tr(key))).collect();
    let operators: Vec<(String, String)> =
        OPERATOR_KEYS.iter().map(|(o, key)| (o.to_string(), tr(key))).collect();
    let mut questions = vec![(String::new(), tr("builder-when-always"))];
    questions.extend(draft.questions.iter().cloned());
    let required_ticked = move || match error.get() {
        Some(e) => e.kept("required").is_some(),
        None => saved.with_value(|s| s.iter().any(|(k, _)| k == "required")),
    };
    let required_id = if adding { "required" } else { "edit-required" };
    view! {
        {adding
            .then(|| {
                view! {
                    <Select
                        id="section"
                        label=move_tr!("builder-section-label")
                        options=sections.clone()
                        selected=kept_or(error, "section", last_section.clone())
                        error
                    />
                }
            })}
        <Select id="kind" label=move_tr!("builder-kind-label") options=kinds selected=value("kind") error />
        <Field
            id="text_fr"
            label=move_tr!("builder-text-fr")
            value=value("text_fr")
            error=error_for(error, "text_fr")
        />
        <Field
            id="text_en"
            label=move_tr!("builder-text-en")
            value=value("text_en")
            error=error_for(error, "text_en")
        />
        <div class="choice">
            <input type="checkbox" id=required_id name="required" checked=required_ticked />
            <label for=required_id>{move_tr!("builder-required")}</label>
        </div>
        <fieldset class="builder-kind-fields">
            <legend>{move_tr!("builder-choices-legend")}</legend>
            <p class="hint" id="options-hint">
                {move_tr!("builder-options-hint")}
            </p>
            <TextArea
                id="options"
                label=move_tr!("builder-options")
                value=value("options")
                error=error_for(error, "options")
                rows=5
            />
        </fieldset>
        <fieldset class="builder-kind-fields">
            <legend>{move_tr!("builder-number-legend")}</legend>
            <Field
                id="min"
                label=move_tr!("builder-min")
                value=value("min")
                error=error_for(error, "min")
                required=false
                inputmode="decimal"
            />
            <Field
                id="max"
                label=move_tr!("builder-max")
                value=value("max")
                error=error_for(error, "max")
                required=false
                inputmode="decimal"
            />
            <Field
                id="unit_fr"
                label=move_tr!("builder-unit-fr")
                value=value("unit_fr")
                error=error_for(error, "unit_fr")
                required=false
            />
            <Field
                id="unit_en"
                label=move_tr!("builder-unit-en")
                value=value("unit_en")
                error=error_for(error, "unit_en")
                required=false
            />
        </fieldset>
        <fieldset class="builder-kind-fields">
            <legend>{move_tr!("builder-scale-legend")}</legend>
            <Field
                id="low_fr"
                label=move_tr!("builder-low-fr")
                value=value("low_fr")
                error=error_for(error, "low_fr")
                required=false
            />
            <Field
                id="low_en"
                label=move_tr!("builder-low-en")
                value=value("low_en")
                error=error_for(error, "low_en")
                required=false
            />
            <Field
                id="high_fr"
                label=move_tr!("builder-high-fr")
                value=value("high_fr")
                error=error_for(error, "high_fr")
                required=false
            />
            <Field
                id="high_en"
                label=move_tr!("builder-high-en")
                value=value("high_en")
                error=error_for(error, "high_en")
                required=false
            />
        </fieldset>
        <fieldset class="builder-kind-fields">
            <legend>{move_tr!("builder-when-legend")}</legend>
            <p class="hint">{move_tr!("builder-when-hint")}</p>
            <Select
                id="when_question"
                label=move_tr!("builder-when-question")
                options=questions
                selected=value("when_question")
                error
            />
            <Select
                id="when_operator"
                label=move_tr!("builder-when-operator")
                options=operators
                selected=value("when_operator")
                error
            />
            <Field
                id="when_answer"
                label=move_tr!("builder-when-answer")
                value=value("when_answer")
                error=error_for(error, "when_answer")
                required=false
            />
        </fieldset>
    }
}

/// One item in the list: its texts, kind, condition, and the buttons that arrange it.
#[component]
fn ItemRow(draft_id: i64, item: DraftItem, arrange: ServerAction<ArrangeDraft>) -> impl IntoView {
    let DraftItem { link_id, text, kind, required, condition, first, last, items } = item;
    let section = kind == "group";
    let about = text.0.clone();
    let hidden = move || view! { <span class="visually-hidden">" « " {about.clone()} " »"</span> };
    let edit_href = format!("?edit={link_id}#edit");
    let row_id = format!("item-{link_id}");
    view! {
        <li id=row_id class="builder-item" class:builder-section=section>
            <p class="builder-item-text">
                <strong>{text.0.clone()}</strong>
                <br />
                <span lang="en">{text.1.clone()}</span>
            </p>
            <p class="hint">
                {move || tr(kind_key(&kind))}
                {required
                    .then(|| {
                        view! {
                            " · "
                            {move_tr!("questionnaire-required")}
                        }
                    })}
                {condition
                    .map(|(question, operator, answer)| {
                        view! {
                            " · "
                            {move || tr_with(
                                "builder-shown-when",
                                &[
                                    ("question", &question),
                                    ("operator", &tr(operator_key(&operator))),
                                    ("answer", &answer),
                                ],
                            )}
                        }
                    })}
            </p>
            <div class="actions">
                <a class="button secondary" href=edit_href>
                    {move_tr!("builder-edit")}
                    {hidden.clone()}
                </a>
                <ActionForm action=arrange>
                    <input type="hidden" name="draft" value=draft_id />
                    <input type="hidden" name="target" value=link_id.clone() />
                    {(!first)
                        .then(|| {
                            view! {
                                <button type="submit" name="step" value="up" class="button secondary">
                                    {move_tr!("builder-move-up")}
                                    {hidden.clone()}
                                </button>
                            }
                        })}
                    {(!last)
                        .then(|| {
                            view! {
                                <button type="submit" name="step" value="down" class="button secondary">
                                    {move_tr!("builder-move-down")}
                                    {hidden.clone()}
                                </button>
                            }
                        })}
                    <button type="submit" name="step" value="remove" class="button secondary">
                        {move_tr!("builder-remove")}
                        {hidden.clone()}
                    </button>
                </ActionForm>
            </div>
            {(!items.is_empty())
                .then(|| {
                    view! {
                        <ol class="builder-items">
                            {items
                                .into_iter()
                                .map(|item| view! { <ItemRow draft_id item arrange /> }.into_any())
                                .collect_view()}
                        </ol>
                    }
                })}
        </li>
    }
}

#[component]
pub fn BuilderPage() -> impl IntoView {
    let params = route_params::<DraftParams>();
    let query = use_query_map();
    let details = ServerAction::<SaveDraftDetails>::new();
    let add_item = ServerAction::<SaveDraftItem>::new();
    let edit_item = ServerAction::<SaveDraftItem>::new();
    let add_section = ServerAction::<AddDraftSection>::new();
    let arrange = ServerAction::<ArrangeDraft>::new();
    let publish = ServerAction::<PublishDraft>::new();
    let discard = ServerAction::<DiscardDraft>::new();
    let editing = move || query.read().get("edit");
    let changed = move || {
        (
            details.version().get(),
            add_item.version().get(),
            edit_item.version().get(),
            add_section.version().get(),
            arrange.version().get(),
        )
    };
    let draft = Resource::new(
        move || (params.get().map(|p| p.id), editing(), changed()),
        |(id, edit, _)| with_id(id, move |id| questionnaire_draft(id, edit)),
    );
    // The add and edit forms post to the same function: a refused edit carries its target.
    let add_error = {
        let e = action_error(add_item);
        Signal::derive(move || e.get().filter(|e| e.kept("target").is_none()))
    };
    let edit_error = {
        let e = action_error(edit_item);
        Signal::derive(move || e.get().filter(|e| e.kept("target").is_some()))
    };
    let details_error = action_error(details);
    let section_error = action_error(add_section);
    let arrange_error = action_error(arrange);
    let publish_error = action_error(publish);
    let discard_error = action_error(discard);
    view! {
        <PageTitle title_key="builder-title" />
        <p>
            <a href="/staff/questionnaires/library">{move_tr!("library-title")}</a>
        </p>
        <Loaded data=draft let:d>
            {
                let id = d.id;
                let heading = d.title.clone();
                let (for_edit, for_add) = (d.clone(), d.clone());
                let version_note = match d.based_on {
                    Some(_) => tr("builder-editing-version"),
                    None => tr("builder-new"),
                };
                view! {
                    <h1>{move_tr!("builder-title")} " : " <span>{heading.0.clone()}</span></h1>
                    <p class="hint">{version_note} " " {move_tr!("builder-intro")}</p>
                    {d.scored.then(|| view! { <p class="hint">{move_tr!("builder-scored-note")}</p> })}
                    <p role="status" class="status" data-testid="builder-status">
                        {move || query.read().get("saved").map(|_| tr("builder-saved"))}
                    </p>
                    <FormAlert error=arrange_error />
                    <section class="file-section" id="details" aria-labelledby="details-title">
                        <h2 id="details-title">{move_tr!("builder-details")}</h2>
                        <ActionForm action=details attr:novalidate=true>
                            <input type="hidden" name="draft" value=id />
                            <FormAlert error=details_error />
                            <Field
                                id="title_fr"
                                label=move_tr!("builder-title-fr")
                                value=kept_or(details_error, "title_fr", d.title.0.clone())
                                error=error_for(details_error, "title_fr")
                            />
                            <Field
                                id="title_en"
                                label=move_tr!("builder-title-en")
                                value=kept_or(details_error, "title_en", d.title.1.clone())
                                error=error_for(details_error, "title_en")
                            />
                            <TextArea
                                id="instructions_fr"
                                label=move_tr!("builder-instructions-fr")
                                value=kept_or(details_error, "instructions_fr", d.instructions.0.clone())
                                error=error_for(details_error, "instructions_fr")
                                rows=3
                            />
                            <TextArea
                                id="instructions_en"
                                label=move_tr!("builder-instructions-en")
                                value=kept_or(details_error, "instructions_en", d.instructions.1.clone())
                                error=error_for(details_error, "instructions_en")
                                rows=3
                            />
                            <Submit pending=details.pending()>{move_tr!("builder-save-details")}</Submit>
                        </ActionForm>
                    </section>
                    <section class="file-section" id="items" aria-labelledby="items-title">
                        <h2 id="items-title">{move_tr!("builder-items")}</h2>
                        <ol class="builder-items" data-testid="builder-items">
                            {d
                                .sections
                                .clone()
                                .into_iter()
                                .map(|item| view! { <ItemRow draft_id=id item arrange /> })
                                .collect_view()}
                        </ol>
                    </section>
                    {d
                        .editing
                        .clone()
                        .map(move |(target, saved)| {
                            let editing_section = for_edit.sections.iter().any(|s| s.link_id == target);
                            view! {
                                <section class="file-section" id="edit" aria-labelledby="edit-title">
                                    <h2 id="edit-title">{move_tr!("builder-edit-title")}</h2>
                                    <ActionForm action=edit_item attr:novalidate=true>
                                        <input type="hidden" name="draft" value=id />
                                        <input type="hidden" name="target" value=target.clone() />
                                        <FormAlert error=edit_error />
                                        {if editing_section {
                                            let value = |name: &'static str| {
                                                let start = saved
                                                    .iter()
                                                    .find(|(k, _)| k == name)
                                                    .map(|(_, v)| v.clone())
                                                    .unwrap_or_default();
                                                kept_or(edit_error, name, start)
                                            };
                                            view! {
                                                <input type="hidden" name="kind" value="group" />
                                                <Field
                                                    id="text_fr"
                                                    label=move_tr!("builder-text-fr")
                                                    value=value("text_fr")
                                                    error=error_for(edit_error, "text_fr")
                                                />
                                                <Field
                                                    id="text_en"
                                                    label=move_tr!("builder-text-en")
                                                    value=value("text_en")
                                                    error=error_for(edit_error, "text_en")
                                                />
                                            }
                                                .into_any()
                                        } else {
                                            view! {
                                                <ItemFields
                                                    draft=for_edit.clone()
                                                    saved
                                                    error=edit_error
                                                    adding=false
                                                />
                                            }
                                                .into_any()
                                        }}
                                        <div class="actions">
                                            <Submit pending=edit_item
                                                .pending()>{move_tr!("builder-save-item")}</Submit>
                                            <a class="button secondary" href=format!("?#item-{target}")>
                                                {move_tr!("cancel")}
                                            </a>
                                        </div>
                                    </ActionForm>
                                </section>
                            }
                        })}
                    {d
                        .editing
                        .is_none()
                        .then(move || {
                            view! {
                                <section class="file-section" id="add" aria-labelledby="add-title">
                                    <h2 id="add-title">{move_tr!("builder-add-title")}</h2>
                                    <ActionForm action=add_item attr:novalidate=true>
                                        <input type="hidden" name="draft" value=id />
                                        <FormAlert error=add_error />
                                        <ItemFields
                                            draft=for_add.clone()
                                            saved=Vec::new()
                                            error=add_error
                                            adding=true
                                        />
                                        <Submit pending=add_item
                                            .pending()>{move_tr!("builder-add-submit")}</Submit>
                                    </ActionForm>
                                </section>
                                <section
                                    class="file-section"
                                    id="add-section"
                                    aria-labelledby="add-section-title"
                                >
                                    <h2 id="add-section-title">{move_tr!("builder-add-section-title")}</h2>
                                    <ActionForm action=add_section attr:novalidate=true>
                                        <input type="hidden" name="draft" value=id />
                                        <FormAlert error=section_error />
                                        <Field
                                            id="section_fr"
                                            label=move_tr!("builder-text-fr")
                                            posted=section_error
                                        />
                                        <Field
                                            id="section_en"
                                            label=move_tr!("builder-text-en")
                                            posted=section_error
                                        />
                                        <Submit pending=add_section
                                            .pending()>{move_tr!("builder-add-section-submit")}</Submit>
                                    </ActionForm>
                                </section>
                            }
                        })}
                    <section class="file-section" id="publish" aria-labelledby="publish-title">
                        <h2 id="publish-title">{move_tr!("builder-publish-title")}</h2>
                        <p>
                            <a href=format!(
                                "/staff/questionnaires/builder/{id}/preview",
                            )>{move_tr!("builder-preview")}</a>
                        </p>
                        <p class="hint">{move_tr!("builder-publish-hint")}</p>
                        <ActionForm action=publish>
                            <input type="hidden" name="draft" value=id />
                            <FormAlert error=publish_error />
                            <Submit pending=publish.pending()>{move_tr!("builder-publish")}</Submit>
                        </ActionForm>
                        <ActionForm action=discard>
                            <input type="hidden" name="draft" value=id />
                            <FormAlert error=discard_error />
                            <Submit pending=discard.pending() class="button secondary">
                                {move_tr!("builder-discard")}
                            </Submit>
                        </ActionForm>
                    </section>
                }
            }
        </Loaded>
    }
}

/// The draft as patients would see it, every question shown (conditions aside); nothing saved.
#[component]
pub fn BuilderPreviewPage() -> impl IntoView {
    let params = route_params::<DraftParams>();
    let preview = Resource::new(move || params.get().map(|p| p.id), |id| with_id(id, questionnaire_preview));
    let no_error = Signal::derive(|| None::<ApiError>);
    view! {
        <PageTitle title_key="builder-preview" />
        <Loaded data=preview let:p>
            <p>
                <a href=move || {
                    params
                        .get()
                        .map(|p| format!("/staff/questionnaires/builder/{}", p.id))
                        .unwrap_or_default()
                }>{move_tr!("builder-back")}</a>
            </p>
            <h1>{p.title.clone()}</h1>
            <p class="alert-info" role="note">
                {move_tr!("builder-preview-note")}
            </p>
            {p.instructions.clone().map(|text| view! { <p>{text}</p> })}
            <div class="questionnaire">
                {p
                    .sections
                    .clone()
                    .into_iter()
                    .enumerate()
                    .map(|(i, (title, questions))| {
                        let count = p.count;
                        let sections = p.sections.len();
                        view! {
                            <section aria-labelledby=format!("preview-section-{i}")>
                                <h2 id=format!("preview-section-{i}")>
                                    <span class="hint">
                                        {move || tr_with(
                                            "questionnaire-part-of",
                                            &[("n", &(i + 1).to_string()), ("count", &sections.to_string())],
                                        )}
                                    </span>
                                    " "
                                    {title}
                                </h2>
                                {questions
                                    .into_iter()
                                    .map(|question| view! { <Question question count error=no_error /> })
                                    .collect_view()}
                            </section>
                        }
                    })
                    .collect_view()}
            </div>
        </Loaded>
    }
}
