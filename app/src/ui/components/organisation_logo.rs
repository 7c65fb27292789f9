//! An organisation's logo, beside its name, for its own people.
use leptos::prelude::*;

/// Decorative (`alt=""`): the name beside it says the same. Nothing when there is none.
#[component]
pub fn OrganisationLogo(logo: Option<String>) -> impl IntoView {
    logo.map(|src| view! { <img class="organisation-logo" src=src alt="" data-testid="organisation-logo" /> })
}
