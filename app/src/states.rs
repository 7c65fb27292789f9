//! States and kinds that both the server and the pages name. Each is stored as a short code; the
//! conversion lives here (`code`/`parse`) and is used only where rows are read and written.
use serde::{Deserialize, Serialize};

/// A session ends after this long without the person's activity (the server ends it; an open
/// page warns before, `ui::components::idle_watch`).
pub const SESSION_IDLE_SECONDS: i64 = 30 * 60;

/// How long the records that serve only a moment are kept once their moment is over, in days
/// (`domain::retention` erases them every hour; the privacy policy quotes these numbers).
pub mod kept_days {
    /// A session's row (the sign-in's date, network address and browser) after its last activity;
    /// each account's most recent one stays, as its "last sign-in".
    pub const SESSIONS: i64 = 90;
    /// A sign-in's verification step (its code is hashed and dead after 10 minutes).
    pub const SIGN_IN_STEPS: i64 = 1;
    /// Links sent by email (set-up, new password, change of address) after they expire, so that
    /// a late click is told "expired" rather than "unknown" for a while.
    pub const MAIL_LINKS: i64 = 30;
    /// The record that a mail was sent or given up (address, subject, status); its text is erased
    /// as soon as it is sent.
    pub const SENT_MAIL: i64 = 90;
    /// A remembered browser after its last sign-in.
    pub const REMEMBERED_BROWSERS: i64 = 180;
    /// A shared limit's bucket after its last try (it is full again long before).
    pub const LIMIT_BUCKETS: i64 = 1;
}

/// How long a signed-in session has left, as an open page asks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeLeft {
    pub seconds: i64,
    /// The 12-hour cap ends it, not idleness: staying active does not move it.
    pub at_cap: bool,
}

/// A stored code that names no known state: the database and the code disagree.
#[derive(Debug)]
pub struct UnknownCode(pub String);

impl std::fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown code {:?}", self.0)
    }
}

impl std::error::Error for UnknownCode {}

/// `TryFrom<String>` from `parse`, for `#[sqlx(try_from = "String")]` on row structs.
macro_rules! parse_from_string {
    ($($kind:ty),*) => {$(
        impl TryFrom<String> for $kind {
            type Error = UnknownCode;
            fn try_from(code: String) -> Result<Self, UnknownCode> {
                Self::parse(&code).ok_or(UnknownCode(code))
            }
        }
    )*};
}
parse_from_string!(Role, Method, GrantStatus, Service, Author, DocumentKind);

/// Who wrote a message: the care team's side, the patient, or a caregiver for the patient.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Author {
    Staff,
    Patient,
    Caregiver,
}

impl Author {
    pub fn code(self) -> &'static str {
        match self {
            Self::Staff => "staff",
            Self::Patient => "patient",
            Self::Caregiver => "caregiver",
        }
    }
    pub fn parse(code: &str) -> Option<Self> {
        [Self::Staff, Self::Patient, Self::Caregiver].into_iter().find(|a| a.code() == code)
    }
}

/// What a person is in an organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    Admin,
    Professional,
    /// Help-desk staff: personal data to help people, never clinical data.
    Support,
    Patient,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Professional => "professional",
            Self::Support => "support",
            Self::Patient => "patient",
        }
    }
    pub fn parse(code: &str) -> Option<Self> {
        [Self::Admin, Self::Professional, Self::Support, Self::Patient].into_iter().find(|r| r.code() == code)
    }
    pub fn is_staff(self) -> bool {
        self != Self::Patient
    }
    /// What a person holding `services` is called on the staff: an administrator if they hold
    /// administration, support if they hold only the support desk, else a professional.
    pub fn of_services(services: &[Service]) -> Self {
        if services.contains(&Service::Administration) {
            Self::Admin
        } else if services.contains(&Service::SupportDesk)
            && !services.iter().any(|s| Service::CARE.contains(s))
        {
            Self::Support
        } else {
            Self::Professional
        }
    }
    /// The services a person added in this role starts with (an administrator may then tick or
    /// untick each one).
    pub fn bundle(self) -> &'static [Service] {
        match self {
            Self::Admin => &Service::ALL,
            Self::Professional => &Service::CARE,
            Self::Support => &[Service::SupportDesk],
            Self::Patient => &[],
        }
    }
}

