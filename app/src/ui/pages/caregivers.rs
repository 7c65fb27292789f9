//! Caregiver pages: the care team's view of a patient's caregivers (add, edit, end, re-invite),
//! the patient's list of who can act for them (end, with confirmation), and the caregiver's side
//! (the patients they assist, acting for one, the banner that says for whom).
use crate::api::caregivers::{
    acting_for, my_caregivers, patient_file, AddCaregiver, EditCaregiver, EndMyCaregiver,
};
use crate::api::profile::{patient_profile, SaveProfile};
use crate::api::ApiError;
use crate::door::GrantId;
use crate::paths::Page;
use crate::states::CaregiverStatus;
use crate::ui::components::caregivers::scope_text;
use crate::ui::components::privacy_notice::PrivacyNotice;
use crate::ui::components::profile::{saved_message, Details};
use crate::ui::components::{Loaded, PageTitle};
use crate::ui::form::{action_error, error_for, failure, kept, Field, FormAlert, LanguageChoice, Submit};
use crate::ui::layout::use_door;
use crate::ui::route::{route_params, with_id, CaregiverParams, GrantParams, PatientParams};
use crate::ui::words::long_date;
use crate::ui::words::tr;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// The three scope checkboxes; ticked as saved, or as typed when a post came back.
#[component]
fn ScopeChoice(
    error: Signal<Option<ApiError>>,
    messages: bool,
    questionnaires: bool,
    profile: bool,
) -> impl IntoView {
    let ticked = move |field: &'static str, saved: bool| {
        move || match error.get() {
            Some(e) => e.kept(field).is_some(),
            None => saved,
        }
    };
    let problem = error_for(error, "scope");
    view! {
        <fieldset aria-describedby=move || problem.get().map(|_| "scope-error")>
            <legend>{move_tr!("caregiver-scope")}</legend>
            {move || {
                problem
                    .get()
                    .map(|message| {
                        view! {
                            <p class="field-error" id="scope-error">
                                {message}
                            </p>
                        }
                    })
            }}
            <div class="choice">
                <input
                    type="checkbox"
                    id="scope-messages"
                    name="messages"
                    checked=ticked("messages", messages)
                />
                <label for="scope-messages">{move_tr!("scope-messages")}</label>
            </div>
            <div class="choice">
                <input
                    type="checkbox"
                    id="scope-questionnaires"
                    name="questionnaires"
                    checked=ticked("questionnaires", questionnaires)
                />
                <label for="scope-questionnaires">{move_tr!("scope-questionnaires")}</label>
            </div>
            <div class="choice">
                <input type="checkbox" id="scope-profile" name="profile" checked=ticked("profile", profile) />
                <label for="scope-profile">{move_tr!("scope-profile")}</label>
            </div>
        </fieldset>
    }
}

// ---- Care team ----

