//! Account → My organisations: requests to join a staff waiting for an answer (accept or
//! decline), the organisations one works in (which one this session works in, and leaving one),
//! and those that follow one as a patient.
use crate::api::organisations::{my_organisations, AnswerJoinRequest, LeaveOrganisation};
use crate::ui::components::services::ServiceList;
use crate::ui::components::workplace::WorkInButton;
use crate::ui::components::{Loaded, PageTitle};
use crate::ui::form::{action_error, FormAlert, Submit};
use crate::ui::words::long_date_time;
use crate::ui::words::tr_with;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::hooks::use_query_map;

#[component]
pub fn MyOrganisationsPage() -> impl IntoView {
    let query = use_query_map();
    let answer = ServerAction::<AnswerJoinRequest>::new();
    let answer_error = action_error(answer);
    let leave = ServerAction::<LeaveOrganisation>::new();
    let leave_error = action_error(leave);
    let mine = Resource::new(
        move || (answer.version().get(), leave.version().get(), query.read().get("done")),
        |_| my_organisations(),
    );
    let done =
        move || query.read().get("done").map(|done| tr_with(&format!("organisations-done-{done}"), &[]));
    let confirming = move || query.read().get("leave").and_then(|id| id.parse::<i64>().ok());
    view! {
        <PageTitle title_key="organisations-title" />
        <h1>{move_tr!("organisations-title")}</h1>
        <p role="status" class="status" data-testid="organisations-done">
            {done}
        </p>
        <Loaded data=mine let:mine>
            {
                let several = mine.workplaces.len() > 1;
                let confirming = confirming();
                view! {
                    {(!mine.requests.is_empty())
                        .then(|| {
                            view! {
                                <h2>{move_tr!("organisations-requests")}</h2>
                                <FormAlert error=answer_error />
                                <ul class="cards" data-testid="join-requests">
                                    {mine
                                        .requests
                                        .into_iter()
                                        .map(|r| {
                                            let organisation = r.organisation.clone();
                                            let until = r.until;
                                            view! {
                                                <li class="card">
                                                    <h3>{r.organisation.clone()}</h3>
                                                    <p>
                                                        {move || tr_with(
                                                            "organisations-request-intro",
                                                            &[("organisation", &organisation)],
                                                        )}
                                                    </p>
                                                    <ServiceList services=r.services />
                                                    <p class="hint">
                                                        {move || tr_with(
                                                            "organisations-request-until",
                                                            &[("date", &long_date_time(until))],
                                                        )}
                                                    </p>
                                                    <div class="actions">
                                                        <ActionForm action=answer>
                                                            <input type="hidden" name="id" value=r.id.to_string() />
                                                            <input type="hidden" name="answer" value="accept" />
                                                            <Submit pending=answer
                                                                .pending()>{move_tr!("organisations-accept")}</Submit>
                                                        </ActionForm>
                                                        <ActionForm action=answer>
                                                            <input type="hidden" name="id" value=r.id.to_string() />
                                                            <input type="hidden" name="answer" value="decline" />
                                                            <Submit pending=answer
                                                                .pending()>{move_tr!("organisations-decline")}</Submit>
                                                        </ActionForm>
                                                    </div>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                        })}
                    <h2>{move_tr!("organisations-staff")}</h2>
                    <FormAlert error=leave_error />
                    {if mine.workplaces.is_empty() {
                        view! { <p>{move_tr!("organisations-staff-none")}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="cards" data-testid="workplaces">
                                {mine
                                    .workplaces
                                    .into_iter()
                                    .map(|w| {
                                        let name = w.name.clone();
                                        let leave_question = name.clone();
                                        view! {
                                            <li class="card">
                                                <h3>{w.name.clone()}</h3>
                                                {(several && w.working)
                                                    .then(|| {
                                                        view! {
                                                            <p data-testid="working-here">
                                                                {move_tr!("workplace-here")}
                                                            </p>
                                                        }
                                                    })}
                                                {(several && !w.working)
                                                    .then(|| {
                                                        view! {
                                                            <WorkInButton
                                                                organisation_id=w.organisation_id
                                                                name=name.clone()
                                                            />
                                                        }
                                                    })}
                                                <ServiceList services=w.services />
                                                {if confirming == Some(w.organisation_id) {
                                                    view! {
                                                        <p id=format!(
                                                            "leave-{}",
                                                            w.organisation_id,
                                                        )>
                                                            {move || tr_with(
                                                                "organisations-leave-confirm",
                                                                &[("organisation", &leave_question)],
                                                            )}
                                                        </p>
                                                        <ActionForm action=leave>
                                                            <input
                                                                type="hidden"
                                                                name="organisation_id"
                                                                value=w.organisation_id.to_string()
                                                            />
                                                            <button
                                                                type="submit"
                                                                class="button"
                                                                aria-describedby=format!("leave-{}", w.organisation_id)
                                                            >
                                                                {move_tr!("organisations-leave")}
                                                            </button>
                                                        </ActionForm>
                                                        <p>
                                                            <a href="/account/organisations">
                                                                {move_tr!("organisations-leave-cancel")}
                                                            </a>
                                                        </p>
                                                    }
                                                        .into_any()
                                                } else {
                                                    view! {
                                                        <p>
                                                            <a href=format!(
                                                                "/account/organisations?leave={}",
                                                                w.organisation_id,
                                                            )>{move_tr!("organisations-leave")}</a>
                                                        </p>
                                                    }
                                                        .into_any()
                                                }}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }}
                    {(!mine.patient_of.is_empty())
                        .then(|| {
                            view! {
                                <h2>{move_tr!("organisations-patient")}</h2>
                                <ul data-testid="patient-of">
                                    {mine
                                        .patient_of
                                        .into_iter()
                                        .map(|name| view! { <li>{name}</li> })
                                        .collect_view()}
                                </ul>
                            }
                        })}
                }
                    .into_any()
            }
        </Loaded>
    }
}
