//! Pages anyone can read: home, help, accessibility, contact, and "not found".
use super::PageTitle;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;

const SUPPORT_EMAIL: &str = "soutienrqt@ssss.gouv.qc.ca";
const SUPPORT_PHONE: &str = "+18335640404";

#[component]
pub fn Home() -> impl IntoView {
    view! {
        <PageTitle title_key="home-title" />
        <h1>{move_tr!("home-title")}</h1>
        <p>{move_tr!("home-intro")}</p>
        <p>{move_tr!("home-invited")}</p>
        <p><A href="/sign-in" attr:class="button">{move_tr!("home-sign-in")}</A></p>
    }
}

#[component]
pub fn Help() -> impl IntoView {
    let questions = [
        (move_tr!("help-q-cost"), move_tr!("help-a-cost")),
        (move_tr!("help-q-secure"), move_tr!("help-a-secure")),
        (move_tr!("help-q-personal"), move_tr!("help-a-personal")),
        (move_tr!("help-q-invitation"), move_tr!("help-a-invitation")),
        (move_tr!("help-q-error"), move_tr!("help-a-error")),
    ];
    view! {
        <PageTitle title_key="help-title" />
        <h1>{move_tr!("help-title")}</h1>
        <p>{move_tr!("help-intro")}</p>
        {questions.into_iter().map(|(q, a)| view! { <h2>{q}</h2><p>{a}</p> }).collect_view()}
        <SupportContact />
    }
}

#[component]
pub fn Accessibility() -> impl IntoView {
    view! {
        <PageTitle title_key="accessibility-title" />
        <h1>{move_tr!("accessibility-title")}</h1>
        <p>{move_tr!("accessibility-intro")}</p>
        <h2>{move_tr!("accessibility-browsers-title")}</h2>
        <p>{move_tr!("accessibility-browsers")}</p>
        <p>{move_tr!("accessibility-feedback")}</p>
        <SupportContact />
    }
}

#[component]
pub fn Contact() -> impl IntoView {
    view! {
        <PageTitle title_key="contact-title" />
        <h1>{move_tr!("contact-title")}</h1>
        <p>{move_tr!("contact-intro")}</p>
        <SupportContact />
    }
}

#[component]
fn SupportContact() -> impl IntoView {
    view! {
        <dl class="contact">
            <dt>{move_tr!("contact-phone-label")}</dt>
            <dd><a href=format!("tel:{SUPPORT_PHONE}")>{move_tr!("contact-phone")}</a></dd>
            <dt>{move_tr!("contact-email-label")}</dt>
            <dd><a href=format!("mailto:{SUPPORT_EMAIL}")>{SUPPORT_EMAIL}</a></dd>
            <dt>{move_tr!("contact-hours-label")}</dt>
            <dd>{move_tr!("contact-hours")}</dd>
        </dl>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <PageTitle title_key="not-found-title" />
        <h1>{move_tr!("not-found-title")}</h1>
        <p>{move_tr!("not-found-body")}</p>
        <p><A href="/">{move_tr!("not-found-home")}</A></p>
    }
}