/// An online service of the portal that an administrator grants to each staff member. Every staff
/// server function asks for the service it belongs to, never for a role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Service {
    /// Invite and re-invite patients.
    Invitations,
    /// Add and manage caregivers on patients' files.
    Caregivers,
    /// The team inbox.
    Messaging,
    /// Send and review questionnaires.
    Questionnaires,
    /// People, their services, care teams and the organisation's settings.
    Administration,
    /// Help callers with their account: personal data only, nothing clinical.
    SupportDesk,
}

impl Service {
    pub const ALL: [Self; 6] = [
        Self::Invitations,
        Self::Caregivers,
        Self::Messaging,
        Self::Questionnaires,
        Self::Administration,
        Self::SupportDesk,
    ];
    /// The services that open patients' files (care, as opposed to administration and support).
    pub const CARE: [Self; 4] = [Self::Invitations, Self::Caregivers, Self::Messaging, Self::Questionnaires];

    pub fn code(self) -> &'static str {
        match self {
            Self::Invitations => "invitations",
            Self::Caregivers => "caregivers",
            Self::Messaging => "messaging",
            Self::Questionnaires => "questionnaires",
            Self::Administration => "administration",
            Self::SupportDesk => "support_desk",
        }
    }
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
    /// Its name, then its description, as message keys.
    pub fn name_key(self) -> &'static str {
        match self {
            Self::Invitations => "service-invitations",
            Self::Caregivers => "service-caregivers",
            Self::Messaging => "service-messaging",
            Self::Questionnaires => "service-questionnaires",
            Self::Administration => "service-administration",
            Self::SupportDesk => "service-support-desk",
        }
    }
    pub fn description_key(self) -> &'static str {
        match self {
            Self::Invitations => "service-invitations-about",
            Self::Caregivers => "service-caregivers-about",
            Self::Messaging => "service-messaging-about",
            Self::Questionnaires => "service-questionnaires-about",
            Self::Administration => "service-administration-about",
            Self::SupportDesk => "service-support-desk-about",
        }
    }
}

/// How a person answers the second step of signing in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Method {
    /// Six digits sent by email: the default for patients.
    Email,
    /// An authenticator app: required for staff (or a passkey), optional for patients.
    Totp,
    /// Passkeys (staff who replaced their app): they sign in with one; after a password, only a
    /// recovery code answers (an emailed code is not strong enough for staff).
    Passkey,
}

impl Method {
    pub fn code(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Totp => "totp",
            Self::Passkey => "passkey",
        }
    }
    pub fn parse(code: &str) -> Option<Self> {
        [Self::Email, Self::Totp, Self::Passkey].into_iter().find(|m| m.code() == code)
    }
}

/// Where a caregiver's grant stands, as stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum GrantStatus {
    /// Added for an address that belongs to staff of the organisation: no invitation until a
    /// second staff member confirms.
    Awaiting,
    /// Added by the care team; the caregiver has not redeemed the invitation yet.
    Invited,
    Active,
    Ended,
}

impl GrantStatus {
    pub fn code(self) -> &'static str {
        match self {
            Self::Awaiting => "awaiting",
            Self::Invited => "invited",
            Self::Active => "active",
            Self::Ended => "ended",
        }
    }
    pub fn parse(code: &str) -> Option<Self> {
        [Self::Awaiting, Self::Invited, Self::Active, Self::Ended].into_iter().find(|s| s.code() == code)
    }
}

/// A caregiver as people see them: an active grant whose end date or age limit has passed is
/// `Lapsed` even before the daily job records it as ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CaregiverStatus {
    Awaiting,
    Invited,
    Active,
    Lapsed,
    Ended,
}

