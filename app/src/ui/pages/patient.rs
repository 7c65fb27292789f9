//! The patient's home page after sign-in.
use crate::api::auth::me;
use crate::api::messages::{my_conversations, ConversationLine};
use crate::api::organisations::suspended_care;
use crate::ui::components::caregivers::{assisted_resource, AssistedList};
use crate::ui::components::suspended::SuspendedNotices;
use crate::ui::components::PageTitle;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use leptos_router::components::{Redirect, A};

#[component]
pub fn PatientHome() -> impl IntoView {
    let person = Resource::new(|| (), |_| me());
    let assisted = assisted_resource();
    let suspended = Resource::new(|| (), |_| suspended_care());
    view! {
        <PageTitle title_key="patient-home-title" />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let organisations = suspended.await.unwrap_or_default();
                view! { <SuspendedNotices organisations message_key="patient-organisation-suspended" /> }
            })}
        </Suspense>
        // No placeholder: the server renders this page whole, and an in-app visit shows it once
        // its data is there rather than a "Loading…" line first.
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match person.await {
                    Ok(Some(person)) => {
                        let name = person.given_name.clone();
                        view! {
                            <h1>{move || tr!("patient-greeting", { "name" => name.clone() })}</h1>
                            <p>{move_tr!("patient-home-intro")}</p>
                            <p>
                                <A href="/messages" attr:class="button">
                                    {move_tr!("messages-title")}
                                </A>
                                " "
                                {(person.unread_messages > 0)
                                    .then(|| {
                                        move_tr!("messages-unread", { "count" => person.unread_messages })
                                    })}
                            </p>
                            <p>
                                <A href="/questionnaires" attr:class="button">
                                    {move_tr!("questionnaires-title")}
                                </A>
                            </p>
                            <p>
                                <A href="/account/authenticator">{move_tr!("authenticator-link")}</A>
                            </p>
                        }
                            .into_any()
                    }
                    _ => view! { <Redirect path="/sign-in" /> }.into_any(),
                }
            })}
        </Suspense>
        <RecentByOrganisation />
        <AssistedList assisted />
    }
}

/// The latest conversations, grouped by the organisation they are with: a patient followed by
/// a hospital and a clinic sees each apart.
#[component]
fn RecentByOrganisation() -> impl IntoView {
    let recent = Resource::new(|| (), |_| my_conversations(None, String::new(), 1));
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                recent
                    .await
                    .ok()
                    .filter(|list| !list.lines.is_empty())
                    .map(|list| {
                        let mut groups: Vec<(String, Vec<ConversationLine>)> = Vec::new();
                        for line in list.lines {
                            match groups
                                .iter_mut()
                                .find(|(organisation, _)| *organisation == line.organisation)
                            {
                                Some((_, lines)) => lines.push(line),
                                None => groups.push((line.organisation.clone(), vec![line])),
                            }
                        }
                        view! {
                            <h2>{move_tr!("patient-home-recent")}</h2>
                            {groups
                                .into_iter()
                                .map(|(organisation, lines)| {
                                    view! {
                                        <section
                                            class="organisation"
                                            aria-label=organisation.clone()
                                            data-testid="recent-organisation"
                                        >
                                            <h3>{organisation.clone()}</h3>
                                            <ul class="links">
                                                {lines
                                                    .into_iter()
                                                    .map(|c| {
                                                        view! {
                                                            <li>
                                                                <A href=format!(
                                                                    "/messages/{}",
                                                                    c.id,
                                                                )>{c.subject.clone()}</A>
                                                                " · "
                                                                {c.team.clone()}
                                                                {c
                                                                    .unread
                                                                    .then(|| {
                                                                        view! {
                                                                            " "
                                                                            <span class="badge">{move_tr!("message-new")}</span>
                                                                        }
                                                                    })}
                                                            </li>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </ul>
                                        </section>
                                    }
                                })
                                .collect_view()}
                        }
                    })
            })}
        </Suspense>
    }
}
