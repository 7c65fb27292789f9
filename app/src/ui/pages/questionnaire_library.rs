//! The organisation's questionnaire library: each questionnaire's latest version with its FHIR
//! export and its answers' exports, and importing a FHIR R4 Questionnaire (administrators).
use crate::api::questionnaire_library::{
    imported_questionnaire, questionnaire_library, Download, ImportQuestionnaire,
};
use crate::ui::components::{Loaded, PageTitle};
use crate::ui::form::{action_error, error_for, kept, FormAlert, Submit, TextArea};
use crate::ui::words::{tr, tr_with};
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::hooks::use_query_map;

#[component]
pub fn LibraryPage() -> impl IntoView {
    let import = ServerAction::<ImportQuestionnaire>::new();
    let error = action_error(import);
    let query = use_query_map();
    let library = Resource::new(move || import.version().get(), |_| questionnaire_library());
    let imported_id = move || query.read().get("imported").and_then(|id| id.parse::<i64>().ok());
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
        <Loaded data=library let:view>
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
