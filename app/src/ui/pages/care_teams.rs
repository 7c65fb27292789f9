//! Care teams, for the organisation's administrators: the teams with their settings, creating
//! one, and a team's page (name, phone, whether patients may write first, whether replies are
//! allowed by default, and its members).
use crate::api::care_teams::{list_teams, team_page, CreateTeam, TeamMember, UpdateTeam};
use crate::api::ApiError;
use crate::ui::components::{Loaded, PageTitle};
use crate::ui::form::{action_error, error_for, kept, kept_or, CheckBox, Field, FormAlert, Submit};
use crate::ui::route::{route_params, with_id, TeamParams};
use crate::ui::words::tr_with;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;

fn yes_no(on: bool) -> String {
    tr_with(if on { "yes" } else { "no" }, &[])
}

/// The fields of a team, empty for a new one or as saved.
#[component]
fn TeamFields(
    error: Signal<Option<ApiError>>,
    name: Signal<String>,
    phone: Signal<String>,
    patients_may_start: bool,
    replies_by_default: bool,
) -> impl IntoView {
    view! {
        <Field id="name" label=move_tr!("team-name") value=name error=error_for(error, "name") />
        <Field
            id="phone"
            label=move_tr!("team-phone")
            kind="tel"
            inputmode="tel"
            required=false
            hint=move_tr!("team-phone-hint")
            value=phone
            error=error_for(error, "phone")
        />
        <CheckBox
            id="patients_may_start"
            label=move_tr!("team-patients-may-start")
            error
            saved=patients_may_start
        />
        <CheckBox
            id="replies_by_default"
            label=move_tr!("team-replies-by-default")
            error
            saved=replies_by_default
        />
    }
}

#[component]
pub fn CareTeams() -> impl IntoView {
    let create = ServerAction::<CreateTeam>::new();
    let error = action_error(create);
    let teams = Resource::new(move || create.version().get(), |_| list_teams());
    view! {
        <PageTitle title_key="teams-title" />
        <h1>{move_tr!("teams-title")}</h1>
        <p class="hint">{move_tr!("teams-intro")}</p>
        <Loaded data=teams let:list>
            {if list.is_empty() {
                view! { <p>{move_tr!("teams-none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="cards" data-testid="teams">
                        {list
                            .into_iter()
                            .map(|t| {
                                view! {
                                    <li class="card">
                                        <h2>
                                            <A href=format!("/staff/teams/{}", t.id)>{t.name.clone()}</A>
                                        </h2>
                                        <p>{move_tr!("teams-members", { "count" => t.members })}</p>
                                        <p>
                                            {move_tr!("team-patients-may-start")} " : "
                                            {move || yes_no(t.patients_may_start)}
                                        </p>
                                        <p>
                                            {move_tr!("team-replies-by-default")} " : "
                                            {move || yes_no(t.replies_by_default)}
                                        </p>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </Loaded>
        <section class="file-section" aria-labelledby="team-new-title">
            <h2 id="team-new-title">{move_tr!("teams-new")}</h2>
            <ActionForm action=create>
                <FormAlert error />
                <TeamFields
                    error
                    name=kept(error, "name")
                    phone=kept(error, "phone")
                    patients_may_start=false
                    replies_by_default=true
                />
                <Submit pending=create.pending()>{move_tr!("teams-create")}</Submit>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn CareTeamPage() -> impl IntoView {
    let params = route_params::<TeamParams>();
    let id = move || params.get().map(|p| p.id);
    let update = ServerAction::<UpdateTeam>::new();
    let member = ServerAction::<TeamMember>::new();
    let error = action_error(update);
    let member_error = action_error(member);
    let page = Resource::new(
        move || (id(), update.version().get(), member.version().get()),
        |(id, ..)| with_id(id, team_page),
    );
    let saved = move || matches!(update.value().get(), Some(Ok(()))).then(|| tr_with("account-saved", &[]));
    view! {
        <PageTitle title_key="teams-title" />
        <Loaded data=page let:p>
            {
                let team = p.team.clone();
                view! {
                    <h1>{team.name.clone()}</h1>
                    <p role="status" class="status">
                        {saved}
                    </p>
                    <section class="file-section" aria-labelledby="team-settings-title">
                        <h2 id="team-settings-title">{move_tr!("team-settings")}</h2>
                        <ActionForm action=update>
                            <input type="hidden" name="id" value=team.id />
                            <FormAlert error />
                            <TeamFields
                                error
                                name=kept_or(error, "name", team.name.clone())
                                phone=kept_or(error, "phone", team.phone.clone())
                                patients_may_start=team.patients_may_start
                                replies_by_default=team.replies_by_default
                            />
                            <Submit pending=update.pending()>{move_tr!("save")}</Submit>
                        </ActionForm>
                    </section>
                    <section class="file-section" aria-labelledby="team-members-title">
                        <h2 id="team-members-title">{move_tr!("team-members")}</h2>
                        <FormAlert error=member_error />
                        {if p.members.is_empty() {
                            view! { <p>{move_tr!("team-members-none")}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="links" data-testid="team-members">
                                    {p
                                        .members
                                        .into_iter()
                                        .map(|m| {
                                            view! {
                                                <li>
                                                    {m.name.clone()}
                                                    <ActionForm action=member attr:class="inline-form">
                                                        <input type="hidden" name="id" value=team.id />
                                                        <input type="hidden" name="account_id" value=m.id />
                                                        <Submit pending=member.pending() class="link-button">
                                                            {move_tr!("team-member-remove")}
                                                            <span class="visually-hidden">
                                                                {format!(" – {}", m.name)}
                                                            </span>
                                                        </Submit>
                                                    </ActionForm>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }}
                        {(!p.others.is_empty())
                            .then(|| {
                                view! {
                                    <ActionForm action=member>
                                        <input type="hidden" name="id" value=team.id />
                                        <input type="hidden" name="add" value="on" />
                                        <div class="field">
                                            <label for="account_id">
                                                {move_tr!("team-member-add-label")}
                                            </label>
                                            <select id="account_id" name="account_id">
                                                {p
                                                    .others
                                                    .into_iter()
                                                    .map(|o| {
                                                        view! { <option value=o.id.to_string()>{o.name}</option> }
                                                    })
                                                    .collect_view()}
                                            </select>
                                        </div>
                                        <Submit pending=member
                                            .pending()>{move_tr!("team-member-add")}</Submit>
                                    </ActionForm>
                                }
                            })}
                    </section>
                }
                    .into_any()
            }
        </Loaded>
        <p>
            <A href="/staff/teams">{move_tr!("teams-title")}</A>
        </p>
    }
}