#[component]
pub fn AddCaregiverPage() -> impl IntoView {
    let params = route_params::<PatientParams>();
    let patient_id = move || params.get().map(|p| p.id);
    let action = ServerAction::<AddCaregiver>::new();
    let error = action_error(action);
    let relationship = kept(error, "relationship");
    view! {
        <PageTitle title_key="caregiver-add" />
        <h1>{move_tr!("caregiver-add")}</h1>
        <p>{move_tr!("caregiver-add-intro")}</p>
        <PrivacyNotice />
        <ActionForm action=action>
            <FormAlert error />
            <input type="hidden" name="patient_id" value=patient_id().map(|id| id.to_string()) />
            <Field id="given_name" label=move_tr!("invite-given-name") posted=error />
            <Field id="family_name" label=move_tr!("invite-family-name") posted=error />
            <Field id="email" kind="email" inputmode="email" label=move_tr!("invite-email") posted=error />
            <LanguageChoice error />
            <fieldset>
                <legend>{move_tr!("caregiver-relationship")}</legend>
                {move || {
                    error_for(error, "relationship")
                        .get()
                        .map(|message| view! { <p class="field-error">{message}</p> })
                }}
                {["parent", "representative", "helper"]
                    .into_iter()
                    .map(|code| {
                        view! {
                            <div class="choice">
                                <input
                                    type="radio"
                                    id=format!("relationship-{code}")
                                    name="relationship"
                                    value=code
                                    checked=move || relationship.get() == code
                                />
                                <label for=format!(
                                    "relationship-{code}",
                                )>{move || tr(&format!("relationship-{code}-long"))}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <ScopeChoice error messages=false questionnaires=false profile=false />
            <Field
                id="ends_on"
                kind="date"
                required=false
                label=move_tr!("caregiver-ends-on")
                hint=move_tr!("caregiver-ends-on-hint")
                posted=error
            />
            <Field id="note" required=false label=move_tr!("caregiver-note") value=kept(error, "note") />
            <Submit pending=action.pending()>{move_tr!("invite-submit")}</Submit>
        </ActionForm>
        <p>
            <A href=move || {
                patient_id().map(|id| format!("/staff/patients/{id}")).unwrap_or_default()
            }>{move_tr!("cancel")}</A>
        </p>
    }
}

#[component]
pub fn EditCaregiverPage() -> impl IntoView {
    let params = route_params::<CaregiverParams>();
    let patient_id = move || params.get().map(|p| p.id);
    let grant_id = move || params.get().map(|p| p.grant);
    // The caregiver under this grant, still in force, on this patient's file.
    let caregiver = Resource::new(
        move || (patient_id(), grant_id()),
        |(patient, grant)| async move {
            let file = with_id(patient, patient_file).await?;
            file.caregivers
                .into_iter()
                .find(|c| Some(c.grant_id) == grant.map(GrantId::get) && c.status != CaregiverStatus::Ended)
                .ok_or_else(ApiError::not_found)
        },
    );
    let action = ServerAction::<EditCaregiver>::new();
    let error = action_error(action);
    view! {
        <PageTitle title_key="caregiver-edit" />
        <h1>{move_tr!("caregiver-edit")}</h1>
        <Loaded data=caregiver let:c>
            {
                view! {
                    <p>{c.name.clone()} " · " {tr(&format!("relationship-{}", c.relationship))}</p>
                    <ActionForm action=action>
                        <FormAlert error />
                        <input type="hidden" name="grant_id" value=c.grant_id />
                        <input type="hidden" name="patient_id" value=patient_id().map(|id| id.to_string()) />
                        <ScopeChoice
                            error
                            messages=c.messages
                            questionnaires=c.questionnaires
                            profile=c.profile
                        />
                        <Field
                            id="ends_on"
                            kind="date"
                            required=false
                            label=move_tr!("caregiver-ends-on")
                            hint=move_tr!("caregiver-ends-on-hint")
                            value=c.ends_on.map(|d| d.to_string()).unwrap_or_default()
                            error=error_for(error, "ends_on")
                        />
                        <Submit pending=action.pending()>{move_tr!("save")}</Submit>
                    </ActionForm>
                }
            }
        </Loaded>
        <p>
            <A href=move || {
                patient_id().map(|id| format!("/staff/patients/{id}")).unwrap_or_default()
            }>{move_tr!("cancel")}</A>
        </p>
    }
}

// ---- Patient ----

/// Ending a caregiver's access asks for confirmation first.
#[component]
pub fn EndMyCaregiverPage() -> impl IntoView {
    let params = route_params::<GrantParams>();
    let grant_id = move || params.get().map(|p| p.grant);
    let caregiver = Resource::new(grant_id, |grant| async move {
        my_caregivers()
            .await?
            .into_iter()
            .find(|c| Some(c.grant_id) == grant.map(GrantId::get))
            .ok_or_else(ApiError::not_found)
    });
    let action = ServerAction::<EndMyCaregiver>::new();
    let error = action_error(action);
    view! {
        <PageTitle title_key="caregiver-end" />
        <h1>{move_tr!("caregiver-end")}</h1>
        <Loaded data=caregiver let:c>
            {
                let name = c.name.clone();
                view! {
                    <p>
                        {move || {
                            expect_context::<leptos_fluent::I18n>()
                                .tr_with_args(
                                    "caregiver-end-confirm",
                                    &[("name".into(), name.clone().into())].into_iter().collect(),
                                )
                        }}
                    </p>
                    <ActionForm action=action>
                        <FormAlert error />
                        <input type="hidden" name="grant_id" value=c.grant_id />
                        <Submit pending=action.pending()>{move_tr!("caregiver-end-submit")}</Submit>
                    </ActionForm>
                }
                    .into_any()
            }
        </Loaded>
        <p>
            <A href="/account">{move_tr!("cancel")}</A>
        </p>
    }
}

// ---- Caregiver ----

/// Acting for a patient (`/for/:grant`): what the grant covers. "Access ended" as soon as the
/// grant no longer holds.
#[component]
pub fn ActingForPage() -> impl IntoView {
    let door = use_door();
    let grant = Resource::new(move || door.grant(), |grant| with_id(grant, acting_for));
    view! {
        <PageTitle title_key="acting-title" />
        <Suspense fallback=move || {
            view! { <p>{move_tr!("loading")}</p> }
        }>
            {move || Suspend::new(async move {
                match grant.await {
                    Ok(a) => {
                        view! {
                            <h1>{a.patient_name.clone()}</h1>
                            <p>
                                {move_tr!("acting-scope")} " "
                                {scope_text(a.messages, a.questionnaires, a.profile)}
                            </p>
                            {a
                                .ends_on
                                .map(|d| {
                                    view! { <p>{move_tr!("caregiver-until")} " " {move || long_date(d)}</p> }
                                })}
                            <p class="hint">{move_tr!("acting-recorded")}</p>
                            {a
                                .messages
                                .then(|| {
                                    view! {
                                        <p>
                                            <A href=Page::Conversations { door }.href() attr:class="button">
                                                {move_tr!("messages-title")}
                                            </A>
                                        </p>
                                    }
                                })}
                            {a
                                .questionnaires
                                .then(|| {
                                    view! {
                                        <p>
                                            <A href=Page::Questionnaires { door }.href() attr:class="button">
                                                {move_tr!("questionnaires-title")}
                                            </A>
                                        </p>
                                    }
                                })}
                            {(a.profile && a.has_account)
                                .then(|| {
                                    view! {
                                        <p>
                                            <A
                                                href=door
                                                    .grant()
                                                    .map(|grant| Page::ActingProfile { grant }.href())
                                                    .unwrap_or_default()
                                                attr:class="button"
                                            >
                                                {move_tr!("acting-profile")}
                                            </A>
                                        </p>
                                    }
                                })}
                        }
                            .into_any()
                    }
                    Err(_) => view! { <AccessEnded /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AccessEnded() -> impl IntoView {
    view! {
        <h1>{move_tr!("access-ended-title")}</h1>
        <p role="alert">{move_tr!("access-ended-body")}</p>
        <p>
            <A href="/home">{move_tr!("my-file")}</A>
        </p>
    }
}

/// The patient's profile, for a caregiver with that scope; edits are recorded under the caregiver.
#[component]
pub fn ActingProfilePage() -> impl IntoView {
    let door = use_door();
    let save = ServerAction::<SaveProfile>::new();
    let query = use_query_map();
    // Asked again on every click (opening an editor too), so an ended grant shows at once.
    let profile = Resource::new(
        move || (door.grant(), query.read().get("saved"), query.read().get("edit"), save.version().get()),
        |(grant, ..)| with_id(grant, patient_profile),
    );
    view! {
        <PageTitle title_key="acting-profile" />
        <p role="status" class="status">
            {move || query.read().get("saved").map(|field| tr(saved_message(&field)))}
        </p>
        <Suspense fallback=move || {
            view! { <p>{move_tr!("loading")}</p> }
        }>
            {move || Suspend::new(async move {
                match profile.await {
                    Ok(patient) => {
                        view! {
                            <h1>{move_tr!("acting-profile")}</h1>
                            <Details
                                me=patient
                                save
                                base=door
                                    .grant()
                                    .map(|grant| Page::ActingProfile { grant }.href())
                                    .unwrap_or_default()
                                grant=door.grant()
                            />
                        }
                            .into_any()
                    }
                    Err(e) if e.is_signed_out() => failure(e),
                    Err(_) => view! { <AccessEnded /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
