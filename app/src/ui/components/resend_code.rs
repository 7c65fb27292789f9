//! "Send a new code" for an emailed verification code, at sign-in and when confirming identity.
use crate::actions::CodePurpose;
use crate::api::auth::ResendCode;
use crate::ui::form::{action_error, FormAlert, Submit};
use leptos::prelude::*;
use leptos_fluent::move_tr;

/// "Send a new code" for an emailed code, at sign-in (`sign_in`) or when confirming identity
/// (`reauth`).
#[component]
pub fn ResendCodeForm(purpose: CodePurpose) -> impl IntoView {
    let resend = ServerAction::<ResendCode>::new();
    let error = action_error(resend);
    let resent = Signal::derive(move || matches!(resend.value().get(), Some(Ok(true))));
    view! {
        <ActionForm action=resend>
            <FormAlert error />
            <input type="hidden" name="purpose" value=purpose.code() />
            <p role="status">{move || resent.get().then(|| move_tr!("sign-in-code-resent").get())}</p>
            <Submit pending=resend.pending() class="link-button">
                {move_tr!("sign-in-code-resend")}
            </Submit>
        </ActionForm>
    }
}
