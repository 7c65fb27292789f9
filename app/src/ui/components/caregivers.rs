//! Caregiver pieces shown on several pages: who can act for me (account page), the people I
//! assist (home page), and the words for a grant's scope.
use crate::api::caregivers::{assisted_patients, my_caregivers, Assisted, CaregiverLine};
use crate::api::ApiError;
use crate::door::GrantId;
use crate::ui::words::tr;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;

/// "Messages, questionnaires" — what a caregiver may reach, in words.
pub fn scope_text(messages: bool, questionnaires: bool, profile: bool) -> String {
    [(messages, "scope-messages"), (questionnaires, "scope-questionnaires"), (profile, "scope-profile")]
        .into_iter()
        .filter(|(on, _)| *on)
        .map(|(_, key)| tr(key))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn line_details(c: &CaregiverLine) -> String {
    let mut text = format!(
        "{} · {}",
        tr(&format!("relationship-{}", c.relationship)),
        scope_text(c.messages, c.questionnaires, c.profile)
    );
    if let Some(ends_on) = c.ends_on {
        text.push_str(&format!(" · {} {}", tr("caregiver-until"), crate::ui::words::long_date(ends_on)));
    }
    text
}

/// A page's list of caregivers or assisted patients, loaded by the page itself: a resource
/// created inside another `<Suspense>` can stall the server render (leptos-rs/leptos#4866).
pub type Loaded<T> = Resource<Result<Vec<T>, ApiError>>;

/// The resource behind `MyCaregivers`, created by the page.
pub fn my_caregivers_resource() -> Loaded<CaregiverLine> {
    Resource::new(|| (), |_| my_caregivers())
}

/// The resource behind `AssistedList`, created by the page.
pub fn assisted_resource() -> Loaded<Assisted> {
    Resource::new(|| (), |_| assisted_patients())
}

/// On the account page: who can act for me, and a way to end it.
#[component]
pub fn MyCaregivers(caregivers: Loaded<CaregiverLine>) -> impl IntoView {
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                caregivers
                    .await
                    .ok()
                    .filter(|list| !list.is_empty())
                    .map(|list| {
                        view! {
                            <h2>{move_tr!("my-caregivers-title")}</h2>
                            <ul class="patient-list" data-testid="my-caregivers">
                                {list
                                    .into_iter()
                                    .map(|c| {
                                        view! {
                                            <li class="patient">
                                                <p class="patient-name">
                                                    {c.name.clone()} " "
                                                    <span class="badge">{tr(c.status.key())}</span>
                                                </p>
                                                <p>{line_details(&c)}</p>
                                                <p>
                                                    <A href=format!(
                                                        "/account/caregivers/{}/end",
                                                        c.grant_id,
                                                    )>
                                                        {move_tr!("caregiver-end")}
                                                        <span class="visually-hidden">
                                                            {format!(" – {}", c.name)}
                                                        </span>
                                                    </A>
                                                </p>
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

/// On the home page: the people I assist, each a way to act for them.
#[component]
pub fn AssistedList(assisted: Loaded<Assisted>) -> impl IntoView {
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                assisted
                    .await
                    .ok()
                    .filter(|list| !list.is_empty())
                    .map(|list| {
                        view! {
                            <h2>{move_tr!("assisted-title")}</h2>
                            <ul class="links">
                                {list
                                    .into_iter()
                                    .map(|a| {
                                        view! {
                                            <li>
                                                <A href=format!(
                                                    "/for/{}",
                                                    a.grant_id,
                                                )>
                                                    {move || {
                                                        expect_context::<leptos_fluent::I18n>()
                                                            .tr_with_args(
                                                                "act-for",
                                                                &[("name".into(), a.patient_name.clone().into())]
                                                                    .into_iter()
                                                                    .collect(),
                                                            )
                                                    }}
                                                </A>
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

/// Shown on every page under `/for/:grant`: for whom the caregiver is acting, and the switch.
#[component]
pub fn ActingBanner(grant: GrantId) -> impl IntoView {
    let grant_id = grant.get();
    let assisted = assisted_resource();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                assisted
                    .await
                    .ok()
                    .map(|list| {
                        let current = list.iter().find(|a| a.grant_id == grant_id).cloned();
                        view! {
                            <nav class="acting-for" aria-label=move_tr!("acting-switch")>
                                {current
                                    .map(|a| {
                                        let text = expect_context::<leptos_fluent::I18n>()
                                            .tr_with_args(
                                                "acting-for-banner",
                                                &[
                                                    ("name".into(), a.patient_name.clone().into()),
                                                    (
                                                        "relationship".into(),
                                                        tr(&format!("relationship-{}", a.relationship)).into(),
                                                    ),
                                                ]
                                                    .into_iter()
                                                    .collect(),
                                            );
                                        view! {
                                            <p class="acting-now" data-testid="acting-for">
                                                {text}
                                            </p>
                                        }
                                    })}
                                <ul>
                                    <li>
                                        <A href="/home">{move_tr!("my-file")}</A>
                                    </li>
                                    {list
                                        .into_iter()
                                        .filter(|a| a.grant_id != grant_id)
                                        .map(|a| {
                                            view! {
                                                <li>
                                                    <A href=format!(
                                                        "/for/{}",
                                                        a.grant_id,
                                                    )>{a.patient_name.clone()}</A>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </nav>
                        }
                    })
            })}
        </Suspense>
    }
}
