//! Pages a visitor only reaches signed in (staff, account, caregiver, patient home) are lazy
//! routes: `cargo leptos build --split` moves their code to separate WASM chunks, fetched when the
//! page is first shown, so the first visit (public pages, sign-in, invitation) loads less.
//! The server renders them like any other route.
use super::pages;
use leptos::prelude::*;
use leptos_router::{lazy_route, Lazy, LazyRoute};

/// A lazy route for each page component: `StaffHomeRoute` shows `pages::StaffHome`.
macro_rules! lazy_pages {
    ($($route:ident => $page:ident),* $(,)?) => {$(
        #[derive(Clone, Copy, Debug)]
        pub struct $route;

        impl $route {
            /// The route's view, for `<Route view=…>`.
            pub fn lazy() -> Lazy<Self> {
                Lazy::new()
            }
        }

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            fn view(this: Self) -> AnyView {
                let _ = this;
                pages::$page().into_any()
            }
        }
    )*};
}

lazy_pages! {
    StaffHomeRoute => StaffHome,
    PatientsRoute => Patients,
    TeamRoute => Team,
    StaffPersonRoute => StaffPersonPage,
    StaffCodeRoute => StaffCodePage,
    OverviewRoute => OverviewPage,
    AuditTrailRoute => AuditTrailPage,
    SupportDeskRoute => SupportDeskPage,
    SupportPersonRoute => SupportPersonPage,
    OrganisationSettingsRoute => OrganisationSettings,
    InvitePatientRoute => InvitePatientPage,
    IssuedCodeRoute => IssuedCodePage,
    ImportPatientsRoute => ImportPatientsPage,
    PatientImportRoute => PatientImportPage,
    ImportCodesRoute => ImportCodesPage,
    PatientFileRoute => PatientFilePage,
    AddCaregiverRoute => AddCaregiverPage,
    EditCaregiverRoute => EditCaregiverPage,
    EndMyCaregiverRoute => EndMyCaregiverPage,
    ActingForRoute => ActingForPage,
    ActingProfileRoute => ActingProfilePage,
    PatientHomeRoute => PatientHome,
    AccountRoute => Account,
    AuthenticatorRoute => Authenticator,
    ConfirmIdentityRoute => ConfirmIdentity,
    ChangeEmailRoute => ChangeEmail,
    ChangePasswordRoute => ChangePasswordPage,
    SecurityMethodsRoute => SecurityMethods,
    RecoveryCodesRoute => RecoveryCodes,
    AccessLogRoute => AccessLog,
    AcceptTermsRoute => AcceptTermsPage,
    TermsRoute => TermsPage,
    CloseAccountRoute => CloseAccountPage,
    MyOrganisationsRoute => MyOrganisationsPage,
    MessagesRoute => MessagesPage,
    ConversationRoute => ConversationPage,
    NewMessageRoute => NewMessagePage,
    TeamInboxRoute => TeamInbox,
    TeamConversationRoute => TeamConversationPage,
    NewConversationRoute => NewConversationPage,
    CareTeamsRoute => CareTeams,
    CareTeamRoute => CareTeamPage,
    QuestionnairesRoute => QuestionnairesPage,
    QuestionnaireRoute => QuestionnairePage,
    ReviewListRoute => ReviewListPage,
    ReviewRoute => ReviewPage,
    LibraryRoute => LibraryPage,
    TeamSendingRoute => TeamSendingPage,
    BuilderRoute => BuilderPage,
    BuilderPreviewRoute => BuilderPreviewPage,
    JoinRoute => JoinPage,
    JoinRequestRoute => JoinRequestPage,
    JoinSentRoute => JoinSentPage,
    JoinConfirmRoute => JoinConfirmPage,
    JoinAnswerRoute => JoinAnswerPage,
    JoinAgreementRoute => JoinAgreementPage,
    OrganisationAgreementRoute => OrganisationAgreementPage,
    RequestAgreementRoute => RequestAgreementPage,
    OperatorRequestsRoute => OperatorRequestsPage,
    OperatorRequestRoute => OperatorRequestPage,
    OperatorsRoute => OperatorsPage,
    OperatorDocumentsRoute => OperatorDocumentsPage,
    OperatorOrganisationsRoute => OperatorOrganisationsPage,
    OperatorCodeRoute => OperatorCodePage,
    PrivacyRoute => PrivacyPage,
}
