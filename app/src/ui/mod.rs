//! Pages and components. No SQL, no secrets: data comes from `api` server functions.
#[cfg(feature = "ssr")]
pub mod bundle;
mod components;
mod form;
mod layout;
mod lazy_pages;
mod pages;
mod route;
mod words;

use leptos::prelude::*;
use leptos_fluent::leptos_fluent;
use leptos_meta::provide_meta_context;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{path, Lazy, SsrMode};

/// The HTML document the server renders around the application.
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <link rel="apple-touch-icon" href="/icon-192.png" />
                <meta name="theme-color" content="#0b4f8a" />
                <link rel="stylesheet" href=bundle::stylesheet_href() />
                <HydrationScripts options />
                <leptos_meta::MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Language: `?lang=` first, then the `lang` cookie (set by the server when `?lang=` is used),
/// then French. Both the server render and the browser pick the same way, so hydration agrees.
#[component]
fn I18nProvider(children: Children) -> impl IntoView {
    leptos_fluent! {
        children: children(),
        locales: "../locales",
        default_language: "fr",
        customise: |bundle| bundle.set_use_isolating(false),
        sync_html_tag_lang: true,
        url_param: "lang",
        initial_language_from_url_param: true,
        cookie_name: "lang",
        initial_language_from_cookie: true,
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <I18nProvider>
            // Every page is rendered whole on the server (no streamed placeholders), so it reads
            // and works the same without JavaScript.
            <Router>
                // The home-screen manifest in the language on screen (server/src/manifest.rs).
                <leptos_meta::Link rel="manifest" href=format!("/manifest-{}.webmanifest", untrack(words::current_lang).code()) />
                <a class="skip-link" href="#main">{leptos_fluent::move_tr!("skip-to-content")}</a>
                <layout::Header />
                // Three layouts: the staff workspace (its navigation above the page), a caregiver
                // acting for a patient (the banner, and the door by context), and every other page.
                <Routes fallback=|| view! { <layout::Page><pages::NotFound /></layout::Page> }>
                    <ParentRoute path=path!("/staff") view=layout::StaffLayout ssr=SsrMode::Async>
                        <Route path=path!("") view={Lazy::<lazy_pages::StaffHomeRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/patients") view={Lazy::<lazy_pages::PatientsRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/team") view={Lazy::<lazy_pages::TeamRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/support") view={Lazy::<lazy_pages::SupportDeskRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/support/:kind/:id") view={Lazy::<lazy_pages::SupportPersonRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/overview") view={Lazy::<lazy_pages::OverviewRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/team/code") view={Lazy::<lazy_pages::StaffCodeRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/team/:id") view={Lazy::<lazy_pages::StaffPersonRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/inbox") view={Lazy::<lazy_pages::TeamInboxRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/conversations/:id") view={Lazy::<lazy_pages::TeamConversationRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/patients/:id/messages/new") view={Lazy::<lazy_pages::NewConversationRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/teams") view={Lazy::<lazy_pages::CareTeamsRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/teams/:id") view={Lazy::<lazy_pages::CareTeamRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/settings") view={Lazy::<lazy_pages::OrganisationSettingsRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/patients/new") view={Lazy::<lazy_pages::InvitePatientRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/patients/code") view={Lazy::<lazy_pages::IssuedCodeRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/patients/:id") view={Lazy::<lazy_pages::PatientFileRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/patients/:id/caregivers/new") view={Lazy::<lazy_pages::AddCaregiverRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/patients/:id/caregivers/:grant") view={Lazy::<lazy_pages::EditCaregiverRoute>::new()} ssr=SsrMode::Async />
                    </ParentRoute>
                    <ParentRoute path=path!("") view=layout::PageLayout ssr=SsrMode::Async>
                        <ParentRoute path=path!("/for/:grant") view=layout::ActingLayout ssr=SsrMode::Async>
                            <Route path=path!("") view={Lazy::<lazy_pages::ActingForRoute>::new()} ssr=SsrMode::Async />
                            <Route path=path!("/messages") view={Lazy::<lazy_pages::MessagesRoute>::new()} ssr=SsrMode::Async />
                            <Route path=path!("/messages/new") view={Lazy::<lazy_pages::NewMessageRoute>::new()} ssr=SsrMode::Async />
                            <Route path=path!("/messages/:id") view={Lazy::<lazy_pages::ConversationRoute>::new()} ssr=SsrMode::Async />
                            <Route path=path!("/profile") view={Lazy::<lazy_pages::ActingProfileRoute>::new()} ssr=SsrMode::Async />
                        </ParentRoute>
                        <Route path=path!("/") view=pages::Home ssr=SsrMode::Async />
                        <Route path=path!("/help") view=pages::Help ssr=SsrMode::Async />
                        <Route path=path!("/accessibility") view=pages::Accessibility ssr=SsrMode::Async />
                        <Route path=path!("/contact") view=pages::Contact ssr=SsrMode::Async />
                        <Route path=path!("/sign-in") view=pages::SignIn ssr=SsrMode::Async />
                        <Route path=path!("/sign-in/code") view=pages::SignInCode ssr=SsrMode::Async />
                        <Route path=path!("/forgot-password") view=pages::ForgotPassword ssr=SsrMode::Async />
                        <Route path=path!("/reset-password/:token") view=pages::ResetPasswordPage ssr=SsrMode::Async />
                        <Route path=path!("/setup/:token") view=pages::Setup ssr=SsrMode::Async />
                        <Route path=path!("/account/caregivers/:grant/end") view={Lazy::<lazy_pages::EndMyCaregiverRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/messages") view={Lazy::<lazy_pages::MessagesRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/messages/new") view={Lazy::<lazy_pages::NewMessageRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/messages/:id") view={Lazy::<lazy_pages::ConversationRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/invitation/:token") view=pages::InvitationCode ssr=SsrMode::Async />
                        <Route path=path!("/invitation/:token/account") view=pages::InvitationAccount ssr=SsrMode::Async />
                        <Route path=path!("/home") view={Lazy::<lazy_pages::PatientHomeRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/account") view={Lazy::<lazy_pages::AccountRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/account/authenticator") view={Lazy::<lazy_pages::AuthenticatorRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/account/confirm") view={Lazy::<lazy_pages::ConfirmIdentityRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/account/email") view={Lazy::<lazy_pages::ChangeEmailRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/account/password") view={Lazy::<lazy_pages::ChangePasswordRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/account/security") view={Lazy::<lazy_pages::SecurityMethodsRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/account/recovery-codes") view={Lazy::<lazy_pages::RecoveryCodesRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/account/access-log") view={Lazy::<lazy_pages::AccessLogRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/account/organisations") view={Lazy::<lazy_pages::MyOrganisationsRoute>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/email-change/done") view=pages::EmailChanged ssr=SsrMode::Async />
                        <Route path=path!("/email-change/reported") view=pages::EmailChangeReported ssr=SsrMode::Async />
                        <Route path=path!("/email-change/report/:token") view=pages::EmailChangeReport ssr=SsrMode::Async />
                        <Route path=path!("/email-change/:token") view=pages::EmailChangeConfirm ssr=SsrMode::Async />
                    </ParentRoute>
                </Routes>
                <layout::Footer />
            </Router>
        </I18nProvider>
    }
}
