//! Passkeys on the pages: the sign-in button, the confirm-who-you-are button, and one's own list
//! with the form that adds one. WebAuthn needs JavaScript and a browser that can make passkeys:
//! the buttons and the adding form appear only then; removing one is a plain form.
use crate::api::passkeys::{
    finish_passkey_reauth, finish_passkey_registration, finish_passkey_sign_in, my_passkeys,
    start_passkey_reauth, start_passkey_registration, start_passkey_sign_in, RemovePasskey,
};
use crate::api::ApiError;
use crate::ui::form::{action_error, error_for, Field, FormAlert, Submit};
use crate::ui::webauthn;
use crate::ui::words::{long_date_time, tr, tr_with};
use leptos::prelude::*;
use leptos_fluent::move_tr;

/// A sign-in with a passkey, in its own chunk: the sign-in page's first visit carries no WebAuthn.
#[lazy]
async fn sign_in_with_passkey(next: String) -> Result<String, ApiError> {
    let options = start_passkey_sign_in().await?;
    let response = webauthn::get(&options).await?;
    finish_passkey_sign_in(response, next).await
}

/// A page load, so the header and everything else show the person now signed in.
fn load(path: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_href(path);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = path;
}

/// Whether the page is live in a browser that can use passkeys (never on the server's render).
fn passkeys_here() -> ReadSignal<bool> {
    let (here, set_here) = signal(false);
    // Effects run only in the browser.
    Effect::new(move || set_here.set(webauthn::supported()));
    here
}

/// A button that runs a passkey ceremony, says it is working (the device's own dialog is on
/// top), shows why it failed, and loads the page it answers.
#[component]
fn CeremonyButton(
    action: Action<String, Result<String, ApiError>>,
    #[prop(into)] input: Signal<String>,
    label: &'static str,
) -> impl IntoView {
    let pending = action.pending();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    Effect::new(move || {
        if let Some(Ok(to)) = action.value().get() {
            load(&to);
        }
    });
    view! {
        <FormAlert error />
        <button
            type="button"
            class="button secondary"
            class:is-pending=move || pending.get()
            aria-disabled=move || pending.get().then_some("true")
            on:click=move |_| {
                if !pending.get_untracked() {
                    action.dispatch_local(input.get_untracked());
                }
            }
        >
            {move || tr(label)}
        </button>
        <span class="visually-hidden" role="status">
            {move || pending.get().then(|| move_tr!("passkey-working").get())}
        </span>
    }
}

/// "Sign in with a passkey", under the email and password form; `next` as that form's.
#[component]
pub fn PasskeySignIn(#[prop(into)] next: Signal<String>) -> impl IntoView {
    let here = passkeys_here();
    let action = Action::new_local(|next: &String| sign_in_with_passkey(next.clone()));
    move || {
        here.get().then(|| {
            view! {
                <section class="passkey" aria-labelledby="passkey-sign-in">
                    <h2 id="passkey-sign-in" class="visually-hidden">
                        {move_tr!("passkey-sign-in")}
                    </h2>
                    <p>{move_tr!("passkey-sign-in-or")}</p>
                    <CeremonyButton action input=next label="passkey-sign-in" />
                </section>
            }
        })
    }
}

async fn reauth_with_passkey(next: String) -> Result<String, ApiError> {
    let options = start_passkey_reauth().await?;
    let response = webauthn::get(&options).await?;
    finish_passkey_reauth(response, next).await
}

/// "Confirm with a passkey", beside the password on the confirm-who-you-are page.
#[component]
pub fn PasskeyReauth(#[prop(into)] next: Signal<String>) -> impl IntoView {
    let here = passkeys_here();
    let action = Action::new_local(|next: &String| reauth_with_passkey(next.clone()));
    move || here.get().then(|| view! { <CeremonyButton action input=next label="passkey-reauth" /> })
}

async fn add_passkey(name: String) -> Result<(), ApiError> {
    let options = start_passkey_registration(name).await?;
    let response = webauthn::create(&options).await?;
    finish_passkey_registration(response).await
}

/// One's passkeys, each removable, and (live, in a browser that can) the form that adds one.
#[component]
pub fn MyPasskeys(#[prop(into)] saved: Signal<Option<String>>) -> impl IntoView {
    let here = passkeys_here();
    let add = Action::new_local(|name: &String| add_passkey(name.clone()));
    let remove = ServerAction::<RemovePasskey>::new();
    let list = Resource::new(move || (add.version().get(), remove.version().get()), |_| my_passkeys());
    let add_error = Signal::derive(move || add.value().get().and_then(Result::err));
    let remove_error = action_error(remove);
    let added = move || matches!(add.value().get(), Some(Ok(())));
    let notice = move || match (added(), saved.get().as_deref()) {
        (true, _) => Some(tr("account-saved-passkey-added")),
        (_, Some("passkey-removed")) => Some(tr("account-saved-passkey-removed")),
        _ => None,
    };
    let form = NodeRef::<leptos::html::Form>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(name) = form.get_untracked().and_then(|form| typed_name(&form)) {
            if !add.pending().get_untracked() {
                add.dispatch_local(name);
            }
        }
    };
    Effect::new(move || {
        if added() {
            if let Some(form) = form.get_untracked() {
                form.reset();
            }
        }
    });
    view! {
        <h2>{move_tr!("passkeys-title")}</h2>
        <p>{move_tr!("passkeys-intro")}</p>
        <p class="notice" role="status">
            {notice}
        </p>
        <FormAlert error=remove_error />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let passkeys = list.await.unwrap_or_default();
                if passkeys.is_empty() {
                    return view! { <p>{move_tr!("passkeys-none")}</p> }.into_any();
                }
                view! {
                    <ul class="passkeys" aria-label=move || tr("passkeys-list")>
                        {passkeys
                            .into_iter()
                            .map(|passkey| {
                                let used = match passkey.last_used {
                                    Some(at) => tr_with("passkey-used-on", &[("date", &long_date_time(at))]),
                                    None => tr("passkey-never-used"),
                                };
                                let remove_label = tr_with("passkey-remove", &[("passkey", &passkey.name)]);
                                view! {
                                    <li>
                                        <strong>{passkey.name.clone()}</strong>
                                        <span>
                                            {tr_with(
                                                "passkey-added-on",
                                                &[("date", &long_date_time(passkey.added))],
                                            )}
                                        </span>
                                        <span>{used}</span>
                                        <ActionForm action=remove>
                                            <input
                                                type="hidden"
                                                name="passkey"
                                                value=passkey.id.to_string()
                                            />
                                            <Submit pending=remove.pending() class="button secondary">
                                                <span aria-hidden="true">{tr("remove")}</span>
                                                <span class="visually-hidden">{remove_label}</span>
                                            </Submit>
                                        </ActionForm>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            })}
        </Suspense>
        {move || {
            here.get()
                .then(|| {
                    view! {
                        <form node_ref=form on:submit=submit>
                            <FormAlert error=add_error />
                            <Field
                                id="name"
                                label=move_tr!("passkey-name-label")
                                hint=move_tr!("passkey-name-hint")
                                error=error_for(add_error, "name")
                            />
                            <Submit pending=add.pending()>{move_tr!("passkey-add")}</Submit>
                        </form>
                    }
                })
        }}
    }
}

/// The name the person typed in the adding form.
fn typed_name(form: &leptos::web_sys::HtmlFormElement) -> Option<String> {
    #[cfg(feature = "hydrate")]
    return leptos::web_sys::FormData::new_with_form(form).ok()?.get("name").as_string();
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = form;
        None
    }
}
