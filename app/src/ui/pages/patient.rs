//! The patient's home page after sign-in.
use super::PageTitle;
use crate::api::auth::me;
use crate::ui::components::caregivers::{assisted_resource, AssistedList};
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use leptos_router::components::{Redirect, A};

#[component]
pub fn PatientHome() -> impl IntoView {
    let person = Resource::new(|| (), |_| me());
    let assisted = assisted_resource();
    view! {
        <PageTitle title_key="patient-home-title" />
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
                                <A href="/messages" attr:class="button">{move_tr!("messages-title")}</A>
                                " " {(person.unread_messages > 0).then(|| move_tr!("messages-unread", { "count" => person.unread_messages }))}
                            </p>
                            <p><A href="/account/authenticator">{move_tr!("authenticator-link")}</A></p>
                        }.into_any()
                    }
                    _ => view! { <Redirect path="/sign-in" /> }.into_any(),
                }
            })}
        </Suspense>
        <AssistedList assisted />
    }
}
