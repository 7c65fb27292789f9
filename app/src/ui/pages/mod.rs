mod access_log;
mod account;
mod agreement;
mod audit_trail;
mod authenticator;
mod care_teams;
mod caregivers;
mod close_account;
mod inbox;
mod info;
mod invitation;
mod joining;
mod messages;
mod operator;
mod organisations;
mod overview;
mod password;
mod patient;
mod patient_file;
mod patient_import;
mod patients;
mod person;
mod privacy;
mod questionnaire_builder;
mod questionnaire_library;
mod questionnaire_review;
mod questionnaire_team_sending;
mod questionnaires;
mod security;
mod setup;
mod sign_in;
mod staff;
mod support;
mod team;
mod terms;

pub use access_log::AccessLog;
pub use account::Account;
pub use agreement::{OrganisationAgreementPage, RequestAgreementPage};
pub use audit_trail::AuditTrailPage;
pub use authenticator::Authenticator;
pub use care_teams::{CareTeamPage, CareTeams};
pub use caregivers::{
    ActingForPage, ActingProfilePage, AddCaregiverPage, EditCaregiverPage, EndMyCaregiverPage,
};
pub use close_account::{AccountClosedPage, CloseAccountPage};
pub use inbox::{NewConversationPage, TeamConversationPage, TeamInbox};
pub use info::{Accessibility, Contact, Help, Home, NotFound};
pub use invitation::{InvitationAccount, InvitationCode};
pub use joining::{
    JoinAgreementPage, JoinAnswerPage, JoinConfirmPage, JoinPage, JoinRequestPage, JoinSentPage,
};
pub use messages::{ConversationPage, MessagesPage, NewMessagePage};
pub use operator::{
    OperatorCodePage, OperatorDocumentsPage, OperatorOrganisationsPage, OperatorRequestPage,
    OperatorRequestsPage, OperatorsPage,
};
pub use organisations::MyOrganisationsPage;
pub use overview::OverviewPage;
pub use password::{ForgotPassword, ResetPasswordPage};
pub use patient::PatientHome;
pub use patient_file::PatientFilePage;
pub use patient_import::{ImportCodesPage, ImportPatientsPage, PatientImportPage};
pub use patients::{InvitePatientPage, IssuedCodePage, Patients};
pub use person::{StaffCodePage, StaffPersonPage};
pub use privacy::PrivacyPage;
pub use questionnaire_builder::{BuilderPage, BuilderPreviewPage};
pub use questionnaire_library::LibraryPage;
pub use questionnaire_review::{ReviewListPage, ReviewPage};
pub use questionnaire_team_sending::TeamSendingPage;
pub use questionnaires::{QuestionnairePage, QuestionnairesPage};
pub use security::{
    ChangeEmail, ChangePasswordPage, ConfirmIdentity, EmailChangeConfirm, EmailChangeReport,
    EmailChangeReported, EmailChanged, RecoveryCodes, SecurityMethods,
};
pub use setup::Setup;
pub use sign_in::{SignIn, SignInCode};
pub use staff::{OrganisationSettings, StaffHome};
pub use support::{SupportDeskPage, SupportPersonPage};
pub use team::Team;
pub use terms::{AcceptTermsPage, TermsPage};
