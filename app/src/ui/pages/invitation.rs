//! What a patient sees after following the invitation email: the code step, then the account step.
use crate::api::invitation::{
    invitation_account, open_invitation, AddInvitationToMyAccount, CheckInvitationCode, CreatePatientAccount,
    ExistingAccount, InvitationStatus,
};
use crate::ui::components::accept_terms::AcceptTermsBox;
use crate::ui::components::privacy_notice::PrivacyNotice;
use crate::ui::components::PageTitle;
use crate::ui::form::{action_error, error_for, Field, FormAlert, Submit};
use crate::ui::route::route_token;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use leptos_router::components::Redirect;

#[component]
pub fn InvitationCode() -> impl IntoView {
    let token = route_token();
    let action = ServerAction::<CheckInvitationCode>::new();
    // Read again after each try, so a voided invitation shows its own page at once.
    let invitation = Resource::new(move || (token(), action.version().get()), |(t, _)| open_invitation(t));
    let error = action_error(action);
    view! {
        <PageTitle title_key="invitation-title" />
        <Suspense fallback=move || {
            view! { <p>{move_tr!("loading")}</p> }
        }>
            {move || Suspend::new(async move {
                match invitation.await {
                    Ok(Some(i)) if i.status == InvitationStatus::Pending => {
                        let (name, organisation) = (i.given_name.clone(), i.organisation.clone());
                        view! {
                            <h1>{move_tr!("invitation-title")}</h1>
                            <p>
                                {move || {
                                    tr!(
                                        "invitation-intro", { "name" => name.clone(), "organisation" => organisation.clone() }
                                    )
                                }}
                            </p>
                            <p>{move_tr!("invitation-code-explained")}</p>
                            <ActionForm action=action>
                                <FormAlert error />
                                <input type="hidden" name="token" value=token() />
                                <Field
                                    id="code"
                                    autocomplete="one-time-code"
                                    label=move_tr!("invitation-code-label")
                                    hint=move_tr!("invitation-code-hint")
                                    posted=error
                                />
                                <Submit pending=action.pending()>{move_tr!("invitation-code-submit")}</Submit>
                            </ActionForm>
                        }
                            .into_any()
                    }
                    Ok(Some(i)) => view! { <Unusable status=i.status /> }.into_any(),
                    _ => view! { <Unusable status=InvitationStatus::Replaced /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Expired, void, used or unknown links each get their own explanation and whom to contact.
#[component]
fn Unusable(status: InvitationStatus) -> impl IntoView {
    let (title, body) = match status {
        InvitationStatus::Expired => {
            (move_tr!("invitation-expired-title"), move_tr!("invitation-expired-body"))
        }
        InvitationStatus::Void => (move_tr!("invitation-void-title"), move_tr!("invitation-void-body")),
        InvitationStatus::Redeemed => (move_tr!("invitation-used-title"), move_tr!("invitation-used-body")),
        _ => (move_tr!("invitation-unknown-title"), move_tr!("invitation-unknown-body")),
    };
    view! {
        <h1>{title}</h1>
        <p>{body}</p>
    }
}

#[component]
pub fn InvitationAccount() -> impl IntoView {
    let token = route_token();
    let account = Resource::new(token, invitation_account);
    let action = ServerAction::<CreatePatientAccount>::new();
    let error = action_error(action);
    let password = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    // Checked as the person types (with JavaScript); the server checks again, always.
    let length = move || password.with(|p| p.chars().count());
    view! {
        <PageTitle title_key="invitation-account-title" />
        <Suspense fallback=move || {
            view! { <p>{move_tr!("loading")}</p> }
        }>
            {move || Suspend::new(async move {
                match account.await {
                    Ok(Some(new)) if new.existing == ExistingAccount::SignedIn => {
                        view! { <AddToMyAccount token=token() organisation=new.organisation.clone() /> }
                            .into_any()
                    }
                    Ok(Some(new)) if new.existing == ExistingAccount::SignInFirst => {
                        view! {
                            <h1>{move_tr!("invitation-existing-title")}</h1>
                            <p>{move_tr!("invitation-existing-body")}</p>
                            <p>
                                <a class="button" href="/sign-in">
                                    {move_tr!("home-sign-in")}
                                </a>
                            </p>
                        }
                            .into_any()
                    }
                    Ok(Some(new)) => {
                        let name = new.given_name.clone();
                        view! {
                            <h1>{move_tr!("invitation-account-title")}</h1>
                            <p>{move || tr!("invitation-account-intro", { "name" => name.clone() })}</p>
                            <PrivacyNotice />
                            <ActionForm action=action>
                                <FormAlert error />
                                <input type="hidden" name="token" value=token() />
                                <div class="field">
                                    <label for="email">{move_tr!("setup-email-label")}</label>
                                    <input
                                        id="email"
                                        type="email"
                                        value=new.email
                                        readonly
                                        autocomplete="username"
                                    />
                                </div>
                                <div
                                    class="field"
                                    class:field-invalid=move || error_for(error, "password").get().is_some()
                                >
                                    <label for="password">{move_tr!("setup-password-label")}</label>
                                    <p class="hint" id="password-hint">
                                        {move_tr!("setup-password-rules")}
                                    </p>
                                    {move || {
                                        error_for(error, "password")
                                            .get()
                                            .map(|m| {
                                                view! {
                                                    <p class="field-error" id="password-error">
                                                        {m}
                                                    </p>
                                                }
                                            })
                                    }}
                                    <input
                                        id="password"
                                        name="password"
                                        type="password"
                                        autocomplete="new-password"
                                        aria-required="true"
                                        aria-describedby="password-hint password-live"
                                        on:input=move |ev| password.set(event_target_value(&ev))
                                    />
                                    <p class="live" id="password-live" aria-live="polite">
                                        {move || {
                                            (length() > 0)
                                                .then(|| {
                                                    if length() < 12 {
                                                        tr!(
                                                            "password-live-short", { "count" => length().to_string() }
                                                        )
                                                    } else {
                                                        tr!("password-live-long-enough")
                                                    }
                                                })
                                        }}
                                    </p>
                                </div>
                                <div class="field">
                                    <label for="password_confirmation">
                                        {move_tr!("setup-password-confirm-label")}
                                    </label>
                                    <input
                                        id="password_confirmation"
                                        name="password_confirmation"
                                        type="password"
                                        autocomplete="new-password"
                                        aria-required="true"
                                        aria-describedby="confirmation-live"
                                        on:input=move |ev| confirmation.set(event_target_value(&ev))
                                    />
                                    <p class="live" id="confirmation-live" aria-live="polite">
                                        {move || {
                                            (!confirmation.get().is_empty()
                                                && confirmation.get() != password.get())
                                                .then(|| tr!("error-password-mismatch"))
                                        }}
                                    </p>
                                </div>
                                <AcceptTermsBox error />
                                <Submit pending=action
                                    .pending()>{move_tr!("invitation-account-submit")}</Submit>
                            </ActionForm>
                        }
                            .into_any()
                    }
                    _ => {
                        // No right code entered in this browser yet (or too long ago): back to the code step.
                        view! { <Redirect path=format!("/invitation/{}", token()) /> }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// One person, one account: an existing account gains the inviting organisation.
#[component]
fn AddToMyAccount(token: String, organisation: String) -> impl IntoView {
    let action = ServerAction::<AddInvitationToMyAccount>::new();
    let error = action_error(action);
    view! {
        <h1>{move_tr!("invitation-add-title")}</h1>
        <p>{move || tr!("invitation-add-body", { "organisation" => organisation.clone() })}</p>
        <ActionForm action=action>
            <FormAlert error />
            <input type="hidden" name="token" value=token />
            <Submit pending=action.pending()>{move_tr!("invitation-add-submit")}</Submit>
        </ActionForm>
    }
}
