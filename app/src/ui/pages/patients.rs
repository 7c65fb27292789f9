//! Staff pages for patients: the list with invitation states, inviting, and the code shown once.
use crate::api::patients::{
    list_patients, take_issued_code, InvitationStatus, InvitePatient, ReissueInvitation,
};
use crate::ui::components::pager::Pager;
use crate::ui::components::privacy_notice::PrivacyNotice;
use crate::ui::components::shown_once::{CodePage, CodeShownOnce};
use crate::ui::components::table::{CellLabel, SortHeader};
use crate::ui::components::{Loaded, PageTitle};
use crate::ui::form::{action_error, Field, FormAlert, LanguageChoice, SearchForm, Submit};
use crate::ui::words::{long_date, long_date_time};
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn Patients() -> impl IntoView {
    let query = use_query_map();
    let search = move || query.read().get("q").unwrap_or_default();
    let page = move || query.read().get("page").and_then(|p| p.parse::<i64>().ok()).unwrap_or(1);
    let sort = move || {
        query
            .read()
            .get("sort")
            .filter(|s| ["name", "-name", "born", "-born"].contains(&s.as_str()))
            .unwrap_or_else(|| "name".into())
    };
    let reissue = ServerAction::<ReissueInvitation>::new();
    let patients = Resource::new(
        move || (search(), page(), sort(), reissue.version().get()),
        |(q, page, sort, _)| list_patients(q, page, sort),
    );
    let address = move |sort: &str, page: i64| {
        format!("/staff/patients?q={}&sort={sort}&page={page}", urlencoding::encode(&search()))
    };
    view! {
        <PageTitle title_key="patients-title" />
        <h1>{move_tr!("patients-title")}</h1>
        <p>
            <A href="/staff/patients/new" attr:class="button">
                {move_tr!("patients-invite")}
            </A>
            " "
            <A href="/staff/patients/import" attr:class="button secondary">
                {move_tr!("patients-import")}
            </A>
        </p>
        <SearchForm
            action="/staff/patients"
            id="q"
            label=move_tr!("patients-search-label")
            submit=move_tr!("patients-search-submit")
            value=Signal::derive(search)
        />
        <Loaded data=patients let:list>
            {if list.lines.is_empty() {
                view! { <p>{move_tr!("patients-none")}</p> }.into_any()
            } else {
                view! {
                    <p class="hint" role="status">
                        {if list.more {
                            move_tr!("patients-count-more").into_any()
                        } else {
                            move_tr!("patients-count", { "total" => list.total }).into_any()
                        }}
                    </p>
                    <table class="data-table" data-testid="patient-list">
                        <caption class="visually-hidden">{move_tr!("patients-title")}</caption>
                        <thead>
                            <tr>
                                <SortHeader
                                    key="name"
                                    label=move_tr!("column-name")
                                    current=sort()
                                    href=move |s| address(s, 1)
                                />
                                <th scope="col">{move_tr!("account-email")}</th>
                                <SortHeader
                                    key="born"
                                    label=move_tr!("invite-birth-date")
                                    current=sort()
                                    href=move |s| address(s, 1)
                                />
                                <th scope="col">{move_tr!("column-invitation")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {list
                                .lines
                                .into_iter()
                                .map(|p| {
                                    let status = p.status;
                                    let expires = p.expires_at;
                                    let can_reissue = status.is_some_and(|s| s != InvitationStatus::Redeemed);
                                    let (file_link, name) = (
                                        format!("/staff/patients/{}", p.id),
                                        p.name.clone(),
                                    );
                                    view! {
                                        <tr>
                                            <th scope="row" class="patient-name">
                                                <A href=file_link>{name}</A>
                                            </th>
                                            <td>
                                                <CellLabel label=move_tr!("account-email") />
                                                {p.email.clone()}
                                            </td>
                                            <td>
                                                <CellLabel label=move_tr!("invite-birth-date") />
                                                {move || long_date(p.birth_date)}
                                            </td>
                                            <td>
                                                <CellLabel label=move_tr!("column-invitation") />
                                                {move || status_text(status, expires)}
                                                {can_reissue
                                                    .then(|| {
                                                        view! {
                                                            <ActionForm action=reissue>
                                                                <input
                                                                    type="hidden"
                                                                    name="patient_id"
                                                                    value=p.id.to_string()
                                                                />
                                                                <Submit pending=reissue.pending() class="link-button">
                                                                    {move_tr!("patients-reissue")}
                                                                    <span class="visually-hidden">
                                                                        {format!(" – {}", p.name)}
                                                                    </span>
                                                                </Submit>
                                                            </ActionForm>
                                                        }
                                                    })}
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                    {(list.pages > 1)
                        .then(|| {
                            view! {
                                <Pager
                                    page=list.page
                                    pages=list.pages
                                    href=move |n| address(&sort(), n)
                                    label=move_tr!("patients-pages")
                                    before=move_tr!("pager-previous")
                                    after=move_tr!("pager-next")
                                />
                            }
                        })}
                }
                    .into_any()
            }}
        </Loaded>
    }
}

fn status_text(status: Option<InvitationStatus>, expires_at: Option<chrono::NaiveDateTime>) -> String {
    match (status, expires_at) {
        (Some(InvitationStatus::Pending), Some(at)) => {
            tr!("status-pending", { "date" => long_date_time(at) })
        }
        (Some(InvitationStatus::Expired), _) => tr!("status-expired"),
        (Some(InvitationStatus::Void), _) => tr!("status-void"),
        (Some(InvitationStatus::Redeemed), _) => tr!("status-redeemed"),
        _ => tr!("status-none"),
    }
}

#[component]
pub fn InvitePatientPage() -> impl IntoView {
    let action = ServerAction::<InvitePatient>::new();
    let error = action_error(action);
    view! {
        <PageTitle title_key="invite-title" />
        <h1>{move_tr!("invite-title")}</h1>
        <p>{move_tr!("invite-intro")}</p>
        <PrivacyNotice />
        <ActionForm action=action>
            <FormAlert error />
            <Field id="given_name" autocomplete="off" label=move_tr!("invite-given-name") posted=error />
            <Field id="family_name" autocomplete="off" label=move_tr!("invite-family-name") posted=error />
            <Field
                id="birth_date"
                kind="date"
                label=move_tr!("invite-birth-date")
                hint=move_tr!("invite-birth-date-hint")
                posted=error
            />
            <Field id="email" kind="email" inputmode="email" label=move_tr!("invite-email") posted=error />
            <LanguageChoice error />
            <Field
                id="mobile"
                kind="tel"
                inputmode="tel"
                autocomplete="off"
                label=move_tr!("invite-mobile")
                hint=move_tr!("invite-mobile-hint")
                posted=error
            />
            <Submit pending=action.pending()>{move_tr!("invite-submit")}</Submit>
        </ActionForm>
    }
}

/// The code, shown once, with what to do with it.
#[component]
pub fn IssuedCodePage() -> impl IntoView {
    let issued = Resource::new(|| (), |_| take_issued_code());
    let texts = CodePage {
        title: "issued-title",
        intro: "issued-intro",
        reminder: "issued-instructions",
        expires: "issued-expires",
        gone: "issued-gone",
        back: ("/staff/patients", "issued-back"),
        test_id: "issued-code",
    };
    view! {
        <PageTitle title_key="issued-title" />
        <CodeShownOnce issued texts />
    }
}
