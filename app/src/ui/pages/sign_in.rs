//! Staff sign-in: email, password and authenticator code.
use super::PageTitle;
use crate::api::auth::SignIn as SignInFn;
use crate::ui::form::{action_error, error_for, kept, Field, FormAlert};
use leptos::prelude::*;
use leptos_fluent::move_tr;

#[component]
pub fn SignIn() -> impl IntoView {
    let action = ServerAction::<SignInFn>::new();
    let error = action_error(action);
    view! {
        <PageTitle title_key="sign-in-title" />
        <h1>{move_tr!("sign-in-title")}</h1>
        <p>{move_tr!("sign-in-intro")}</p>
        <ActionForm action=action>
            <FormAlert error />
            <Field id="email" kind="email" autocomplete="username" inputmode="email"
                label=move_tr!("sign-in-email-label") value=kept(error, "email") error=error_for(error, "email") />
            <Field id="password" kind="password" autocomplete="current-password" label=move_tr!("sign-in-password-label") />
            <Field id="code" autocomplete="one-time-code" inputmode="numeric"
                label=move_tr!("sign-in-code-label") hint=move_tr!("sign-in-code-hint") error=error_for(error, "code") />
            <button type="submit" class="button">{move_tr!("sign-in-submit")}</button>
        </ActionForm>
    }
}
