//! Sending one questionnaire to several patients of a care team: choose one of one's teams (a
//! GET form, so it works without JavaScript), tick the patients on its list (all ticked to
//! start), then the questionnaire, due date, note and whether they see the score.
use crate::api::questionnaires::{team_sending, SendToTeam};
use crate::ui::components::questionnaire::SendingFields;
use crate::ui::components::{Loaded, PageTitle};
use crate::ui::form::{action_error, error_for, FormAlert, Submit};
use crate::ui::words::{tr, tr_with};
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::hooks::use_query_map;

#[component]
pub fn TeamSendingPage() -> impl IntoView {
    let send = ServerAction::<SendToTeam>::new();
    let error = action_error(send);
    let query = use_query_map();
    let team = move || query.read().get("team").and_then(|t| t.parse::<i64>().ok());
    let found = Resource::new(move || (team(), send.version().get()), |(team, _)| team_sending(team));
    let sent = move || query.read().get("sent").and_then(|n| n.parse::<u32>().ok());
    view! {
        <PageTitle title_key="team-send-title" />
        <h1>{move_tr!("team-send-title")}</h1>
        <p class="hint">{move_tr!("team-send-intro")}</p>
        <p role="status" class="status" data-testid="team-sent">
            {move || sent().map(|n| tr_with("team-send-sent", &[("count", &n.to_string())]))}
        </p>
        <Loaded data=found let:s>
            {if s.teams.is_empty() {
                view! { <p>{move_tr!("team-send-no-team")}</p> }.into_any()
            } else {
                let chosen = s.team;
                view! {
                    <form method="get" action="/staff/questionnaires/send" class="team-choice">
                        <div class="field">
                            <label for="team">{move_tr!("team-send-team")}</label>
                            <select id="team" name="team">
                                {s
                                    .teams
                                    .iter()
                                    .map(|(id, name)| {
                                        view! {
                                            <option value=*id selected=chosen == Some(*id)>
                                                {name.clone()}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                        </div>
                        <button type="submit" class="button secondary">
                            {move_tr!("team-send-show")}
                        </button>
                    </form>
                    {chosen
                        .map(|team| {
                            if s.patients.is_empty() {
                                view! { <p>{move_tr!("team-send-no-patients")}</p> }.into_any()
                            } else {
                                view! {
                                    <ActionForm action=send>
                                        <input type="hidden" name="team" value=team />
                                        <FormAlert error />
                                        <fieldset
                                            class:field-invalid=move || {
                                                error_for(error, "patients").get().is_some()
                                            }
                                            data-testid="team-patients"
                                        >
                                            <legend>{move_tr!("team-send-patients")}</legend>
                                            {move || {
                                                error_for(error, "patients")
                                                    .get()
                                                    .map(|m| view! { <p class="field-error">{m}</p> })
                                            }}
                                            {s
                                                .patients
                                                .iter()
                                                .map(|(id, name)| {
                                                    let field = format!("patients[{id}]");
                                                    let input_id = format!("patient-{id}");
                                                    let ticked = {
                                                        let field = field.clone();
                                                        move || match error.get() {
                                                            Some(e) => e.kept(&field).is_some(),
                                                            None => true,
                                                        }
                                                    };
                                                    view! {
                                                        <div class="choice">
                                                            <input
                                                                type="checkbox"
                                                                id=input_id.clone()
                                                                name=field
                                                                checked=ticked
                                                            />
                                                            <label for=input_id>{name.clone()}</label>
                                                        </div>
                                                    }
                                                })
                                                .collect_view()}
                                        </fieldset>
                                        <SendingFields library=s.library.clone() error />
                                        <Submit pending=send
                                            .pending()>{move || tr("team-send-submit")}</Submit>
                                    </ActionForm>
                                }
                                    .into_any()
                            }
                        })}
                }
                    .into_any()
            }}
        </Loaded>
    }
}
