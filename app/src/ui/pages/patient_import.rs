//! Inviting many patients from a file: sending it, its preview row by row (confirm or set
//! aside), the progress once confirmed, and the codes to hand over, to print or download.
use crate::api::patient_import::{
    patient_import, patient_import_codes, recent_patient_imports, ConfirmPatientImport, DiscardPatientImport,
    ImportLine, ImportState, ImportView, RowResult, UPLOAD_PATH,
};
use crate::ui::components::pager::Pager;
use crate::ui::components::privacy_notice::PrivacyNotice;
use crate::ui::components::signed_agreement::PrintButton;
use crate::ui::components::table::CellLabel;
use crate::ui::components::{Loaded, PageTitle};
use crate::ui::form::{action_error, error_for, posted_error, FileField, FormAlert, MultipartForm, Submit};
use crate::ui::route::{route_params, with_id, PatientImportParams};
use crate::ui::words::{long_date, long_date_time, tr, tr_with};
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ImportPatientsPage() -> impl IntoView {
    let error = RwSignal::new(posted_error(UPLOAD_PATH));
    let error_signal: Signal<Option<crate::api::ApiError>> = error.into();
    let message = error_for(error_signal, "list");
    let sending = RwSignal::new(false);
    let recent = Resource::new(|| (), |_| recent_patient_imports());
    view! {
        <PageTitle title_key="import-title" />
        <h1>{move_tr!("import-title")}</h1>
        <p>{move_tr!("import-intro")}</p>
        <PrivacyNotice />
        <MultipartForm path=UPLOAD_PATH error sending>
            <FormAlert error=error_signal />
            <FileField
                id="list"
                label=move_tr!("import-file-label")
                hint=Signal::derive(move || format!("{} {}", tr("import-formats"), tr("import-columns")))
                accept=".csv,.txt,.json,text/csv,application/json,application/fhir+json"
                required=true
                error=message
            />
            <Submit pending=sending>{move_tr!("import-submit")}</Submit>
        </MultipartForm>
        <Loaded data=recent let:imports>
            {(!imports.is_empty())
                .then(|| {
                    view! {
                        <h2>{move_tr!("import-recent")}</h2>
                        <ul data-testid="recent-imports">
                            {imports
                                .into_iter()
                                .map(|import| {
                                    let file = import.file_name.clone();
                                    view! {
                                        <li>
                                            <A href=format!(
                                                "/staff/patients/import/{}",
                                                import.id,
                                            )>
                                                {move || {
                                                    tr_with(
                                                        "import-recent-line",
                                                        &[
                                                            ("file", &file),
                                                            ("date", &long_date_time(import.sent_at)),
                                                        ],
                                                    )
                                                }}
                                            </A>
                                            {" — "}
                                            {move || state_text(import.state)}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
        </Loaded>
    }
}

fn state_text(state: ImportState) -> String {
    tr(match state {
        ImportState::Preview => "import-state-preview",
        ImportState::Confirmed => "import-state-confirmed",
        ImportState::Finished => "import-state-finished",
    })
}

#[component]
pub fn PatientImportPage() -> impl IntoView {
    let params = route_params::<PatientImportParams>();
    let id = move || params.get().map(|p| p.id);
    let query = use_query_map();
    let show = move || query.read().get("show").filter(|s| s == "problems").unwrap_or_default();
    let page = move || query.read().get("page").and_then(|p| p.parse::<i64>().ok()).unwrap_or(1);
    let confirm = ServerAction::<ConfirmPatientImport>::new();
    let discard = ServerAction::<DiscardPatientImport>::new();
    let confirm_error = action_error(confirm);
    let discard_error = action_error(discard);
    // With JavaScript the progress is asked again every 3 seconds while invitations go out.
    let tick = RwSignal::new(0_u32);
    let import = Resource::new(
        move || (id(), show(), page(), confirm.version().get(), tick.get()),
        |(id, show, page, _, _)| with_id(id, move |id| patient_import(id, show, page)),
    );
    #[cfg(feature = "hydrate")]
    {
        let handle = set_interval_with_handle(
            move || {
                let under_way = import
                    .get_untracked()
                    .and_then(Result::ok)
                    .is_some_and(|view| view.state == ImportState::Confirmed || view.mails_waiting > 0);
                if under_way {
                    tick.update(|n| *n += 1);
                }
            },
            std::time::Duration::from_secs(3),
        );
        if let Ok(handle) = handle {
            on_cleanup(move || handle.clear());
        }
    }
    view! {
        <PageTitle title_key="import-preview-title" />
        <h1>{move_tr!("import-preview-title")}</h1>
        <FormAlert error=confirm_error />
        <FormAlert error=discard_error />
        <Loaded data=import let:view>
            {
                let file = view.file_name.clone();
                view! { <p>{move || tr_with("import-file", &[("file", &file)])}</p> }
            }
            {match view.state {
                ImportState::Preview => view! { <Preview view=view.clone() confirm discard /> }.into_any(),
                _ => view! { <Progress view=view.clone() /> }.into_any(),
            }}
            <Lines view=view.clone() show=show() />
        </Loaded>
    }
}

#[component]
fn Preview(
    view: ImportView,
    confirm: ServerAction<ConfirmPatientImport>,
    discard: ServerAction<DiscardPatientImport>,
) -> impl IntoView {
    let id = view.id.to_string();
    view! {
        <section aria-labelledby="import-summary" data-testid="import-summary">
            <h2 id="import-summary" class="visually-hidden">
                {move_tr!("import-preview-title")}
            </h2>
            <p>{move_tr!("import-rows", { "count" => view.rows })}</p>
            <ul>
                <li>{move_tr!("import-count-invite", { "count" => view.to_invite })}</li>
                <li>{move_tr!("import-count-already", { "count" => view.already })}</li>
                <li>{move_tr!("import-count-errors", { "count" => view.errors })}</li>
            </ul>
            {(view.errors > 0).then(|| view! { <p class="hint">{move_tr!("import-fix-hint")}</p> })}
        </section>
        <div class="actions">
            {(view.to_invite > 0)
                .then(|| {
                    let id = id.clone();
                    view! {
                        <ActionForm action=confirm>
                            <input type="hidden" name="id" value=id />
                            <Submit pending=confirm
                                .pending()>
                                {move_tr!("import-confirm", { "count" => view.to_invite })}
                            </Submit>
                        </ActionForm>
                    }
                })} <ActionForm action=discard>
                <input type="hidden" name="id" value=id.clone() />
                <Submit pending=discard.pending() class="secondary">
                    {move_tr!("import-discard")}
                </Submit>
            </ActionForm>
        </div>
    }
}

#[component]
fn Progress(view: ImportView) -> impl IntoView {
    let total = view.invited + view.to_invite;
    let done = view.state == ImportState::Finished;
    let codes = format!("/staff/patients/import/{}/codes", view.id);
    let csv = format!("/staff/patients/import/{}/codes.csv", view.id);
    view! {
        <section aria-labelledby="import-progress" data-testid="import-progress">
            <h2 id="import-progress">{move_tr!("import-progress-title")}</h2>
            <div role="status">
                <p>
                    {move || {
                        tr_with(
                            "import-progress",
                            &[("invited", &view.invited.to_string()), ("total", &total.to_string())],
                        )
                    }}
                </p>
                <progress
                    class="import-progress"
                    max=total.max(1)
                    value=view.invited
                    aria-hidden="true"
                ></progress>
                <p data-testid="import-mails">
                    {move || {
                        tr_with(
                            "import-mails",
                            &[
                                ("sent", &view.mails_sent.to_string()),
                                ("waiting", &view.mails_waiting.to_string()),
                                ("failed", &view.mails_failed.to_string()),
                            ],
                        )
                    }}
                </p>
                {(view.mails_failed > 0)
                    .then(|| view! { <p class="notice">{move_tr!("import-mails-failed")}</p> })}
                {done.then(|| view! { <p data-testid="import-done">{move_tr!("import-done")}</p> })}
            </div>
            <p class="actions">
                {(!done)
                    .then(|| {
                        view! {
                            <a href=format!("/staff/patients/import/{}", view.id) class="button secondary">
                                {move_tr!("import-refresh")}
                            </a>
                        }
                    })} <A href=codes attr:class="button">
                    {move_tr!("import-print-codes")}
                </A> <a href=csv rel="external" download="" class="button secondary">
                    {move_tr!("import-export-codes")}
                </a>
            </p>
        </section>
    }
}

/// The file's rows, a page at a time: all, or those that will not be invited.
#[component]
fn Lines(view: ImportView, show: String) -> impl IntoView {
    let base = format!("/staff/patients/import/{}", view.id);
    let problems = show == "problems";
    let address = {
        let base = base.clone();
        let show = show.clone();
        move |page: i64| format!("{base}?show={show}&page={page}")
    };
    view! {
        <h2>{move_tr!("import-column-result")}</h2>
        <ul class="tabs">
            <li>
                <A href=base.clone() attr:aria-current=(!problems).then_some("page")>
                    {move_tr!("import-show-all")}
                </A>
            </li>
            <li>
                <A href=format!("{base}?show=problems") attr:aria-current=problems.then_some("page")>
                    {move_tr!("import-show-problems")}
                </A>
            </li>
        </ul>
        <table class="data-table" data-testid="import-rows">
            <caption class="visually-hidden">{move_tr!("import-preview-title")}</caption>
            <thead>
                <tr>
                    <th scope="col">{move_tr!("import-column-line")}</th>
                    <th scope="col">{move_tr!("column-name")}</th>
                    <th scope="col">{move_tr!("invite-birth-date")}</th>
                    <th scope="col">{move_tr!("account-email")}</th>
                    <th scope="col">{move_tr!("import-column-language")}</th>
                    <th scope="col">{move_tr!("import-column-result")}</th>
                </tr>
            </thead>
            <tbody>{view.lines.into_iter().map(line_row).collect_view()}</tbody>
        </table>
        {(view.pages > 1)
            .then(|| {
                view! {
                    <Pager
                        page=view.page
                        pages=view.pages
                        href=address
                        label=move_tr!("import-pages")
                        before=move_tr!("pager-previous")
                        after=move_tr!("pager-next")
                    />
                }
            })}
    }
}

fn line_row(line: ImportLine) -> impl IntoView {
    let ImportLine { line, name, birth_date, birth_date_typed, email, language, result } = line;
    let result_class = match result {
        RowResult::Error(_) => "import-error",
        RowResult::AlreadyPatient => "import-known",
        _ => "import-ok",
    };
    view! {
        <tr class=result_class>
            <td>
                <CellLabel label=move_tr!("import-column-line") />
                {line}
            </td>
            <th scope="row">{name}</th>
            <td>
                <CellLabel label=move_tr!("invite-birth-date") />
                {move || birth_date.map(long_date).unwrap_or_else(|| birth_date_typed.clone())}
            </td>
            <td>
                <CellLabel label=move_tr!("account-email") />
                {email}
            </td>
            <td>
                <CellLabel label=move_tr!("import-column-language") />
                {language.native_name()}
            </td>
            <td>
                <CellLabel label=move_tr!("import-column-result") />
                {move || match &result {
                    RowResult::WillInvite => tr("import-verdict-invite"),
                    RowResult::AlreadyPatient => tr("import-verdict-patient"),
                    RowResult::Invited => tr("import-verdict-invited"),
                    RowResult::Error(reason) => tr_with("import-verdict-error", &[("reason", &tr(reason))]),
                }}
            </td>
        </tr>
    }
}

/// The codes to hand over, one line a patient, to print.
#[component]
pub fn ImportCodesPage() -> impl IntoView {
    let params = route_params::<PatientImportParams>();
    let id = move || params.get().map(|p| p.id);
    let codes = Resource::new(id, |id| with_id(id, patient_import_codes));
    let back = move || id().map(|id| format!("/staff/patients/import/{id}")).unwrap_or_default();
    view! {
        <PageTitle title_key="import-codes-title" />
        <h1>{move_tr!("import-codes-title")}</h1>
        <p>{move_tr!("import-codes-intro")}</p>
        <p class="actions">
            <A href=back>{move_tr!("import-back")}</A>
        </p>
        <Loaded data=codes let:codes>
            {if codes.is_empty() {
                view! { <p>{move_tr!("import-codes-none")}</p> }.into_any()
            } else {
                view! {
                    <p class="actions">
                        <PrintButton />
                    </p>
                    <table class="data-table printable" data-testid="import-codes">
                        <caption class="visually-hidden">{move_tr!("import-codes-title")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{move_tr!("column-name")}</th>
                                <th scope="col">{move_tr!("invite-birth-date")}</th>
                                <th scope="col">{move_tr!("import-column-code")}</th>
                                <th scope="col">{move_tr!("import-column-expires")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {codes
                                .into_iter()
                                .map(|code| {
                                    view! {
                                        <tr>
                                            <th scope="row">{code.name}</th>
                                            <td>
                                                <CellLabel label=move_tr!("invite-birth-date") />
                                                {move || code.birth_date.map(long_date).unwrap_or_default()}
                                            </td>
                                            <td class="code-cell">
                                                <CellLabel label=move_tr!("import-column-code") />
                                                {code.code}
                                            </td>
                                            <td>
                                                <CellLabel label=move_tr!("import-column-expires") />
                                                {move || long_date_time(code.expires_at)}
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
                    .into_any()
            }}
        </Loaded>
    }
}
