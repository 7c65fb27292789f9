//! The line every form that collects personal data carries: why the portal collects it, and
//! where the privacy policy is.
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;

#[component]
pub fn PrivacyNotice() -> impl IntoView {
    view! {
        <p class="hint privacy-notice">
            {move_tr!("privacy-notice")} " " <A href="/privacy">{move_tr!("privacy-notice-link")}</A>
        </p>
    }
}