impl CaregiverStatus {
    pub fn of(status: GrantStatus, in_force: bool) -> Self {
        match status {
            GrantStatus::Awaiting => Self::Awaiting,
            GrantStatus::Invited => Self::Invited,
            GrantStatus::Active if in_force => Self::Active,
            GrantStatus::Active => Self::Lapsed,
            GrantStatus::Ended => Self::Ended,
        }
    }
    /// The message key of its badge.
    pub fn key(self) -> &'static str {
        match self {
            Self::Awaiting => "caregiver-status-awaiting",
            Self::Invited => "caregiver-status-invited",
            Self::Active => "caregiver-status-active",
            Self::Lapsed => "caregiver-status-lapsed",
            Self::Ended => "caregiver-status-ended",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back_as_what_was_written() {
        for role in [Role::Admin, Role::Professional, Role::Support, Role::Patient] {
            assert_eq!(Role::parse(role.code()), Some(role));
        }
        for method in [Method::Email, Method::Totp, Method::Passkey] {
            assert_eq!(Method::parse(method.code()), Some(method));
        }
        for status in [GrantStatus::Invited, GrantStatus::Active, GrantStatus::Ended] {
            assert_eq!(GrantStatus::parse(status.code()), Some(status));
        }
        for service in Service::ALL {
            assert_eq!(Service::parse(service.code()), Some(service));
        }
        assert_eq!(Role::parse("Admin"), None, "codes are exact");
    }

    #[test]
    fn an_active_grant_out_of_force_is_lapsed() {
        assert_eq!(CaregiverStatus::of(GrantStatus::Active, true), CaregiverStatus::Active);
        assert_eq!(CaregiverStatus::of(GrantStatus::Active, false), CaregiverStatus::Lapsed);
        assert_eq!(CaregiverStatus::of(GrantStatus::Ended, false), CaregiverStatus::Ended);
    }
}

/// Which staff accounts a list shows, by where they stand (`?state=` on the staff list).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum StaffFilter {
    #[default]
    All,
    Invited,
    Active,
    Suspended,
    Locked,
}

impl StaffFilter {
    pub const ALL: [Self; 5] = [Self::All, Self::Invited, Self::Active, Self::Suspended, Self::Locked];

    pub fn code(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Invited => "invited",
            Self::Active => "active",
            Self::Suspended => "suspended",
            Self::Locked => "locked",
        }
    }

    /// Anything unknown (or nothing) shows everyone.
    pub fn parse(code: &str) -> Self {
        Self::ALL.into_iter().find(|f| f.code() == code).unwrap_or_default()
    }
}

/// A document of the platform an organisation or a person accepts, versioned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    /// The participation agreement an organisation's legally responsible person signs.
    Agreement,
    /// The terms of use every person accepts.
    Terms,
}

impl DocumentKind {
    pub const ALL: [Self; 2] = [Self::Terms, Self::Agreement];

    pub fn code(self) -> &'static str {
        match self {
            Self::Agreement => "agreement",
            Self::Terms => "terms",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Whose actions the organisation's audit trail shows (`?who=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuditWho {
    #[default]
    Everyone,
    /// The platform's operators (suspending the organisation, its agreement…).
    Operators,
    /// The organisation's staff.
    Staff,
    /// Its patients and their caregivers.
    Patients,
}

impl AuditWho {
    pub const ALL: [Self; 4] = [Self::Everyone, Self::Operators, Self::Staff, Self::Patients];

    pub fn code(self) -> &'static str {
        match self {
            Self::Everyone => "all",
            Self::Operators => "operators",
            Self::Staff => "staff",
            Self::Patients => "patients",
        }
    }

    /// Anything unknown (or nothing) shows everyone.
    pub fn parse(code: &str) -> Self {
        Self::ALL.into_iter().find(|w| w.code() == code).unwrap_or_default()
    }
}

/// What kind of organisation asks to join (the Join page's first questions).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrganisationKind {
    Clinic,
    FamilyMedicineGroup,
    Hospital,
    Community,
    Other,
}

impl OrganisationKind {
    pub const ALL: [Self; 5] =
        [Self::Clinic, Self::FamilyMedicineGroup, Self::Hospital, Self::Community, Self::Other];

