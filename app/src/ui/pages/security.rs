//! Changes that need the person to prove again who they are (password + code, within 5
//! minutes): email, password, verification method, recovery codes. Also the pages a
//! confirmation link or a "it was not me" link lead to.
use crate::actions::CodePurpose;
use crate::api::account::{
    email_change_link, my_account, reauth_state, take_recovery_codes, ChangePassword, ConfirmEmailChange,
    ConfirmReauth, NewRecoveryCodes, ReportEmailChange, RequestEmailChange, StartReauth, UseEmailCodes,
};
use crate::states::Method;
use crate::ui::components::after_reauth::AfterReauth;
use crate::ui::components::code_step::{code_label, code_step_text, method_name};
use crate::ui::components::passkeys::{MyPasskeys, PasskeyReauth};
use crate::ui::components::profile::recovery_codes_text;
use crate::ui::components::resend_code::ResendCodeForm;
use crate::ui::components::{Loaded, PageTitle};
use crate::ui::form::{action_error, error_for, failure, Field, FormAlert, NewPassword, Submit};
use crate::ui::route::route_token;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// Re-authentication: the password, then the code (by email or from the app, or a recovery code).
#[component]
pub fn ConfirmIdentity() -> impl IntoView {
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_else(|| "/account".into());
    let start = ServerAction::<StartReauth>::new();
    let confirm = ServerAction::<ConfirmReauth>::new();
    let state = Resource::new(move || start.version().get(), |_| reauth_state());
    let (start_error, confirm_error) = (action_error(start), action_error(confirm));
    view! {
        <PageTitle title_key="reauth-title" />
        <h1>{move_tr!("reauth-title")}</h1>
        <Loaded data=state let:view_state>
            {match view_state.awaiting {
                Some(method) => {
                    let by_email = method == Method::Email;
                    let by_passkey = method == Method::Passkey && view_state.passkeys;
                    // Staff whose way in is a passkey: it confirms here too; a recovery code if lost.
                    view! {
                        <p>
                            {if by_passkey {
                                move_tr!("reauth-code-passkey")
                            } else {
                                code_step_text(method)
                            }}
                        </p>
                        {by_passkey.then(|| view! { <PasskeyReauth next=Signal::derive(next) /> })}
                        <ActionForm action=confirm>
                            <FormAlert error=confirm_error />
                            <input type="hidden" name="next" value=next() />
                            <Field
                                id="code"
                                autocomplete="one-time-code"
                                label=code_label(method)
                                hint=move_tr!("sign-in-code-recovery-hint")
                                error=error_for(confirm_error, "code")
                            />
                            <Submit pending=confirm.pending()>{move_tr!("reauth-verify")}</Submit>
                        </ActionForm>
                        {by_email.then(|| view! { <ResendCodeForm purpose=CodePurpose::Reauth /> })}
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <p>{move_tr!("reauth-intro")}</p>
                        <ActionForm action=start>
                            <FormAlert error=start_error />
                            <input type="hidden" name="next" value=next() />
                            <Field
                                id="password"
                                kind="password"
                                autocomplete="current-password"
                                label=move_tr!("sign-in-password-label")
                                error=error_for(start_error, "password")
                            />
                            <Submit pending=start.pending()>{move_tr!("sign-in-next")}</Submit>
                        </ActionForm>
                        {view_state.passkeys.then(|| view! { <PasskeyReauth next=Signal::derive(next) /> })}
                    }
                        .into_any()
                }
            }}
        </Loaded>
        <p>
            <A href="/account">{move_tr!("back-to-account")}</A>
        </p>
    }
}

#[component]
pub fn ChangeEmail() -> impl IntoView {
    let action = ServerAction::<RequestEmailChange>::new();
    let error = action_error(action);
    view! {
        <PageTitle title_key="email-change-title" />
        <h1>{move_tr!("email-change-title")}</h1>
        <AfterReauth next="/account/email">
            <p>{move_tr!("email-change-intro")}</p>
            <ActionForm action=action>
                <FormAlert error />
                <Field
                    id="email"
                    kind="email"
                    inputmode="email"
                    autocomplete="email"
                    label=move_tr!("email-change-new")
                    posted=error
                />
                <Submit pending=action.pending()>{move_tr!("email-change-submit")}</Submit>
            </ActionForm>
        </AfterReauth>
    }
}

#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    let action = ServerAction::<ChangePassword>::new();
    let error = action_error(action);
    view! {
        <PageTitle title_key="password-change-title" />
        <h1>{move_tr!("password-change-title")}</h1>
        <AfterReauth next="/account/password">
            <p>{move_tr!("password-change-intro")}</p>
            <ActionForm action=action>
                <FormAlert error />
                <NewPassword error=error />
                <Submit pending=action.pending()>{move_tr!("password-change-submit")}</Submit>
            </ActionForm>
        </AfterReauth>
    }
}

