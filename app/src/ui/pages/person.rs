//! A staff member's page, for their organisation's administrator: where the account stands and
//! the actions on it (password reset, unlock, a new secret code, starting the sign-in over,
//! suspend, reactivate, make administrator or end it, remove from the organisation), each
//! confirmed first on the page itself (`?confirm=action`, so it works without JavaScript).
use crate::actions::StaffAction;
use crate::api::staff::{
    staff_person, take_secret_code, ActOnStaff, SetProfessionalNumber, SetServices, StaffState,
};
use crate::ui::components::services::ServiceChoice;
use crate::ui::components::shown_once::{CodePage, CodeShownOnce};
use crate::ui::components::staff_state::{role_name, staff_state_text};
use crate::ui::components::{Loaded, PageTitle};
use crate::ui::form::{action_error, error_for, kept_or, Field, FormAlert, Submit};
use crate::ui::route::{route_params, with_id, AccountParams};
use crate::ui::words::long_date_time;
use crate::ui::words::tr_with;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// The actions that apply to an account in `state`, with their button and confirmation texts.
/// Those on the whole account (password reset, unlock, a new secret code) only when it belongs to
/// this organisation alone.
fn actions_for(state: StaffState, admin: bool, only_here: bool) -> Vec<StaffAction> {
    use StaffAction::*;
    let administration = if admin { EndAdmin } else { MakeAdmin };
    let actions = match state {
        StaffState::Active => vec![Reset, ResetSignIn, Suspend, administration, Remove],
        StaffState::LockedUntil(_) => vec![Unlock, Reset, ResetSignIn, Suspend, administration, Remove],
        StaffState::Suspended => vec![Reactivate, Remove],
        StaffState::Invited => vec![NewCode, administration, Remove],
    };
    actions.into_iter().filter(|a| only_here || !a.account_wide()).collect()
}

#[component]
pub fn StaffPersonPage() -> impl IntoView {
    let params = route_params::<AccountParams>();
    let account_id = move || params.get().map(|p| p.id);
    let query = use_query_map();
    let act = ServerAction::<ActOnStaff>::new();
    let error = action_error(act);
    let save_number = ServerAction::<SetProfessionalNumber>::new();
    let number_error = action_error(save_number);
    let save_services = ServerAction::<SetServices>::new();
    let services_error = action_error(save_services);
    let person = Resource::new(
        move || (account_id(), act.version().get(), save_services.version().get(), query.read().get("done")),
        |(id, _, _, _)| with_id(id, staff_person),
    );
    let done = move || query.read().get("done").map(|done| tr_with(&format!("person-done-{done}"), &[]));
    let confirming = move || query.read().get("confirm");
    view! {
        <PageTitle title_key="person-title" />
        <Loaded data=person let:p>
            {
                let state = p.state;
                let base = format!("/staff/team/{}", p.id);
                let email = p.email.clone();
                let confirming = confirming();
                // Read here, so that following a "confirm" link redraws the actions.
                view! {
                    <h1>{p.name.clone()}</h1>
                    <p role="status" class="status" data-testid="person-done">
                        {done}
                    </p>
                    <dl class="settings">
                        <div class="setting">
                            <dt>{move_tr!("person-email")}</dt>
                            <dd>{p.email.clone()}</dd>
                        </div>
                        <div class="setting">
                            <dt>{move_tr!("person-role")}</dt>
                            <dd>{move || role_name(p.role)}</dd>
                        </div>
                        <div class="setting">
                            <dt>{move_tr!("person-state")}</dt>
                            <dd data-testid="person-state">{move || staff_state_text(state)}</dd>
                        </div>
                        <div class="setting">
                            <dt>{move_tr!("person-number")}</dt>
                            <dd data-testid="person-number">
                                {match p.number.clone() {
                                    Some(number) => number.into_any(),
                                    None => move_tr!("person-number-none").into_any(),
                                }}
                            </dd>
                        </div>
                        <div class="setting">
                            <dt>{move_tr!("person-last-sign-in")}</dt>
                            <dd>
                                {move || match p.last_sign_in {
                                    Some(at) => long_date_time(at),
                                    None => tr_with("person-never-signed-in", &[]),
                                }}
                            </dd>
                        </div>
                    </dl>
                    <ActionForm action=save_number>
                        <input type="hidden" name="account_id" value=p.id />
                        <FormAlert error=number_error />
                        <Field
                            id="professional_number"
                            label=move_tr!("person-number")
                            hint=move_tr!("team-number-hint")
                            required=false
                            value=kept_or(
                                number_error,
                                "professional_number",
                                p.number.clone().unwrap_or_default(),
                            )
                            error=error_for(number_error, "professional_number")
                        />
                        <Submit pending=save_number.pending()>{move_tr!("person-number-save")}</Submit>
                    </ActionForm>
                    <h2>{move_tr!("services-title")}</h2>
                    <ActionForm action=save_services attr:data-testid="services-form">
                        <input type="hidden" name="account_id" value=p.id />
                        <FormAlert error=services_error />
                        <ServiceChoice error=services_error held=p.services.clone() />
                        <Submit pending=save_services.pending()>{move_tr!("services-update")}</Submit>
                    </ActionForm>
                    <h2>{move_tr!("person-actions")}</h2>
                    <FormAlert error />
                    {(!p.only_here)
                        .then(|| {
                            view! {
                                <p class="hint" data-testid="shared-account">
                                    {move_tr!("person-account-shared")}
                                </p>
                            }
                        })}
                    <ul class="links">
                        {actions_for(state, p.admin, p.only_here)
                            .into_iter()
                            .map(|action| {
                                let action = action.code();
                                let label = move || tr_with(&format!("person-{action}"), &[]);
                                let base = base.clone();
                                if confirming.as_deref() != Some(action) {
                                    return view! {
                                        <li>
                                            <a href=format!("{base}?confirm={action}")>{label}</a>
                                        </li>
                                    }
                                        .into_any();
                                }
                                let explanation = tr_with(
                                    &format!("person-{action}-confirm"),
                                    &[("email", &email)],
                                );
                                view! {
                                    <li class="confirm">
                                        <p id=format!("confirm-{action}")>{explanation}</p>
                                        <ActionForm action=act>
                                            <input type="hidden" name="account_id" value=p.id />
                                            <input type="hidden" name="action" value=action />
                                            <div class="actions">
                                                <button
                                                    type="submit"
                                                    class="button"
                                                    aria-describedby=format!("confirm-{action}")
                                                >
                                                    {label}
                                                </button>
                                                <a href=base.clone()>{move_tr!("cancel")}</a>
                                            </div>
                                        </ActionForm>
                                    </li>
                                }
                                    .into_any()
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }
        </Loaded>
        <p>
            <A href="/staff/team">{move_tr!("team-title")}</A>
        </p>
    }
}

/// The secret code of a staff member just added (or a new one), shown once, large, to hand over.
#[component]
pub fn StaffCodePage() -> impl IntoView {
    let issued = Resource::new(|| (), |_| take_secret_code());
    let texts = CodePage {
        title: "staff-code-title",
        intro: "staff-code-intro",
        reminder: "staff-code-write-down",
        expires: "staff-code-expires",
        gone: "staff-code-gone",
        back: ("/staff/team", "staff-code-back"),
        test_id: "secret-code",
    };
    view! {
        <PageTitle title_key="staff-code-title" />
        <CodeShownOnce issued texts />
    }
}
