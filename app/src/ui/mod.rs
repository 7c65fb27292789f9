//! Pages and components. No SQL, no secrets: data comes from `api` server functions.
#[cfg(feature = "ssr")]
pub mod bundle;
mod components;
mod form;
mod layout;
mod lazy_pages;
mod pages;
mod route;
#[cfg(feature = "hydrate")]
pub mod stale_release;
#[cfg(feature = "hydrate")]
mod upload;
mod webauthn;
mod words;

use leptos::prelude::*;
use leptos_fluent::leptos_fluent;
use leptos_meta::provide_meta_context;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{path, SsrMode};

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
                <LocalePreload />
                <HydrationScripts options />
                <leptos_meta::MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The page's words for the browser, fetched while the bundle loads (`i18n::browser_words`).
#[cfg(feature = "ssr")]
#[component]
fn LocalePreload() -> impl IntoView {
    use leptos::html::link;
    let language = crate::api::context::language();
    // `as` is a Rust keyword: the element is built rather than written in `view!`.
    link()
        .rel("preload")
        .id("locale")
        .href(crate::i18n::locale_href(language))
        .hreflang(language.code())
        .r#as("fetch")
        .r#type("text/plain")
        .crossorigin("anonymous")
}

/// Language: `?lang=` first, then the `lang` cookie (set by the server when `?lang=` is used),
/// then French. Both the server render and the browser pick the same way, so hydration agrees.
#[component]
fn I18nProvider(children: Children) -> impl IntoView {
    leptos_fluent! {
        children: children(),
        // The server holds both languages; the browser the page's, fetched (`i18n::browser_words`).
        translations: [crate::i18n::TRANSLATIONS],
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
    let (is_routing, set_is_routing) = signal(false);
    view! {
        <I18nProvider>
            // Every page is rendered whole on the server (no streamed placeholders), so it reads
            // and works the same without JavaScript.
            <Router set_is_routing>
                // The home-screen manifest in the language on screen (server/src/manifest.rs).
                <leptos_meta::Link
                    rel="manifest"
                    href=format!("/manifest-{}.webmanifest", untrack(words::current_lang).code())
                />
                <a class="skip-link" href="#main">
                    {leptos_fluent::move_tr!("skip-to-content")}
                </a>
                <layout::Header is_routing />
                // Three layouts: the staff workspace (its navigation above the page), a caregiver
                // acting for a patient (the banner, and the door by context), and every other page.
                <Routes fallback=|| {
                    view! {
                        <layout::Page>
                            <pages::NotFound />
                        </layout::Page>
                    }
                }>
                    <ParentRoute path=path!("/staff") view=layout::StaffLayout ssr=SsrMode::Async>
                        <Route path=path!("") view=lazy_pages::StaffHomeRoute::lazy() ssr=SsrMode::Async />
                        <Route
                            path=path!("/patients")
                            view=lazy_pages::PatientsRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/team") view=lazy_pages::TeamRoute::lazy() ssr=SsrMode::Async />
                        <Route
                            path=path!("/support")
                            view=lazy_pages::SupportDeskRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/support/:kind/:id")
                            view=lazy_pages::SupportPersonRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/overview")
                            view=lazy_pages::OverviewRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/audit")
                            view=lazy_pages::AuditTrailRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/team/code")
                            view=lazy_pages::StaffCodeRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/team/:id")
                            view=lazy_pages::StaffPersonRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/questionnaires")
                            view=lazy_pages::ReviewListRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/questionnaires/send")
                            view=lazy_pages::TeamSendingRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/questionnaires/library")
                            view=lazy_pages::LibraryRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/questionnaires/builder/:id")
                            view=lazy_pages::BuilderRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/questionnaires/builder/:id/preview")
                            view=lazy_pages::BuilderPreviewRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/questionnaires/:id")
                            view=lazy_pages::ReviewRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/inbox")
                            view=lazy_pages::TeamInboxRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/conversations/:id")
                            view=lazy_pages::TeamConversationRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/patients/:id/messages/new")
                            view=lazy_pages::NewConversationRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teams")
                            view=lazy_pages::CareTeamsRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/teams/:id")
                            view=lazy_pages::CareTeamRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/settings")
                            view=lazy_pages::OrganisationSettingsRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/settings/agreement")
                            view=lazy_pages::OrganisationAgreementRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/patients/new")
                            view=lazy_pages::InvitePatientRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/patients/code")
                            view=lazy_pages::IssuedCodeRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/patients/import")
                            view=lazy_pages::ImportPatientsRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/patients/import/:id")
                            view=lazy_pages::PatientImportRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/patients/import/:id/codes")
                            view=lazy_pages::ImportCodesRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/patients/:id")
                            view=lazy_pages::PatientFileRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/patients/:id/caregivers/new")
                            view=lazy_pages::AddCaregiverRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/patients/:id/caregivers/:grant")
                            view=lazy_pages::EditCaregiverRoute::lazy()
                            ssr=SsrMode::Async
                        />
                    </ParentRoute>
                    <ParentRoute path=path!("/operator") view=layout::OperatorLayout ssr=SsrMode::Async>
                        <Route
                            path=path!("")
                            view=lazy_pages::OperatorRequestsRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/requests/:id")
                            view=lazy_pages::OperatorRequestRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/requests/:id/agreement")
                            view=lazy_pages::RequestAgreementRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/organisations")
                            view=lazy_pages::OperatorOrganisationsRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/operators")
                            view=lazy_pages::OperatorsRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/documents")
                            view=lazy_pages::OperatorDocumentsRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/operators/code")
                            view=lazy_pages::OperatorCodeRoute::lazy()
                            ssr=SsrMode::Async
                        />
                    </ParentRoute>
                    <ParentRoute path=path!("") view=layout::PageLayout ssr=SsrMode::Async>
                        <ParentRoute path=path!("/for/:grant") view=layout::ActingLayout ssr=SsrMode::Async>
                            <Route
                                path=path!("")
                                view=lazy_pages::ActingForRoute::lazy()
                                ssr=SsrMode::Async
                            />
                            <Route
                                path=path!("/messages")
                                view=lazy_pages::MessagesRoute::lazy()
                                ssr=SsrMode::Async
                            />
                            <Route
                                path=path!("/messages/new")
                                view=lazy_pages::NewMessageRoute::lazy()
                                ssr=SsrMode::Async
                            />
                            <Route
                                path=path!("/messages/:id")
                                view=lazy_pages::ConversationRoute::lazy()
                                ssr=SsrMode::Async
                            />
                            <Route
                                path=path!("/questionnaires")
                                view=lazy_pages::QuestionnairesRoute::lazy()
                                ssr=SsrMode::Async
                            />
                            <Route
                                path=path!("/questionnaires/:id")
                                view=lazy_pages::QuestionnaireRoute::lazy()
                                ssr=SsrMode::Async
                            />
                            <Route
                                path=path!("/profile")
                                view=lazy_pages::ActingProfileRoute::lazy()
                                ssr=SsrMode::Async
                            />
                        </ParentRoute>
                        <Route path=path!("/") view=pages::Home ssr=SsrMode::Async />
                        <Route path=path!("/help") view=pages::Help ssr=SsrMode::Async />
                        <Route path=path!("/accessibility") view=pages::Accessibility ssr=SsrMode::Async />
                        <Route path=path!("/contact") view=pages::Contact ssr=SsrMode::Async />
                        <Route
                            path=path!("/account-closed")
                            view=pages::AccountClosedPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/terms") view=lazy_pages::TermsRoute::lazy() ssr=SsrMode::Async />
                        <Route
                            path=path!("/privacy")
                            view=lazy_pages::PrivacyRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/sign-in") view=pages::SignIn ssr=SsrMode::Async />
                        <Route path=path!("/sign-in/code") view=pages::SignInCode ssr=SsrMode::Async />
                        <Route path=path!("/forgot-password") view=pages::ForgotPassword ssr=SsrMode::Async />
                        // Organisations asking to join: public, but rarely visited, so lazy.
                        <Route path=path!("/join") view=lazy_pages::JoinRoute::lazy() ssr=SsrMode::Async />
                        <Route
                            path=path!("/join/request")
                            view=lazy_pages::JoinRequestRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/join/sent")
                            view=lazy_pages::JoinSentRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/join/confirm/:token")
                            view=lazy_pages::JoinConfirmRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/join/answer/:token")
                            view=lazy_pages::JoinAnswerRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/join/agreement/:token")
                            view=lazy_pages::JoinAgreementRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/reset-password/:token")
                            view=pages::ResetPasswordPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/setup/:token") view=pages::Setup ssr=SsrMode::Async />
                        <Route
                            path=path!("/account/caregivers/:grant/end")
                            view=lazy_pages::EndMyCaregiverRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/messages")
                            view=lazy_pages::MessagesRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/messages/new")
                            view=lazy_pages::NewMessageRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/messages/:id")
                            view=lazy_pages::ConversationRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/questionnaires")
                            view=lazy_pages::QuestionnairesRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/questionnaires/builder/:id")
                            view=lazy_pages::BuilderRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/questionnaires/builder/:id/preview")
                            view=lazy_pages::BuilderPreviewRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/questionnaires/:id")
                            view=lazy_pages::QuestionnaireRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/invitation/:token")
                            view=pages::InvitationCode
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/invitation/:token/account")
                            view=pages::InvitationAccount
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/home")
                            view=lazy_pages::PatientHomeRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/account")
                            view=lazy_pages::AccountRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/account/authenticator")
                            view=lazy_pages::AuthenticatorRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/account/confirm")
                            view=lazy_pages::ConfirmIdentityRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/account/email")
                            view=lazy_pages::ChangeEmailRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/account/password")
                            view=lazy_pages::ChangePasswordRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/account/security")
                            view=lazy_pages::SecurityMethodsRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/account/recovery-codes")
                            view=lazy_pages::RecoveryCodesRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/account/access-log")
                            view=lazy_pages::AccessLogRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/account/terms")
                            view=lazy_pages::AcceptTermsRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/account/close")
                            view=lazy_pages::CloseAccountRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/account/organisations")
                            view=lazy_pages::MyOrganisationsRoute::lazy()
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/email-change/done") view=pages::EmailChanged ssr=SsrMode::Async />
                        <Route
                            path=path!("/email-change/reported")
                            view=pages::EmailChangeReported
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/email-change/report/:token")
                            view=pages::EmailChangeReport
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/email-change/:token")
                            view=pages::EmailChangeConfirm
                            ssr=SsrMode::Async
                        />
                    </ParentRoute>
                </Routes>
                <layout::Footer />
            </Router>
        </I18nProvider>
    }
}
