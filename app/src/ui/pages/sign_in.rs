//! Sign-in in two steps: email and password, then a verification code (by email, or from an
//! authenticator app).
use crate::actions::CodePurpose;
use crate::api::auth::{sign_in_challenge, SignIn as SignInFn, VerifySignIn};
use crate::states::Method;
use crate::ui::components::code_step::{code_label, code_step_text};
use crate::ui::components::passkeys::PasskeySignIn;
use crate::ui::components::resend_code::ResendCodeForm;
use crate::ui::components::PageTitle;
use crate::ui::form::{action_error, error_for, Field, FormAlert, Submit};
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::{Redirect, A};

#[component]
pub fn SignIn() -> impl IntoView {
    let action = ServerAction::<SignInFn>::new();
    let error = action_error(action);
    let query = leptos_router::hooks::use_query_map();
    let reset_done = move || query.read().get("reset").is_some();
    let after_idle = move || query.read().get("reason").as_deref() == Some("idle");
    // The page a signed-out visit was sent here from, to return to once signed in.
    let next = move || query.read().get("next").unwrap_or_default();
    view! {
        <PageTitle title_key="sign-in-title" />
        <h1>{move_tr!("sign-in-title")}</h1>
        {move || {
            after_idle()
                .then(|| {
                    view! {
                        <p class="notice" role="status">
                            {move_tr!("signed-out-idle")}
                        </p>
                    }
                })
        }}
        <p>{move_tr!("sign-in-intro")}</p>
        <ActionForm action=action>
            <FormAlert error />
            <input type="hidden" name="next" value=next />
            <Field
                id="email"
                kind="email"
                autocomplete="username"
                inputmode="email"
                label=move_tr!("sign-in-email-label")
                posted=error
            />
            <Field
                id="password"
                kind="password"
                autocomplete="current-password"
                label=move_tr!("sign-in-password-label")
            />
            <Submit pending=action.pending()>{move_tr!("sign-in-next")}</Submit>
        </ActionForm>
        <PasskeySignIn next=Signal::derive(next) />
        <p role="status">{move || reset_done().then(|| move_tr!("reset-done").get())}</p>
        <p>
            <A href="/forgot-password">{move_tr!("forgot-link")}</A>
        </p>
    }
}

#[component]
pub fn SignInCode() -> impl IntoView {
    let verify = ServerAction::<VerifySignIn>::new();
    let challenge = Resource::new(|| (), |_| sign_in_challenge());
    let error = action_error(verify);
    view! {
        <PageTitle title_key="sign-in-code-title" />
        <Suspense fallback=move || {
            view! { <p>{move_tr!("loading")}</p> }
        }>
            {move || Suspend::new(async move {
                match challenge.await {
                    Ok(Some(method)) => {
                        let by_email = method == Method::Email;
                        view! {
                            <h1>{move_tr!("sign-in-code-title")}</h1>
                            <p>{code_step_text(method)}</p>
                            <ActionForm action=verify>
                                <FormAlert error />
                                {if by_email {
                                    view! {
                                        <Field
                                            id="code"
                                            autocomplete="one-time-code"
                                            inputmode="numeric"
                                            label=move_tr!("sign-in-code-label")
                                            error=error_for(error, "code")
                                        />
                                    }
                                        .into_any()
                                } else {
                                    // Letters too: a recovery code replaces the app's code when the phone is lost.
                                    view! {
                                        <Field
                                            id="code"
                                            autocomplete="one-time-code"
                                            label=code_label(method)
                                            hint=move_tr!("sign-in-code-recovery-hint")
                                            error=error_for(error, "code")
                                        />
                                    }
                                        .into_any()
                                }}
                                <Submit pending=verify.pending()>{move_tr!("sign-in-code-verify")}</Submit>
                            </ActionForm>
                            {by_email.then(|| view! { <ResendCodeForm purpose=CodePurpose::SignIn /> })}
                        }
                            .into_any()
                    }
                    _ => view! { <Redirect path="/sign-in" /> }.into_any(),
                }
            })}
        </Suspense>
        <p>
            <A href="/sign-in">{move_tr!("sign-in-title")}</A>
        </p>
    }
}
