//! The organisation's questionnaire library: each questionnaire's latest version with its FHIR
//! export and its answers' exports, and importing a FHIR R4 Questionnaire (administrators).
use crate::api::questionnaire_builder::{
    ArchiveQuestionnaire, EditQuestionnaire, NewQuestionnaire, SetQuestionnaireBuilders,
};
use crate::api::questionnaire_library::{
    imported_questionnaire, questionnaire_library, Download, ImportQuestionnaire, LibraryEntry,
};
use crate::ui::components::{Loaded, PageTitle};
use crate::ui::form::{action_error, error_for, kept, Field, FormAlert, Submit, TextArea};
use crate::ui::words::{tr, tr_with};
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::hooks::use_query_map;

#[component]
pub fn LibraryPage() -> impl IntoView {
    let import = ServerAction::<ImportQuestionnaire>::new();
    let error = action_error(import);
    let start = ServerAction::<NewQuestionnaire>::new();
    let start_error = action_error(start);
    let edit = ServerAction::<EditQuestionnaire>::new();
    let edit_error = action_error(edit);
    let archive = ServerAction::<ArchiveQuestionnaire>::new();
    let archive_error = action_error(archive);
    let builders = ServerAction::<SetQuestionnaireBuilders>::new();
    let query = use_query_map();
    let library = Resource::new(
        move || (import.version().get(), archive.version().get(), builders.version().get()),
        |_| questionnaire_library(),
    );
    let imported_id = move || {
        let q = query.read();
        q.get("imported").or_else(|| q.get("published")).and_then(|id| id.parse::<i64>().ok())
    };
    let other_news = move || {
        let q = query.read();
        if q.get("discarded").is_some() {
            Some(tr("library-discarded"))
        } else if q.get("saved").is_some() {
            Some(tr("account-saved"))
        } else {
            None
        }
    };
    let imported = Resource::new(imported_id, |id| async move {
        match id {
            Some(id) => imported_questionnaire(id).await.ok(),
            None => None,
        }
    });
    view! {
        <PageTitle title_key="library-title" />
        <h1>{move_tr!("library-title")}</h1>
        <p class="hint">{move_tr!("library-intro")}</p>
        <p role="status" class="status" data-testid="imported">
            <Suspense>
                {move || Suspend::new(async move {
                    imported
                        .await
                        .map(|e| {
                            move || tr_with(
                                "library-imported",
                                &[("title", &e.title), ("version", &e.version.to_string())],
                            )
                        })
                })}
            </Suspense>
        </p>
        <p role="status" class="status">
            {other_news}
        </p>
        <FormAlert error=edit_error />
        <FormAlert error=archive_error />
        <Loaded data=library let:view>
            {view
                .builds
                .then(|| {
                    view! {
                        <section class="file-section" aria-labelledby="new-title">
                            <h2 id="new-title">{move_tr!("library-new-title")}</h2>
                            {(!view.drafts.is_empty())
                                .then(|| {
                                    view! {
                                        <h3>{move_tr!("library-drafts")}</h3>
                                        <ul data-testid="drafts">
                                            {view
                                                .drafts
                                                .iter()
                                                .map(|(id, title)| {
                                                    view! {
                                                        <li>
                                                            <a href=format!(
                                                                "/staff/questionnaires/builder/{id}",
                                                            )>{title.clone()}</a>
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
                                    }
                                })}
                            <ActionForm action=start attr:novalidate=true>
                                <FormAlert error=start_error />
                                <Field id="title_fr" label=move_tr!("builder-title-fr") posted=start_error />
                                <Field id="title_en" label=move_tr!("builder-title-en") posted=start_error />
                                <Submit pending=start.pending()>{move_tr!("library-new-submit")}</Submit>
                            </ActionForm>
                        </section>
                    }
                })}
            <ul class="cards" data-testid="library">
                {view
                    .entries
                    .iter()
                    .map(|entry| {
                        let of = entry.title.clone();
                        let hidden = move || tr_with("library-download-of", &[("title", &of)]);
                        let link = move |what: Download, key: &'static str| {
                            let hidden = hidden.clone();
                            view! {
                                <li>
                                    <a href=what.href(entry.id) download="">
                                        {move || tr(key)}
                                        <span class="visually-hidden">" " {hidden}</span>
                                    </a>
                                </li>
                            }
                        };
                        view! {
                            <li class="card">
                                <h2>{entry.title.clone()}</h2>
                                <dl class="facts">
                                    <dt>{move_tr!("library-col-version")}</dt>
                                    <dd>{entry.version}</dd>
                                    <dt>{move_tr!("library-col-code")}</dt>
                                    <dd>
                                        <code>{entry.instrument.clone()}</code>
                                    </dd>
                                </dl>
                                {view
                                    .builds
                                    .then(|| view! { <EntryActions entry=entry.clone() edit archive /> })}
                                <ul class="links" aria-label=move_tr!("library-col-downloads")>
                                    {link(Download::Questionnaire, "library-download-fhir")}
                                    {view
                                        .exports_answers
                                        .then(|| {
                                            view! {
                                                {link(Download::AnswersCsv, "library-download-csv")}
                                                {link(Download::AnswersFhir, "library-download-bundle")}
                                            }
                                        })}
                                </ul>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {(view.builds && !view.archived.is_empty())
                .then({
                    let archived = view.archived.clone();
                    move || {
                        view! {
                            <section class="file-section" id="archived" aria-labelledby="archived-title">
                                <h2 id="archived-title">{move_tr!("library-archived")}</h2>
                                <ul class="cards" data-testid="archived">
                                    {archived
                                        .into_iter()
                                        .map(|entry| {
                                            view! {
                                                <li class="card">
                                                    <h3>{entry.title.clone()}</h3>
                                                    <ActionForm action=archive>
                                                        <input type="hidden" name="id" value=entry.id />
                                                        <input type="hidden" name="restore" value="on" />
                                                        <Submit pending=archive.pending() class="button secondary">
                                                            {move_tr!("library-restore")}
                                                            <span class="visually-hidden">
                                                                " « " {entry.title.clone()} " »"
                                                            </span>
                                                        </Submit>
                                                    </ActionForm>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </section>
                        }
                    }
                })}
            {view
                .imports
                .then(|| {
                    view! {
                        <section class="file-section" id="builders" aria-labelledby="builders-title">
                            <h2 id="builders-title">{move_tr!("library-builders-title")}</h2>
                            <ActionForm action=builders>
                                <div class="choice">
                                    <input
                                        type="checkbox"
                                        id="professionals"
                                        name="professionals"
                                        checked=view.professionals_build
                                    />
                                    <label for="professionals">
                                        {move_tr!("library-builders-professionals")}
                                    </label>
                                </div>
                                <Submit pending=builders.pending() class="button secondary">
                                    {move_tr!("library-builders-save")}
                                </Submit>
                            </ActionForm>
                        </section>
                    }
                })}
            {view
                .imports
                .then(|| {
                    view! {
                        <section class="file-section" aria-labelledby="import-title">
                            <h2 id="import-title">{move_tr!("library-import-title")}</h2>
                            <p class="hint">{move_tr!("library-import-help")}</p>
                            <ActionForm action=import>
                                <FormAlert error />
                                <TextArea
                                    id="fhir"
                                    label=move_tr!("library-import-field")
                                    value=kept(error, "fhir")
                                    error=error_for(error, "fhir")
                                    rows=12
                                />
                                <Submit pending=import.pending()>{move_tr!("library-import-submit")}</Submit>
                            </ActionForm>
                        </section>
                    }
                })}
        </Loaded>
    }
}

/// Edit (the organisation's own questionnaires) and archive, for those who build.
#[component]
fn EntryActions(
    entry: LibraryEntry,
    edit: ServerAction<EditQuestionnaire>,
    archive: ServerAction<ArchiveQuestionnaire>,
) -> impl IntoView {
    let hidden = {
        let title = entry.title.clone();
        move || view! { <span class="visually-hidden">" « " {title.clone()} " »"</span> }
    };
    let hidden_edit = hidden.clone();
    view! {
        <div class="actions">
            {entry
                .editable
                .then(|| {
                    view! {
                        <ActionForm action=edit>
                            <input type="hidden" name="id" value=entry.id />
                            <Submit pending=edit.pending() class="button secondary">
                                {move_tr!("library-edit")}
                                {hidden_edit.clone()}
                            </Submit>
                        </ActionForm>
                    }
                })} <ActionForm action=archive>
                <input type="hidden" name="id" value=entry.id />
                <Submit pending=archive.pending() class="button secondary">
                    {move_tr!("library-archive")}
                    {hidden.clone()}
                </Submit>
            </ActionForm>
        </div>
    }
}
