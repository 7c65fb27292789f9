//! The administrator's staff page: who works here, and adding a person with their services.
use crate::api::staff::{list_staff, waiting_staff, AddExistingStaff, AddProfessional, WithdrawStaffRequest};
use crate::states::{Role, Service, StaffFilter};
use crate::ui::components::pager::Pager;
use crate::ui::components::services::{ServiceChoice, ServiceList};
use crate::ui::components::staff_state::role_name;
use crate::ui::components::staff_state::staff_state_text;
use crate::ui::components::table::{CellLabel, SortHeader};
use crate::ui::components::{Loaded, PageTitle};
use crate::ui::form::{action_error, kept, Field, FormAlert, LanguageChoice, SearchForm, Submit};
use crate::ui::words::long_date_time;
use crate::ui::words::tr_with;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn Team() -> impl IntoView {
    let query = use_query_map();
    let param = move |name: &str| query.read().get(name).unwrap_or_default();
    let page = move || param("page").parse::<i64>().unwrap_or(1);
    let sort = move || {
        Some(param("sort"))
            .filter(|s| ["name", "-name", "role", "-role"].contains(&s.as_str()))
            .unwrap_or_else(|| "name".into())
    };
    let staff = Resource::new(
        move || (param("q"), param("state"), param("service"), sort(), page()),
        |(q, state, service, sort, page)| list_staff(q, state, service, sort, page),
    );
    let address = move |sort: &str, page: i64| {
        format!(
            "/staff/team?q={}&state={}&service={}&sort={sort}&page={page}",
            urlencoding::encode(&param("q")),
            urlencoding::encode(&param("state")),
            urlencoding::encode(&param("service"))
        )
    };
    view! {
        <PageTitle title_key="team-title" />
        <h1>{move_tr!("team-title")}</h1>
        <p role="status" class="status" data-testid="team-done">
            {move || match query.read().get("done").as_deref() {
                Some("removed") => Some(move_tr!("person-done-removed")),
                Some("asked") => Some(move_tr!("team-existing-asked")),
                Some("withdrawn") => Some(move_tr!("team-waiting-withdrawn")),
                Some("code-mailed") => Some(move_tr!("team-code-mailed")),
                _ => None,
            }}
        </p>
        <SearchForm
            action="/staff/team"
            id="q"
            label=move_tr!("team-search-label")
            submit=move_tr!("patients-search-submit")
            value=Signal::derive(move || param("q"))
        >
            <div class="field">
                <label for="state">{move_tr!("team-state-label")}</label>
                <select id="state" name="state">
                    {StaffFilter::ALL
                        .into_iter()
                        .map(|filter| {
                            let code = filter.code();
                            let selected = move || StaffFilter::parse(&param("state")) == filter;
                            view! {
                                <option value=code selected=selected>
                                    {move || tr_with(&format!("team-state-{code}"), &[])}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="service">{move_tr!("team-service-label")}</label>
                <select id="service" name="service">
                    <option value="" selected=move || Service::parse(&param("service")).is_none()>
                        {move_tr!("team-service-all")}
                    </option>
                    {Service::ALL
                        .into_iter()
                        .map(|service| {
                            let selected = move || Service::parse(&param("service")) == Some(service);
                            view! {
                                <option value=service.code() selected=selected>
                                    {move || tr_with(service.name_key(), &[])}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        </SearchForm>
        <Loaded data=staff let:list>
            {if list.lines.is_empty() {
                view! { <p>{move_tr!("team-none")}</p> }.into_any()
            } else {
                {
                    let sort = sort();
                    view! {
                        <p class="hint" role="status">
                            {move_tr!("team-count", { "total" => list.total })}
                        </p>
                        <table class="data-table" data-testid="team-list">
                            <caption class="visually-hidden">{move_tr!("team-title")}</caption>
                            <thead>
                                <tr>
                                    <SortHeader
                                        key="name"
                                        label=move_tr!("column-name")
                                        current=sort.clone()
                                        href=move |s| address(s, 1)
                                    />
                                    <th scope="col">{move_tr!("account-email")}</th>
                                    <th scope="col">{move_tr!("column-number")}</th>
                                    <SortHeader
                                        key="role"
                                        label=move_tr!("column-role")
                                        current=sort.clone()
                                        href=move |s| address(s, 1)
                                    />
                                    <th scope="col">{move_tr!("column-state")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {list
                                    .lines
                                    .into_iter()
                                    .map(|m| {
                                        view! {
                                            <tr>
                                                <th scope="row" class="patient-name">
                                                    <A href=format!("/staff/team/{}", m.id)>{m.name.clone()}</A>
                                                </th>
                                                <td>
                                                    <CellLabel label=move_tr!("account-email") />
                                                    {m.email.clone()}
                                                </td>
                                                <td>
                                                    <CellLabel label=move_tr!("column-number") />
                                                    {m.number.clone()}
                                                </td>
                                                <td>
                                                    <CellLabel label=move_tr!("column-role") />
                                                    {move || role_name(m.role)}
                                                </td>
                                                <td>
                                                    <CellLabel label=move_tr!("column-state") />
                                                    {move || staff_state_text(m.state)}
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
                                        href=move |n| address(&sort, n)
                                        label=move_tr!("team-pages")
                                        before=move_tr!("pager-previous")
                                        after=move_tr!("pager-next")
                                    />
                                }
                            })}
                    }
                        .into_any()
                }
            }}
        </Loaded>
        <Waiting />
        <h2>{move_tr!("team-add-title")}</h2>
        {move || match param("existing").as_str() {
            "yes" => view! { <AddExisting /> }.into_any(),
            "no" => view! { <AddNew /> }.into_any(),
            _ => view! { <ExistingQuestion /> }.into_any(),
        }}
    }
}

/// "Does this person already have a Portail account?", asked before the form (a plain GET form, so
/// it works without JavaScript).
#[component]
fn ExistingQuestion() -> impl IntoView {
    view! {
        <form method="get" action="/staff/team" data-testid="existing-question">
            <fieldset aria-describedby="existing-hint">
                <legend>{move_tr!("team-existing-question")}</legend>
                <p class="hint" id="existing-hint">
                    {move_tr!("team-existing-hint")}
                </p>
                <div class="choice">
                    <input type="radio" id="existing-yes" name="existing" value="yes" />
                    <label for="existing-yes">{move_tr!("team-existing-yes")}</label>
                </div>
                <div class="choice">
                    <input type="radio" id="existing-no" name="existing" value="no" checked=true />
                    <label for="existing-no">{move_tr!("team-existing-no")}</label>
                </div>
            </fieldset>
            <button type="submit" class="button">
                {move_tr!("invitation-code-submit")}
            </button>
        </form>
    }
}

/// Someone who already has an account: their email and the services to give them here.
#[component]
fn AddExisting() -> impl IntoView {
    let add = ServerAction::<AddExistingStaff>::new();
    let error = action_error(add);
    view! {
        <h3>{move_tr!("team-existing-title")}</h3>
        <p>{move_tr!("team-existing-intro")}</p>
        <ActionForm action=add>
            <FormAlert error />
            <Field id="email" kind="email" inputmode="email" label=move_tr!("invite-email") posted=error />
            <ServiceChoice error held=Role::Professional.bundle().to_vec() />
            <Submit pending=add.pending()>{move_tr!("team-existing-submit")}</Submit>
        </ActionForm>
        <p>
            <A href="/staff/team">{move_tr!("team-change-answer")}</A>
        </p>
    }
}

/// A new person: the account is created and activated with the mailed link and the secret code.
#[component]
fn AddNew() -> impl IntoView {
    let add = ServerAction::<AddProfessional>::new();
    let error = action_error(add);
    view! {
        <h3>{move_tr!("team-new-title")}</h3>
        <p>{move_tr!("team-add-intro")}</p>
        // A success goes to the page that shows the secret code once.
        <ActionForm action=add>
            <FormAlert error />
            <Field
                id="title"
                autocomplete="off"
                label=move_tr!("team-title-label")
                hint=move_tr!("team-title-hint")
                value=kept(error, "title")
            />
            <Field id="given_name" autocomplete="off" label=move_tr!("invite-given-name") posted=error />
            <Field id="family_name" autocomplete="off" label=move_tr!("invite-family-name") posted=error />
            <Field id="email" kind="email" inputmode="email" label=move_tr!("invite-email") posted=error />
            <Field
                id="professional_number"
                autocomplete="off"
                label=move_tr!("team-number-label")
                hint=move_tr!("team-number-hint")
                posted=error
                required=false
            />
            <LanguageChoice error />
            <ServiceChoice error held=Role::Professional.bundle().to_vec() />
            <CodeToChoice error />
            <Submit pending=add.pending()>{move_tr!("team-add-submit")}</Submit>
        </ActionForm>
        <p>
            <A href="/staff/team">{move_tr!("team-change-answer")}</A>
        </p>
    }
}

/// Who gets the secret code: the administrator, on screen once, or an authoriser they name, by
/// email — the person's manager (seed 000), so that no one mail and no one person opens the account.
#[component]
fn CodeToChoice(error: Signal<Option<crate::api::ApiError>>) -> impl IntoView {
    let chosen = kept(error, "code_to");
    let to_authoriser = move || chosen.get() == "authoriser";
    view! {
        <fieldset>
            <legend>{move_tr!("team-code-to-legend")}</legend>
            <p class="hint">{move_tr!("team-code-to-hint")}</p>
            <div class="choice">
                <input
                    type="radio"
                    id="code_to_me"
                    name="code_to"
                    value="me"
                    checked=move || !to_authoriser()
                />
                <label for="code_to_me">{move_tr!("team-code-to-me")}</label>
            </div>
            <div class="choice">
                <input
                    type="radio"
                    id="code_to_authoriser"
                    name="code_to"
                    value="authoriser"
                    checked=to_authoriser
                />
                <label for="code_to_authoriser">{move_tr!("team-code-to-authoriser")}</label>
            </div>
            <Field
                id="authoriser_name"
                autocomplete="off"
                label=move_tr!("team-authoriser-name")
                posted=error
                required=false
            />
            <Field
                id="authoriser_email"
                kind="email"
                inputmode="email"
                autocomplete="off"
                label=move_tr!("team-authoriser-email")
                hint=move_tr!("team-authoriser-email-hint")
                posted=error
                required=false
            />
        </fieldset>
    }
}

/// The people asked to join who have not answered yet ("Waiting for acceptance"), each with
/// "Withdraw". The list shows every address asked, whether or not an account uses it.
#[component]
fn Waiting() -> impl IntoView {
    let withdraw = ServerAction::<WithdrawStaffRequest>::new();
    // Read again after a withdrawal and after each form's answer (`?done=asked`).
    let query = use_query_map();
    let waiting =
        Resource::new(move || (withdraw.version().get(), query.read().get("done")), |_| waiting_staff());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                waiting
                    .await
                    .ok()
                    .filter(|list| !list.is_empty())
                    .map(|list| {
                        view! {
                            <h2>{move_tr!("team-waiting-title")}</h2>
                            <ul class="cards" data-testid="team-waiting">
                                {list
                                    .into_iter()
                                    .map(|w| {
                                        let until = w.until;
                                        view! {
                                            <li class="card">
                                                <p>
                                                    <strong>{w.email.clone()}</strong>
                                                    " — "
                                                    {move_tr!("team-waiting-state")}
                                                </p>
                                                <ServiceList services=w.services />
                                                <p class="hint">
                                                    {move || tr_with(
                                                        "team-waiting-until",
                                                        &[("date", &long_date_time(until))],
                                                    )}
                                                </p>
                                                <ActionForm action=withdraw>
                                                    <input type="hidden" name="id" value=w.id.to_string() />
                                                    <Submit pending=withdraw
                                                        .pending()>{move_tr!("team-waiting-withdraw")}</Submit>
                                                </ActionForm>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })
            })}
        </Suspense>
    }
}