/// How the second step of sign-in is answered, and the recovery codes.
#[component]
pub fn SecurityMethods() -> impl IntoView {
    let use_email = ServerAction::<UseEmailCodes>::new();
    let regenerate = ServerAction::<NewRecoveryCodes>::new();
    let account = Resource::new(|| (), |_| my_account());
    let (email_error, codes_error) = (action_error(use_email), action_error(regenerate));
    let query = use_query_map();
    let saved = Signal::derive(move || query.read().get("saved"));
    view! {
        <PageTitle title_key="security-title" />
        <h1>{move_tr!("security-title")}</h1>
        <AfterReauth next="/account/security">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    account
                        .await
                        .ok()
                        .map(|me| {
                            let totp = me.method == Method::Totp;
                            let leave_app = if me.strong_factor_required {
                                move_tr!("security-remove-app")
                            } else {
                                move_tr!("security-use-email")
                            };
                            view! {
                                <h2>{move_tr!("account-method")}</h2>
                                <p>{method_name(me.method)}</p>
                                {if totp {
                                    view! {
                                        <ActionForm action=use_email>
                                            <FormAlert error=email_error />
                                            <Submit pending=use_email.pending()>{leave_app}</Submit>
                                        </ActionForm>
                                    }
                                        .into_any()
                                } else {
                                    view! {
                                        <p>
                                            <A href="/account/authenticator">
                                                {move_tr!("authenticator-link")}
                                            </A>
                                        </p>
                                    }
                                        .into_any()
                                }}
                                <MyPasskeys saved=saved />
                                <h2>{move_tr!("security-recovery-title")}</h2>
                                <p>{move_tr!("security-recovery-intro")}</p>
                                <p>{recovery_codes_text(me.recovery_codes_left)}</p>
                                <ActionForm action=regenerate>
                                    <FormAlert error=codes_error />
                                    <Submit pending=regenerate
                                        .pending()>{move_tr!("security-recovery-generate")}</Submit>
                                </ActionForm>
                            }
                        })
                })}
            </Suspense>
        </AfterReauth>
    }
}

/// The ten codes, shown once, with a text-file download.
#[component]
pub fn RecoveryCodes() -> impl IntoView {
    let codes = Resource::new(|| (), |_| take_recovery_codes());
    view! {
        <PageTitle title_key="security-recovery-title" />
        <h1>{move_tr!("security-recovery-title")}</h1>
        <Suspense fallback=move || {
            view! { <p>{move_tr!("loading")}</p> }
        }>
            {move || Suspend::new(async move {
                match codes.await {
                    Ok(codes) if !codes.is_empty() => {
                        let file = format!("Portail\n\n{}\n", codes.join("\n"));
                        let href = format!("data:text/plain;charset=utf-8,{}", percent_encode(&file));
                        view! {
                            <p role="status">{move_tr!("recovery-codes-shown-once")}</p>
                            <ol class="recovery-codes" data-testid="recovery-codes">
                                {codes
                                    .into_iter()
                                    .map(|c| {
                                        view! {
                                            <li>
                                                <code>{c}</code>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ol>
                            <p>
                                <a class="button" href=href download="portail-recovery-codes.txt">
                                    {move_tr!("recovery-codes-download")}
                                </a>
                            </p>
                        }
                            .into_any()
                    }
                    Ok(_) => view! { <p>{move_tr!("recovery-codes-gone")}</p> }.into_any(),
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
        <p>
            <A href="/account">{move_tr!("back-to-account")}</A>
        </p>
    }
}

/// Percent-encodes text for a `data:` URL (the same on the server and in the browser).
fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b == b'-' {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Where the link sent to a new address leads: confirm it (a POST; opening the link changes nothing).
#[component]
pub fn EmailChangeConfirm() -> impl IntoView {
    let token = route_token();
    let link = Resource::new(token, email_change_link);
    let action = ServerAction::<ConfirmEmailChange>::new();
    let error = action_error(action);
    view! {
        <PageTitle title_key="email-confirm-title" />
        <h1>{move_tr!("email-confirm-title")}</h1>
        <Suspense fallback=move || {
            view! { <p>{move_tr!("loading")}</p> }
        }>
            {move || Suspend::new(async move {
                match link.await {
                    Ok(Some(email)) => {
                        view! {
                            <p>{move_tr!("email-confirm-intro", { "email" => email.clone() })}</p>
                            <ActionForm action=action>
                                <FormAlert error />
                                <input type="hidden" name="token" value=token() />
                                <Submit pending=action.pending()>{move_tr!("email-confirm-submit")}</Submit>
                            </ActionForm>
                        }
                            .into_any()
                    }
                    _ => view! { <p>{move_tr!("error-email-change-unusable")}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Where the notice to the old address leads: "it was not me".
#[component]
pub fn EmailChangeReport() -> impl IntoView {
    let token = route_token();
    let action = ServerAction::<ReportEmailChange>::new();
    let error = action_error(action);
    view! {
        <PageTitle title_key="email-report-title" />
        <h1>{move_tr!("email-report-title")}</h1>
        <p>{move_tr!("email-report-intro")}</p>
        <ActionForm action=action>
            <FormAlert error />
            <input type="hidden" name="token" value=token />
            <Submit pending=action.pending()>{move_tr!("email-report-submit")}</Submit>
        </ActionForm>
    }
}

/// After confirming a new address: sign in with it.
#[component]
pub fn EmailChanged() -> impl IntoView {
    view! {
        <PageTitle title_key="email-changed-title" />
        <h1>{move_tr!("email-changed-title")}</h1>
        <p role="status">{move_tr!("email-changed-body")}</p>
        <p>
            <A href="/sign-in">{move_tr!("sign-in-title")}</A>
        </p>
    }
}

/// After "it was not me": the change is stopped and every session ended.
#[component]
pub fn EmailChangeReported() -> impl IntoView {
    view! {
        <PageTitle title_key="email-reported-title" />
        <h1>{move_tr!("email-reported-title")}</h1>
        <p role="status">{move_tr!("email-reported-body")}</p>
        <p>
            <A href="/forgot-password">{move_tr!("forgot-title")}</A>
        </p>
    }
}
