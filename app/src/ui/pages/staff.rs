//! The staff home page, reached after sign-in.
use crate::api::auth::staff_home;
use crate::api::settings::{
    age_of_consent, first_steps, organisation_details, privacy_officer_settings, support_contact_settings,
    RemoveLogo, SaveAgeOfConsent, SaveOrganisationDetails, SavePrivacyOfficer, SaveSupportContact,
    LOGO_UPLOAD_PATH,
};
use crate::api::staff::my_administrators;
use crate::hours;
use crate::states::{Role, Service};
use crate::ui::components::organisation_logo::OrganisationLogo;
use crate::ui::components::services::ServiceList;
use crate::ui::components::suspended::SuspendedNotices;
use crate::ui::components::workplace::WorkInButton;
use crate::ui::components::{Loaded, PageTitle};
use crate::ui::form::{
    action_error, error_for, kept_or, posted_error, Field, FileField, FormAlert, MultipartForm, Submit,
};
use crate::ui::words;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn StaffHome() -> impl IntoView {
    let home = Resource::new(|| (), |_| staff_home());
    let administrators = Resource::new(|| (), |_| my_administrators());
    view! {
        <PageTitle title_key="staff-title" />
        <Loaded data=home let:home>
            {
                let name = home.given_name.clone();
                let care = home.holds_any(&Service::CARE);
                let admin = home.holds_any(&[Service::Administration]);
                let nothing = home.working().is_none_or(|r| r.services.is_empty());
                let several = home.roles.len() > 1;
                let working_in = home.working_in;
                let suspended = home.suspended.clone();
                view! {
                    <h1>{move || tr!("staff-greeting", { "name" => name.clone() })}</h1>
                    <SuspendedNotices organisations=suspended message_key="staff-organisation-suspended" />
                    {(several && working_in.is_none())
                        .then(|| {
                            view! {
                                <p class="alert" role="status" data-testid="choose-workplace">
                                    {move_tr!("workplace-choose-hint")}
                                </p>
                            }
                        })}
                    {admin.then(|| view! { <FirstSteps /> })}
                    {home
                        .roles
                        .into_iter()
                        .map(|r| {
                            let organisation = r.organisation.clone();
                            let role = r.role;
                            let here = working_in == Some(r.organisation_id);
                            view! {
                                <section class="organisation" aria-label=r.organisation.clone()>
                                    {(several && here)
                                        .then(|| {
                                            view! {
                                                <p class="badge-line" data-testid="working-here">
                                                    {move_tr!("workplace-here")}
                                                </p>
                                            }
                                        })}
                                    {(several && !here)
                                        .then(|| {
                                            view! {
                                                <WorkInButton
                                                    organisation_id=r.organisation_id
                                                    name=r.organisation.clone()
                                                />
                                            }
                                        })}
                                    <OrganisationLogo logo=r.logo.clone() />
                                    <h2>
                                        {move || match role {
                                            Role::Admin => {
                                                tr!(
                                                    "staff-role-admin", { "organisation" => organisation.clone() }
                                                )
                                            }
                                            Role::Support => {
                                                tr!(
                                                    "staff-role-support", { "organisation" => organisation.clone() }
                                                )
                                            }
                                            _ => {
                                                tr!(
                                                    "staff-role-professional", { "organisation" => organisation.clone() }
                                                )
                                            }
                                        }}
                                    </h2>
                                    {if r.services.is_empty() {
                                        view! {
                                            <p class="alert" data-testid="no-service">
                                                {move_tr!("services-nothing")}
                                            </p>
                                            <p>{move_tr!("services-nothing-hint")}</p>
                                        }
                                            .into_any()
                                    } else {
                                        view! {
                                            <h3>{move_tr!("services-yours")}</h3>
                                            <ServiceList services=r.services />
                                        }
                                            .into_any()
                                    }}
                                </section>
                            }
                        })
                        .collect_view()}
                    {(!nothing)
                        .then(|| {
                            view! {
                                <p class="actions">
                                    {care
                                        .then(|| {
                                            view! {
                                                <A href="/staff/patients" attr:class="button">
                                                    {move_tr!("patients-title")}
                                                </A>
                                            }
                                        })}
                                    {admin
                                        .then(|| {
                                            view! {
                                                <A href="/staff/team" attr:class="button">
                                                    {move_tr!("team-title")}
                                                </A>
                                                <A href="/staff/settings" attr:class="button">
                                                    {move_tr!("settings-title")}
                                                </A>
                                            }
                                        })}
                                </p>
                            }
                        })}
                }
                    .into_any()
            }
        </Loaded>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                administrators
                    .await
                    .ok()
                    .filter(|list| !list.is_empty())
                    .map(|list| {
                        view! {
                            <h2>{move_tr!("staff-administrators")}</h2>
                            <p class="hint">{move_tr!("staff-administrators-hint")}</p>
                            <ul class="links" data-testid="administrators">
                                {list
                                    .into_iter()
                                    .map(|(name, email)| {
                                        view! {
                                            <li>
                                                {name} " · "
                                                <a href=format!("mailto:{email}")>{email.clone()}</a>
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

/// The organisation's settings (administrators): the age of consent that ends parents' access,
/// and the support desk's phone and hours that the Contact page shows.
#[component]
pub fn OrganisationSettings() -> impl IntoView {
    let save = ServerAction::<SaveAgeOfConsent>::new();
    let query = use_query_map();
    let age = Resource::new(move || (query.read().get("saved"), save.version().get()), |_| age_of_consent());
    let error = action_error(save);
    let saved = move || match query.read().get("saved").as_deref() {
        Some("support") => Some(tr!("settings-support-saved")),
        Some("privacy") => Some(tr!("settings-privacy-saved")),
        Some("details") => Some(tr!("settings-details-saved")),
        Some("logo") => Some(tr!("settings-logo-saved")),
        Some("logo-removed") => Some(tr!("settings-logo-removed")),
        Some(_) => Some(tr!("account-saved")),
        None => None,
    };
    view! {
        <PageTitle title_key="settings-title" />
        <h1>{move_tr!("settings-title")}</h1>
        <p role="status" class="status">
            {saved}
        </p>
        <DetailsSettings />
        <LogoSettings />
        <h2>{move_tr!("settings-consent-title")}</h2>
        <Loaded data=age let:age>
            {
                view! {
                    <ActionForm action=save>
                        <FormAlert error />
                        <Field
                            id="age"
                            kind="number"
                            inputmode="numeric"
                            label=move_tr!("settings-age-of-consent")
                            hint=move_tr!("settings-age-of-consent-hint")
                            value=kept_or(error, "age", age.to_string())
                            error=error_for(error, "age")
                        />
                        <Submit pending=save.pending()>{move_tr!("settings-consent-save")}</Submit>
                    </ActionForm>
                }
            }
        </Loaded>
        <SupportContactSettings />
        <PrivacyOfficerSettings />
        <p>
            <A href="/staff/settings/agreement">{move_tr!("agreement-link")}</A>
        </p>
        <p>
            <A href="/staff">{move_tr!("staff-title")}</A>
        </p>
    }
}

/// A new organisation's first steps, for its administrators on their home page until all are done:
/// each a link to where it is done, ticked (in words too) once it is.
#[component]
fn FirstSteps() -> impl IntoView {
    let steps = Resource::new(|| (), |_| first_steps());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let steps = steps.await.ok()?.steps();
                let done = steps.iter().filter(|(_, _, done)| *done).count();
                (done < steps.len())
                    .then(|| {
                        let total = steps.len();
                        view! {
                            <section
                                class="first-steps"
                                aria-labelledby="first-steps"
                                data-testid="first-steps"
                            >
                                <h2 id="first-steps">{move_tr!("first-steps-title")}</h2>
                                <p class="hint">{move_tr!("first-steps-intro")}</p>
                                <p>
                                    {move || {
                                        tr!("first-steps-progress", { "done" => done, "total" => total })
                                    }}
                                </p>
                                <ol class="checklist">
                                    {steps
                                        .into_iter()
                                        .map(|(key, href, done)| {
                                            view! {
                                                <li class:done=done>
                                                    <span class="check" aria-hidden="true">
                                                        {if done { "✓" } else { "" }}
                                                    </span>
                                                    <a href=href>{move || words::tr(key)}</a>
                                                    <span class="visually-hidden">
                                                        {move || {
                                                            format!(
                                                                " ({})",
                                                                if done {
                                                                    tr!("first-steps-done")
                                                                } else {
                                                                    tr!("first-steps-to-do")
                                                                },
                                                            )
                                                        }}
                                                    </span>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ol>
                            </section>
                        }
                    })
            })}
        </Suspense>
    }
}

/// The organisation's name, address, phone and time zone; saving them confirms them.
#[component]
fn DetailsSettings() -> impl IntoView {
    let save = ServerAction::<SaveOrganisationDetails>::new();
    let details = Resource::new(move || save.version().get(), |_| organisation_details());
    let error = action_error(save);
    let zone_error = error_for(error, "timezone");
    view! {
        <h2 id="organisation-details">{move_tr!("settings-details-title")}</h2>
        <p class="hint">{move_tr!("settings-details-intro")}</p>
        <Loaded data=details let:details>
            {
                let chosen = kept_or(error, "timezone", details.timezone.clone());
                view! {
                    <ActionForm action=save>
                        <FormAlert error />
                        <Field
                            id="organisation_name"
                            autocomplete="organization"
                            label=move_tr!("settings-organisation-name")
                            value=kept_or(error, "organisation_name", details.name.clone())
                            error=error_for(error, "organisation_name")
                        />
                        <Field
                            id="organisation_address"
                            autocomplete="street-address"
                            label=move_tr!("settings-organisation-address")
                            value=kept_or(error, "organisation_address", details.address.clone())
                            error=error_for(error, "organisation_address")
                        />
                        <Field
                            id="organisation_phone"
                            kind="tel"
                            inputmode="tel"
                            label=move_tr!("settings-organisation-phone")
                            value=kept_or(error, "organisation_phone", details.phone.clone())
                            error=error_for(error, "organisation_phone")
                        />
                        <div class="field" class:field-invalid=move || zone_error.get().is_some()>
                            <label for="timezone">{move_tr!("settings-time-zone")}</label>
                            {move || {
                                zone_error
                                    .get()
                                    .map(|m| {
                                        view! {
                                            <p class="field-error" id="timezone-error">
                                                {m}
                                            </p>
                                        }
                                    })
                            }}
                            <select
                                id="timezone"
                                name="timezone"
                                aria-invalid=move || zone_error.get().is_some().then_some("true")
                                aria-describedby=move || {
                                    zone_error.get().is_some().then_some("timezone-error")
                                }
                            >
                                {crate::time_zones::ZONES
                                    .into_iter()
                                    .map(|(zone, key)| {
                                        view! {
                                            <option value=zone selected=move || chosen.get() == zone>
                                                {move || words::tr(key)}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                        </div>
                        <Submit pending=save.pending()>{move_tr!("settings-details-save")}</Submit>
                    </ActionForm>
                    <h3>{move_tr!("details-services-title")}</h3>
                    <ServiceList services=details.services.clone() />
                    <p class="hint">{move_tr!("details-services-hint")}</p>
                }
            }
        </Loaded>
    }
}

/// The organisation's logo, which its own people see beside its name: the one in use (and a way
/// to remove it), and a form to send another, with or without JavaScript.
#[component]
fn LogoSettings() -> impl IntoView {
    let error = RwSignal::new(posted_error(LOGO_UPLOAD_PATH));
    let error_signal: Signal<Option<crate::api::ApiError>> = error.into();
    let sending = RwSignal::new(false);
    let remove = ServerAction::<RemoveLogo>::new();
    let query = use_query_map();
    let details = Resource::new(
        move || (remove.version().get(), query.read().get("saved")),
        |_| organisation_details(),
    );
    view! {
        <h2 id="logo-settings">{move_tr!("settings-logo-title")}</h2>
        <p class="hint">{move_tr!("settings-logo-intro")}</p>
        <Loaded data=details let:details>
            {match details.logo {
                Some(address) => {
                    let name = details.name.clone();
                    view! {
                        <p>
                            <img
                                class="organisation-logo"
                                src=address
                                alt=move || words::tr_with("settings-logo-alt", &[("organisation", &name)])
                                data-testid="logo-preview"
                            />
                        </p>
                        <ActionForm action=remove>
                            <Submit pending=remove.pending() class="button secondary">
                                {move_tr!("settings-logo-remove")}
                            </Submit>
                        </ActionForm>
                    }
                        .into_any()
                }
                None => view! { <p data-testid="logo-none">{move_tr!("settings-logo-none")}</p> }.into_any(),
            }}
        </Loaded>
        <MultipartForm path=LOGO_UPLOAD_PATH error sending>
            <FormAlert error=error_signal />
            <FileField
                id="logo"
                label=move_tr!("settings-logo-label")
                hint=move_tr!("settings-logo-hint")
                accept=".png,.jpg,.jpeg,image/png,image/jpeg"
                required=true
                error=error_for(error_signal, "logo")
            />
            <Submit pending=sending>{move_tr!("settings-logo-submit")}</Submit>
        </MultipartForm>
    }
}

/// Whom the organisation's people ask about their information: named on the privacy policy.
#[component]
fn PrivacyOfficerSettings() -> impl IntoView {
    let save = ServerAction::<SavePrivacyOfficer>::new();
    let officer = Resource::new(move || save.version().get(), |_| privacy_officer_settings());
    let error = action_error(save);
    view! {
        <h2 id="privacy-officer">{move_tr!("settings-privacy-title")}</h2>
        <p class="hint">{move_tr!("settings-privacy-intro")}</p>
        <Loaded data=officer let:officer>
            <ActionForm action=save>
                <FormAlert error />
                <Field
                    id="privacy_name"
                    autocomplete="off"
                    required=false
                    label=move_tr!("settings-privacy-name")
                    value=kept_or(error, "privacy_name", officer.name.clone())
                    error=error_for(error, "privacy_name")
                />
                <Field
                    id="privacy_email"
                    kind="email"
                    inputmode="email"
                    required=false
                    label=move_tr!("settings-privacy-email")
                    value=kept_or(error, "privacy_email", officer.email.clone())
                    error=error_for(error, "privacy_email")
                />
                <Field
                    id="privacy_phone"
                    kind="tel"
                    inputmode="tel"
                    required=false
                    label=move_tr!("settings-privacy-phone")
                    value=kept_or(error, "privacy_phone", officer.phone.clone())
                    error=error_for(error, "privacy_phone")
                />
                <Submit pending=save.pending()>{move_tr!("settings-privacy-save")}</Submit>
            </ActionForm>
        </Loaded>
    }
}

/// The support desk's phone and, for each weekday, when it opens and closes (both empty: closed).
#[component]
fn SupportContactSettings() -> impl IntoView {
    let save = ServerAction::<SaveSupportContact>::new();
    let contact = Resource::new(move || save.version().get(), |_| support_contact_settings());
    let error = action_error(save);
    view! {
        <h2 id="support-desk">{move_tr!("settings-support-title")}</h2>
        <p class="hint">{move_tr!("settings-support-intro")}</p>
        <Loaded data=contact let:contact>
            {
                let hours_saved = contact.hours.clone();
                let saved = move |weekday: usize, closes: bool| {
                    hours_saved
                        .iter()
                        .find(|d| usize::from(d.weekday) == weekday + 1)
                        .map(|d| hours::field_value(if closes { d.closes } else { d.opens }))
                        .unwrap_or_default()
                };
                view! {
                    <ActionForm action=save>
                        <FormAlert error />
                        <Field
                            id="support_phone"
                            kind="tel"
                            inputmode="tel"
                            autocomplete="off"
                            required=false
                            label=move_tr!("settings-support-phone")
                            hint=move_tr!("settings-support-phone-hint")
                            value=kept_or(error, "support_phone", contact.phone.clone())
                            error=error_for(error, "support_phone")
                        />
                        <Field
                            id="support_email"
                            kind="email"
                            inputmode="email"
                            autocomplete="off"
                            required=false
                            label=move_tr!("settings-support-email")
                            hint=move_tr!("settings-support-email-hint")
                            value=kept_or(error, "support_email", contact.email.clone())
                            error=error_for(error, "support_email")
                        />
                        <h3>{move_tr!("settings-support-hours")}</h3>
                        <p class="hint">{move_tr!("settings-support-hours-hint")}</p>
                        {hours::FIELDS
                            .into_iter()
                            .enumerate()
                            .map(|(weekday, [opens, closes])| {
                                view! {
                                    <fieldset class="day-hours">
                                        <legend>{move || words::weekday_name(weekday)}</legend>
                                        <Field
                                            id=opens
                                            kind="time"
                                            required=false
                                            label=move_tr!("hours-opens")
                                            value=kept_or(error, opens, saved(weekday, false))
                                            error=error_for(error, opens)
                                        />
                                        <Field
                                            id=closes
                                            kind="time"
                                            required=false
                                            label=move_tr!("hours-closes")
                                            value=kept_or(error, closes, saved(weekday, true))
                                            error=error_for(error, closes)
                                        />
                                    </fieldset>
                                }
                            })
                            .collect_view()}
                        <Submit pending=save.pending()>{move_tr!("settings-support-save")}</Submit>
                    </ActionForm>
                }
                    .into_any()
            }
        </Loaded>
    }
}