    pub fn code(self) -> &'static str {
        match self {
            Self::Clinic => "clinic",
            Self::FamilyMedicineGroup => "family_medicine_group",
            Self::Hospital => "hospital",
            Self::Community => "community",
            Self::Other => "other",
        }
    }
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
    pub fn name_key(self) -> &'static str {
        match self {
            Self::Clinic => "join-kind-clinic",
            Self::FamilyMedicineGroup => "join-kind-family-medicine-group",
            Self::Hospital => "join-kind-hospital",
            Self::Community => "join-kind-community",
            Self::Other => "join-kind-other",
        }
    }
}

/// Who fills an organisation's request: its legally responsible person (LRP), or someone the
/// LRP delegated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Requester {
    Lrp,
    Delegate,
}

impl Requester {
    pub fn code(self) -> &'static str {
        match self {
            Self::Lrp => "lrp",
            Self::Delegate => "delegate",
        }
    }
    pub fn parse(code: &str) -> Option<Self> {
        [Self::Lrp, Self::Delegate].into_iter().find(|r| r.code() == code)
    }

    /// The Join page's questions: only a health information custodian may ask, through its LRP
    /// or their delegate (`requester` is `None` for "neither").
    pub fn eligible(custodian: bool, requester: Option<Self>) -> Result<Self, NotEligible> {
        if !custodian {
            return Err(NotEligible::NotACustodian);
        }
        requester.ok_or(NotEligible::NotResponsible)
    }
}

/// Why an organisation cannot ask to join, as the Join page explains it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotEligible {
    /// Not a health information custodian: the portal holds health information for custodians.
    NotACustodian,
    /// Neither the LRP nor delegated by them: the LRP must ask or delegate.
    NotResponsible,
}

/// Where an organisation's request to join stands (`organisation_requests.state`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RequestState {
    /// Its requester has not confirmed their email yet (discarded after 24 hours).
    Unconfirmed,
    /// Waiting for the operator's decision.
    Submitted,
    /// The operator asked a question; the requester answers through their link.
    InformationRequested,
    /// Approved: the agreement was sent to the LRP to sign.
    AgreementPending,
    /// The organisation uses the portal.
    Active,
    Refused,
}

impl RequestState {
    /// The states the operator's console lists, in the order of its tabs.
    pub const LISTED: [Self; 5] =
        [Self::Submitted, Self::InformationRequested, Self::AgreementPending, Self::Active, Self::Refused];

    pub fn code(self) -> &'static str {
        match self {
            Self::Unconfirmed => "unconfirmed",
            Self::Submitted => "submitted",
            Self::InformationRequested => "information_requested",
            Self::AgreementPending => "agreement_pending",
            Self::Active => "active",
            Self::Refused => "refused",
        }
    }
    pub fn parse(code: &str) -> Option<Self> {
        [Self::Unconfirmed].into_iter().chain(Self::LISTED).find(|s| s.code() == code)
    }
    pub fn name_key(self) -> &'static str {
        match self {
            Self::Unconfirmed => "request-state-unconfirmed",
            Self::Submitted => "request-state-submitted",
            Self::InformationRequested => "request-state-information-requested",
            Self::AgreementPending => "request-state-agreement-pending",
            Self::Active => "request-state-active",
            Self::Refused => "request-state-refused",
        }
    }
    /// Still waiting for the operator: they may approve, refuse or ask.
    pub fn awaits_decision(self) -> bool {
        matches!(self, Self::Submitted | Self::InformationRequested)
    }
}
parse_from_string!(RequestState, OrganisationKind, NoteKind);

/// What was said about an organisation's request to join.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoteKind {
    /// The operator asked the requester.
    Question,
    /// The requester answered.
    Answer,
    /// The operator's reason for refusing.
    Refusal,
}

impl NoteKind {
    pub fn code(self) -> &'static str {
        match self {
            Self::Question => "question",
            Self::Answer => "answer",
            Self::Refusal => "refusal",
        }
    }
    pub fn parse(code: &str) -> Option<Self> {
        [Self::Question, Self::Answer, Self::Refusal].into_iter().find(|k| k.code() == code)
    }
    pub fn name_key(self) -> &'static str {
        match self {
            Self::Question => "request-note-question",
            Self::Answer => "request-note-answer",
            Self::Refusal => "request-note-refusal",
        }
    }
}
