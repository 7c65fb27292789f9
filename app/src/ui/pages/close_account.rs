//! Closing one's own account: what it means, said plainly, then a box to tick and a button;
//! after a recent re-authentication only. Then the plain page that says it is done.
use crate::api::account::CloseAccount;
use crate::ui::components::after_reauth::AfterReauth;
use crate::ui::components::PageTitle;
use crate::ui::form::{action_error, CheckBox, FormAlert, Submit};
use leptos::prelude::*;
use leptos_fluent::move_tr;

#[component]
pub fn CloseAccountPage() -> impl IntoView {
    let action = ServerAction::<CloseAccount>::new();
    let error = action_error(action);
    view! {
        <PageTitle title_key="close-account-title" />
        <h1>{move_tr!("close-account-title")}</h1>
        <AfterReauth next="/account/close">
            <p>{move_tr!("close-account-intro")}</p>
            <ul>
                <li>{move_tr!("close-account-kept")}</li>
                <li>{move_tr!("close-account-sign-in")}</li>
                <li>{move_tr!("close-account-caregivers")}</li>
                <li>{move_tr!("close-account-again")}</li>
            </ul>
            <p>
                <a href="/account/export" download="portail-export.json">
                    {move_tr!("account-export")}
                </a>
            </p>
            <ActionForm action=action>
                <FormAlert error />
                <CheckBox id="understood" label=move_tr!("close-account-understood") error saved=false />
                <Submit pending=action.pending() class="button button-danger">
                    {move_tr!("close-account-submit")}
                </Submit>
            </ActionForm>
        </AfterReauth>
    }
}

/// Where closing an account lands, signed out.
#[component]
pub fn AccountClosedPage() -> impl IntoView {
    view! {
        <PageTitle title_key="closed-title" />
        <h1>{move_tr!("closed-title")}</h1>
        <p role="status" data-testid="closed">
            {move_tr!("closed-body")}
        </p>
    }
}
