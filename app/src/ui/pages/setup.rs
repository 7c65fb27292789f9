//! Activating a staff account from its one-time link: password, then authenticator app; or, with a
//! renewal link, restoring the access an administrator reset.
use crate::api::auth::{setup_link, CheckSetupCode, CompleteSetup, SetupView};
use crate::ui::components::accept_terms::AcceptTermsBox;
use crate::ui::components::PageTitle;
use crate::ui::form::{action_error, error_for, Field, FormAlert, NewPassword, Submit};
use crate::ui::words::tr_with;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::hooks::use_params_map;

/// The page's words: activating a new account, or restoring the access an administrator reset.
#[derive(Clone, Copy)]
struct Words {
    title: &'static str,
    code_intro: &'static str,
    intro: &'static str,
    submit: &'static str,
}

impl Words {
    fn of(renewal: bool) -> Self {
        match renewal {
            false => Self {
                title: "setup-title",
                code_intro: "setup-code-intro",
                intro: "setup-intro",
                submit: "setup-submit",
            },
            true => Self {
                title: "setup-title-renewal",
                code_intro: "setup-code-intro-renewal",
                intro: "setup-intro-renewal",
                submit: "setup-submit-renewal",
            },
        }
    }
}

#[component]
pub fn Setup() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let check = ServerAction::<CheckSetupCode>::new();
    let link = Resource::new(move || (token(), check.version().get()), |(token, _)| setup_link(token));
    view! {
        <PageTitle title_key="setup-title" />
        <Suspense fallback=move || {
            view! { <p>{move_tr!("loading")}</p> }
        }>
            {move || Suspend::new(async move {
                match link.await {
                    Ok(
                        SetupView::Ready {
                            given_name,
                            organisation,
                            email,
                            totp_secret,
                            qr_svg_base64,
                            renewal,
                        },
                    ) => {
                        view! {
                            <SetupForm
                                token=token()
                                given_name
                                organisation
                                email
                                totp_secret
                                qr_svg_base64
                                renewal
                            />
                        }
                            .into_any()
                    }
                    Ok(SetupView::NeedsCode { given_name, organisation, renewal }) => {
                        view! { <CodeForm token=token() given_name organisation renewal check /> }.into_any()
                    }
                    Ok(SetupView::Void) => view! { <Unusable body=move_tr!("setup-void-body") /> }.into_any(),
                    Ok(SetupView::Expired) => {
                        view! { <Unusable body=move_tr!("setup-expired-body") /> }.into_any()
                    }
                    Ok(SetupView::Used) => view! { <Unusable body=move_tr!("setup-used-body") /> }.into_any(),
                    Ok(SetupView::Unknown) | Err(_) => {
                        view! { <Unusable body=move_tr!("setup-unknown-body") /> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn Unusable(body: Signal<String>) -> impl IntoView {
    view! {
        <h1>{move_tr!("setup-unusable-title")}</h1>
        <p>{body}</p>
    }
}

/// The first step of a link an administrator created: the secret code they handed over.
#[component]
fn CodeForm(
    token: String,
    given_name: String,
    organisation: String,
    renewal: bool,
    check: ServerAction<CheckSetupCode>,
) -> impl IntoView {
    let error = action_error(check);
    let words = Words::of(renewal);
    view! {
        <h1>{move || tr_with(words.title, &[])}</h1>
        <p>{move || tr_with(words.code_intro, &[("name", &given_name), ("organisation", &organisation)])}</p>
        <ActionForm action=check>
            <FormAlert error />
            <input type="hidden" name="token" value=token />
            <Field
                id="code"
                autocomplete="one-time-code"
                label=move_tr!("setup-code-label")
                hint=move_tr!("invitation-code-hint")
                posted=error
            />
            <Submit pending=check.pending()>{move_tr!("invitation-code-submit")}</Submit>
        </ActionForm>
    }
}

#[component]
fn SetupForm(
    token: String,
    given_name: String,
    organisation: String,
    email: String,
    totp_secret: String,
    qr_svg_base64: String,
    renewal: bool,
) -> impl IntoView {
    let action = ServerAction::<CompleteSetup>::new();
    let error = action_error(action);
    let qr_src = format!("data:image/svg+xml;base64,{qr_svg_base64}");
    let words = Words::of(renewal);
    view! {
        <h1>{move || tr_with(words.title, &[])}</h1>
        <p>{move || tr_with(words.intro, &[("name", &given_name), ("organisation", &organisation)])}</p>
        <ActionForm action=action>
            <FormAlert error />
            <input type="hidden" name="token" value=token />
            <div class="field">
                <label for="email">{move_tr!("setup-email-label")}</label>
                <input id="email" type="email" value=email readonly autocomplete="username" />
            </div>
            <NewPassword error=error />
            <fieldset class="totp">
                <legend>{move_tr!("setup-totp-title")}</legend>
                <p>{move_tr!("setup-totp-instructions")}</p>
                <img class="qr" src=qr_src alt=move_tr!("setup-totp-qr-alt") width="200" height="200" />
                <p>
                    {move_tr!("setup-totp-secret-label")} " " <code class="secret" data-testid="totp-secret">
                        {totp_secret}
                    </code>
                </p>
                <Field
                    id="code"
                    autocomplete="one-time-code"
                    inputmode="numeric"
                    label=move_tr!("setup-totp-code-label")
                    error=error_for(error, "code")
                />
            </fieldset>
            <AcceptTermsBox error />
            <Submit pending=action.pending()>{move || tr_with(words.submit, &[])}</Submit>
        </ActionForm>
    }
}
