//! The terms of use: the public page (`/terms`), and the page a signed-in person is sent to when a
//! new version waits for their acceptance (`/account/terms`).
use crate::api::terms::{terms_of_use, AcceptTerms};
use crate::ui::components::{Loaded, PageTitle};
use crate::ui::form::{action_error, CheckBox, FormAlert, Submit};
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::hooks::use_query_map;

#[component]
pub fn TermsPage() -> impl IntoView {
    let terms = Resource::new(|| (), |_| terms_of_use());
    view! {
        <PageTitle title_key="terms-title" />
        <h1>{move_tr!("terms-title")}</h1>
        <Loaded data=terms let:terms>
            <article class="document" inner_html=terms.html.clone()></article>
        </Loaded>
    }
}

#[component]
pub fn AcceptTermsPage() -> impl IntoView {
    let terms = Resource::new(|| (), |_| terms_of_use());
    let action = ServerAction::<AcceptTerms>::new();
    let error = action_error(action);
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    view! {
        <PageTitle title_key="terms-accept-title" />
        <h1>{move_tr!("terms-accept-title")}</h1>
        <p>{move_tr!("terms-accept-intro")}</p>
        <Loaded data=terms let:terms>
            <article class="document" inner_html=terms.html.clone()></article>
        </Loaded>
        <p class="alert" role="note">
            {move_tr!("terms-responsible")}
        </p>
        <ActionForm action=action>
            <FormAlert error />
            <input type="hidden" name="next" value=next />
            <CheckBox id="accept_terms" label=move_tr!("terms-accept-label") error saved=false />
            <Submit pending=action.pending()>{move_tr!("terms-accept-submit")}</Submit>
        </ActionForm>
    }
}
