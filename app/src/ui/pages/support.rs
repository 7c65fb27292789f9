//! The support desk's pages: the search, and a person's record with the actions that help a
//! caller (unlock, password-reset instructions, a new invitation). Plain forms: they work without
//! JavaScript.
use crate::actions::SupportAction;
use crate::api::support::{support_record, support_search, SupportAct, SupportInvitation, SupportSubject};
use crate::ui::components::audit::action_key;
use crate::ui::components::{Loaded, PageTitle};
use crate::ui::form::{action_error, FormAlert, SearchForm, Submit};
use crate::ui::route::with_id;
use crate::ui::words::long_date_time;
use crate::ui::words::tr_with;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn SupportDeskPage() -> impl IntoView {
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let found = Resource::new(q, support_search);
    view! {
        <PageTitle title_key="support-title" />
        <h1>{move_tr!("support-title")}</h1>
        <p>{move_tr!("support-intro")}</p>
        <SearchForm
            action="/staff/support"
            id="q"
            label=move_tr!("support-search-label")
            submit=move_tr!("patients-search-submit")
            value=Signal::derive(q)
        />
        <Loaded data=found let:lines>
            {if lines.is_empty() && !q().trim().is_empty() {
                view! { <p role="status">{move_tr!("support-none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="links" data-testid="support-found">
                        {lines
                            .into_iter()
                            .map(|l| {
                                view! {
                                    <li>
                                        <A href=l.subject.href()>{l.name.clone()}</A>
                                        " · "
                                        {l.email.clone()}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </Loaded>
    }
}

#[component]
pub fn SupportPersonPage() -> impl IntoView {
    let params = use_params_map();
    let subject = move || {
        let params = params.read();
        SupportSubject::parse(&params.get("kind").unwrap_or_default(), &params.get("id").unwrap_or_default())
    };
    let query = use_query_map();
    let act = ServerAction::<SupportAct>::new();
    let error = action_error(act);
    let record = Resource::new(
        move || (subject(), act.version().get(), query.read().get("done")),
        |(subject, _, _)| with_id(subject, support_record),
    );
    let done = move || query.read().get("done").map(|done| tr_with(&format!("support-done-{done}"), &[]));
    view! {
        <PageTitle title_key="support-person-title" />
        <Loaded data=record let:r>
            {
                let (kind, id) = (r.subject.kind(), r.subject.id());
                let mut actions = Vec::new();
                if r.locked_until.is_some() && r.only_here {
                    actions.push(SupportAction::Unlock);
                }
                if r.status.as_deref() == Some("active") && r.only_here {
                    actions.push(SupportAction::Reset);
                }
                if matches!(r.subject, SupportSubject::Patient(_)) {
                    actions.push(SupportAction::Resend);
                }
                match r.status.as_deref() {
                    Some("active") if r.only_here && !r.staff => actions.push(SupportAction::Deactivate),
                    Some("suspended") if r.only_here && !r.staff => actions.push(SupportAction::Reactivate),
                    _ => {}
                }
                let not_provided = move || tr_with("account-not-set", &[]);
                let or_not = move |value: String| if value.is_empty() { not_provided() } else { value };
                let (mobile, home) = (r.mobile.clone(), r.home_phone.clone());
                let state = {
                    let r = r.clone();
                    move || match (&r.status, r.locked_until, r.invitation) {
                        (_, Some(until), _) => {
                            tr_with("support-state-locked", &[("date", &long_date_time(until))])
                        }
                        (Some(status), None, _) => tr_with(&format!("support-state-{status}"), &[]),
                        (None, _, Some(SupportInvitation::Pending(until))) => {
                            tr_with("status-pending", &[("date", &long_date_time(until))])
                        }
                        (None, _, Some(SupportInvitation::Expired)) => tr_with("status-expired", &[]),
                        (None, _, Some(SupportInvitation::Void)) => tr_with("status-void", &[]),
                        (None, _, _) => tr_with("status-none", &[]),
                    }
                };
                // An account reported as used by someone else (seed 000); staff accounts are their
                // administrators' to suspend.
                // The whole account only where it belongs to this organisation alone.
                view! {
                    <h1>{r.name.clone()}</h1>
                    <p class="hint">{move_tr!("support-personal-only")}</p>
                    <p role="status" class="status" data-testid="support-done">
                        {done}
                    </p>
                    {(!r.only_here)
                        .then(|| {
                            view! {
                                <p class="hint" data-testid="shared-account">
                                    {move_tr!("support-account-shared")}
                                </p>
                            }
                        })}
                    <dl class="settings">
                        <div class="setting">
                            <dt>{move_tr!("account-email")}</dt>
                            <dd>{r.email.clone()}</dd>
                        </div>
                        <div class="setting">
                            <dt>{move_tr!("support-language")}</dt>
                            <dd>{if r.language == "en" { "English" } else { "Français" }}</dd>
                        </div>
                        <div class="setting">
                            <dt>{move_tr!("support-mobile")}</dt>
                            <dd>{move || or_not(mobile.clone())}</dd>
                        </div>
                        <div class="setting">
                            <dt>{move_tr!("support-home-phone")}</dt>
                            <dd>{move || or_not(home.clone())}</dd>
                        </div>
                        {r
                            .birth_date
                            .clone()
                            .map(|born| {
                                view! {
                                    <div class="setting">
                                        <dt>{move_tr!("invite-birth-date")}</dt>
                                        <dd>{born}</dd>
                                    </div>
                                }
                            })}
                        <div class="setting">
                            <dt>{move_tr!("support-state")}</dt>
                            <dd data-testid="support-state">{state}</dd>
                        </div>
                        <div class="setting">
                            <dt>{move_tr!("person-last-sign-in")}</dt>
                            <dd>
                                {move || match r.last_sign_in {
                                    Some(at) => long_date_time(at),
                                    None => tr_with("person-never-signed-in", &[]),
                                }}
                            </dd>
                        </div>
                    </dl>
                    <h2>{move_tr!("person-actions")}</h2>
                    <FormAlert error />
                    <ul class="links">
                        {actions
                            .into_iter()
                            .map(|action| {
                                view! {
                                    <li>
                                        <ActionForm action=act>
                                            <input type="hidden" name="kind" value=kind />
                                            <input type="hidden" name="id" value=id />
                                            <input type="hidden" name="action" value=action.code() />
                                            <Submit pending=act
                                                .pending()>
                                                {move || tr_with(&format!("support-{}", action.code()), &[])}
                                            </Submit>
                                        </ActionForm>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    <h2>{move_tr!("support-events")}</h2>
                    <ul class="audit" data-testid="support-events">
                        {r
                            .security_events
                            .into_iter()
                            .map(|(at, action)| {
                                view! {
                                    <li>
                                        {move || long_date_time(at)} " · "
                                        {move || tr_with(&action_key(&action), &[])}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }
        </Loaded>
        <p>
            <A href="/staff/support">{move_tr!("support-back")}</A>
        </p>
    }
}
