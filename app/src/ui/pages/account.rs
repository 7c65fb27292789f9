//! Account settings, reached by clicking one's name in the header: details and active sessions.
use super::PageTitle;
use crate::api::auth::my_account;
use crate::ui::form::failure;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;

#[component]
pub fn Account() -> impl IntoView {
    let account = Resource::new(|| (), |_| my_account());
    view! {
        <PageTitle title_key="account-title" />
        <h1>{move_tr!("account-title")}</h1>
        <Suspense fallback=move || view! { <p>{move_tr!("loading")}</p> }>
            {move || Suspend::new(async move {
                match account.await {
                    Ok(me) => view! {
                        <h2>{move_tr!("account-details")}</h2>
                        <dl class="contact">
                            <dt>{move_tr!("account-name")}</dt>
                            <dd>{format!("{} {}", me.given_name, me.family_name)}</dd>
                            <dt>{move_tr!("account-email")}</dt>
                            <dd>{me.email.clone()}</dd>
                            <dt>{move_tr!("account-language")}</dt>
                            <dd>{me.language.clone()}</dd>
                        </dl>
                        <p class="hint">{move_tr!("account-record-note")}</p>
                        <p><A href="/account/authenticator">{move_tr!("authenticator-link")}</A></p>
                        <h2>{move_tr!("account-sessions")}</h2>
                        <ul class="patient-list">
                            {me.sessions.into_iter().map(|s| view! {
                                <li class="patient">
                                    <p class="patient-name">{s.device.clone()}
                                        {s.current.then(|| view! { " " <span class="badge">{move_tr!("account-this-device")}</span> })}
                                    </p>
                                    <p>{move_tr!("account-ip")} " " {s.ip.clone()} " · " {move_tr!("account-last-seen")} " " {s.last_seen.clone()}</p>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
    }
}
