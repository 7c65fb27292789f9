//! Account settings, reached by clicking one's name in the header. Editable details have a pencil
//! button that opens the field's form in place (`?edit=field`, so it works without JavaScript);
//! record details are read-only; sign-in security and sessions follow.
use crate::api::account::{my_account, EndOtherSessions, EndSession};
use crate::api::profile::{AccountView, SaveProfile};
use crate::ui::components::caregivers::{my_caregivers_resource, MyCaregivers};
use crate::ui::components::code_step::method_name;
use crate::ui::components::profile::{recovery_codes_text, saved_message, Details};
use crate::ui::components::{Loaded, PageTitle};
use crate::ui::form::Submit;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn Account() -> impl IntoView {
    let save = ServerAction::<SaveProfile>::new();
    let end_session = ServerAction::<EndSession>::new();
    let end_others = ServerAction::<EndOtherSessions>::new();
    let query = use_query_map();
    let account = Resource::new(
        move || {
            (
                query.read().get("saved"),
                save.version().get(),
                end_session.version().get(),
                end_others.version().get(),
            )
        },
        |_| my_account(),
    );
    let caregivers = my_caregivers_resource();
    // A new interface language: the page is loaded again, drawn by the server in that language
    // with its words (the browser holds only the page's language, `i18n::browser_words`).
    // Without JavaScript the server's answer is that same page load.
    Effect::new(move || {
        if let Some(Ok(Some(_))) = save.value().get() {
            #[cfg(feature = "hydrate")]
            if let Some(window) = leptos::web_sys::window() {
                let page =
                    format!("/account?saved={}", crate::actions::ProfileField::InterfaceLanguage.code());
                let _ = window.location().assign(&page);
            }
        }
    });
    let saved = move || query.read().get("saved").map(|field| saved_message(&field));
    view! {
        <PageTitle title_key="account-title" />
        <h1>{move_tr!("account-title")}</h1>
        <p role="status" class="status">
            {move || saved().map(|key| expect_context::<leptos_fluent::I18n>().tr(key))}
        </p>
        <Loaded data=account let:me>
            {
                view! {
                    <Details me=me.clone() save base="/account".into() grant=None />
                    <Security me=me.clone() />
                    <Sessions me end_session end_others />
                }
            }
        </Loaded>
        <MyCaregivers caregivers />
        <h2>{move_tr!("account-my-data")}</h2>
        <ul class="links">
            <li>
                <A href="/account/organisations">{move_tr!("organisations-title")}</A>
            </li>
            <li>
                <A href="/account/access-log">{move_tr!("access-log-title")}</A>
            </li>
            <li>
                <a href="/account/export" download="portail-export.json">
                    {move_tr!("account-export")}
                </a>
            </li>
            <li>
                <A href="/account/close">{move_tr!("close-account-link")}</A>
            </li>
        </ul>
    }
}

#[component]
fn Security(me: AccountView) -> impl IntoView {
    let method = method_name(me.method);
    view! {
        <h2>{move_tr!("account-security")}</h2>
        <dl class="settings">
            <div class="setting">
                <dt>{move_tr!("account-email")}</dt>
                <dd>
                    <span data-testid="value-email">{me.email.clone()}</span>
                    " "
                    <A href="/account/email" attr:class="edit-button">
                        {move_tr!("change")}
                        <span class="visually-hidden">" : " {move_tr!("account-email")}</span>
                    </A>
                    {me
                        .pending_email
                        .clone()
                        .map(|pending| {
                            view! {
                                <p class="hint">
                                    {move_tr!("account-email-pending", { "email" => pending.clone() })}
                                </p>
                            }
                        })}
                </dd>
            </div>
            <div class="setting">
                <dt>{move_tr!("account-password")}</dt>
                <dd>
                    "••••••••••••" " "
                    <A href="/account/password" attr:class="edit-button">
                        {move_tr!("change")}
                        <span class="visually-hidden">" : " {move_tr!("account-password")}</span>
                    </A>
                </dd>
            </div>
            <div class="setting">
                <dt>{move_tr!("account-method")}</dt>
                <dd>
                    <span data-testid="value-method">{method}</span>
                    " "
                    <A href="/account/security" attr:class="edit-button">
                        {move_tr!("manage")}
                        <span class="visually-hidden">" : " {move_tr!("account-method")}</span>
                    </A>
                    <p class="hint">{recovery_codes_text(me.recovery_codes_left)}</p>
                </dd>
            </div>
        </dl>
    }
}

#[component]
fn Sessions(
    me: AccountView,
    end_session: ServerAction<EndSession>,
    end_others: ServerAction<EndOtherSessions>,
) -> impl IntoView {
    let others = me.sessions.iter().filter(|s| !s.current).count();
    view! {
        <h2>{move_tr!("account-sessions")}</h2>
        <ul class="patient-list">
            {me
                .sessions
                .into_iter()
                .map(|s| {
                    view! {
                        <li class="patient">
                            <p class="patient-name">
                                {s.device.clone()}
                                {s
                                    .current
                                    .then(|| {
                                        view! {
                                            " "
                                            <span class="badge">{move_tr!("account-this-device")}</span>
                                        }
                                    })}
                            </p>
                            <p>
                                {move_tr!("account-ip")} " " {s.ip.clone()} " · "
                                {move_tr!("account-last-seen")} " "
                                {move || crate::ui::words::long_date_time(s.last_seen)}
                            </p>
                            {(!s.current)
                                .then(|| {
                                    view! {
                                        <ActionForm action=end_session>
                                            <input type="hidden" name="id" value=s.id />
                                            <Submit pending=end_session.pending() class="link-button">
                                                {move_tr!("account-end-session")}
                                                <span class="visually-hidden">" : " {s.device.clone()}</span>
                                            </Submit>
                                        </ActionForm>
                                    }
                                })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        {(others > 0)
            .then(|| {
                view! {
                    <ActionForm action=end_others>
                        <Submit pending=end_others.pending()>{move_tr!("account-end-others")}</Submit>
                    </ActionForm>
                }
            })}
    }
}
