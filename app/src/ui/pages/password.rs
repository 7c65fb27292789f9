//! "Forgot password": ask for a link, then choose a new password.
use crate::api::password::{password_reset_usable, RequestPasswordReset, ResetPassword};
use crate::ui::components::PageTitle;
use crate::ui::form::{action_error, Field, FormAlert, NewPassword, Submit};
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn ForgotPassword() -> impl IntoView {
    let action = ServerAction::<RequestPasswordReset>::new();
    let error = action_error(action);
    let query = use_query_map();
    let sent = move || query.read().get("sent").is_some() || matches!(action.value().get(), Some(Ok(())));
    view! {
        <PageTitle title_key="forgot-title" />
        <h1>{move_tr!("forgot-title")}</h1>
        <p role="status">{move || sent().then(|| move_tr!("forgot-sent").get())}</p>
        <p>{move_tr!("forgot-intro")}</p>
        <ActionForm action=action>
            <FormAlert error />
            <Field
                id="email"
                kind="email"
                inputmode="email"
                autocomplete="username"
                label=move_tr!("sign-in-email-label")
            />
            <Submit pending=action.pending()>{move_tr!("forgot-submit")}</Submit>
        </ActionForm>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let usable = Resource::new(token, password_reset_usable);
    let action = ServerAction::<ResetPassword>::new();
    let error = action_error(action);
    view! {
        <PageTitle title_key="reset-title" />
        <Suspense fallback=move || {
            view! { <p>{move_tr!("loading")}</p> }
        }>
            {move || Suspend::new(async move {
                match usable.await {
                    Ok(true) => {
                        view! {
                            <h1>{move_tr!("reset-title")}</h1>
                            <p>{move_tr!("reset-intro")}</p>
                            <ActionForm action=action>
                                <FormAlert error />
                                <input type="hidden" name="token" value=token() />
                                <NewPassword error=error />
                                <Submit pending=action.pending()>{move_tr!("reset-submit")}</Submit>
                            </ActionForm>
                        }
                            .into_any()
                    }
                    _ => {
                        view! {
                            <h1>{move_tr!("reset-unusable-title")}</h1>
                            <p>{move_tr!("reset-unusable-body")}</p>
                            <p>
                                <A href="/forgot-password">{move_tr!("forgot-title")}</A>
                            </p>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}
