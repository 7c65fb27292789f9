//! The terms of use to read and accept, on the forms that make an account (setup link, invitation).
use crate::api::ApiError;
use crate::ui::form::CheckBox;
use leptos::prelude::*;
use leptos_fluent::move_tr;

/// The box a form that makes an account carries: the terms to read (in a new tab, so nothing
/// typed is lost) and to accept.
#[component]
pub fn AcceptTermsBox(error: Signal<Option<ApiError>>) -> impl IntoView {
    view! {
        <p>
            <a href="/terms" target="_blank" rel="noopener">
                {move_tr!("terms-read")}
            </a>
        </p>
        <CheckBox id="accept_terms" label=move_tr!("terms-accept-label") error saved=false />
    }
}
