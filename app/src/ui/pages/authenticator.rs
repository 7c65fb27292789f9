//! Switching sign-in from emailed codes to an authenticator app.
use crate::api::account::{authenticator, AuthenticatorView, ConfirmAuthenticator, StartAuthenticator};
use crate::ui::components::after_reauth::AfterReauth;
use crate::ui::components::PageTitle;
use crate::ui::form::{action_error, error_for, failure, Field, FormAlert, Submit};
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;

#[component]
pub fn Authenticator() -> impl IntoView {
    let start = ServerAction::<StartAuthenticator>::new();
    let confirm = ServerAction::<ConfirmAuthenticator>::new();
    let view_state =
        Resource::new(move || (start.version().get(), confirm.version().get()), |_| authenticator());
    let error = action_error(confirm);
    view! {
        <PageTitle title_key="authenticator-title" />
        <h1>{move_tr!("authenticator-title")}</h1>
        <AfterReauth next="/account/authenticator">
            <Suspense fallback=move || {
                view! { <p>{move_tr!("loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match view_state.await {
                        Ok(AuthenticatorView::InUse) => {
                            view! {
                                <p role="status">{move_tr!("authenticator-in-use")}</p>
                                <p>
                                    <A href="/account">{move_tr!("account-title")}</A>
                                </p>
                            }
                                .into_any()
                        }
                        Ok(AuthenticatorView::NotStarted) => {
                            view! {
                                <p>{move_tr!("authenticator-intro")}</p>
                                <ActionForm action=start>
                                    <Submit pending=start.pending()>{move_tr!("authenticator-start")}</Submit>
                                </ActionForm>
                            }
                                .into_any()
                        }
                        Ok(AuthenticatorView::Pending { secret, qr_svg_base64 }) => {
                            view! {
                                <p>{move_tr!("setup-totp-instructions")}</p>
                                <img
                                    class="qr"
                                    src=format!("data:image/svg+xml;base64,{qr_svg_base64}")
                                    alt=move_tr!("setup-totp-qr-alt")
                                    width="200"
                                    height="200"
                                />
                                <p>
                                    {move_tr!("setup-totp-secret-label")} " "
                                    <code class="secret" data-testid="totp-secret">
                                        {secret}
                                    </code>
                                </p>
                                <ActionForm action=confirm>
                                    <FormAlert error />
                                    <Field
                                        id="password"
                                        kind="password"
                                        autocomplete="current-password"
                                        label=move_tr!("authenticator-password")
                                        error=error_for(error, "password")
                                    />
                                    <Field
                                        id="code"
                                        autocomplete="one-time-code"
                                        inputmode="numeric"
                                        label=move_tr!("setup-totp-code-label")
                                        error=error_for(error, "code")
                                    />
                                    <Submit pending=confirm
                                        .pending()>{move_tr!("authenticator-confirm")}</Submit>
                                </ActionForm>
                            }
                                .into_any()
                        }
                        Err(e) => failure(e),
                    }
                })}
            </Suspense>
        </AfterReauth>
    }
}
