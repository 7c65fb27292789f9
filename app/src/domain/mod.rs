//! The rules of Portail, one module per concept. Server side only: nothing here reaches the browser.
pub mod access_log;
pub mod account;
pub mod attachment;
pub mod audit;
pub mod calendar;
pub mod care_team;
pub mod caregiver;
pub mod conversation;
pub mod credential;
pub mod demo;
pub mod email_change;
pub mod export;
pub mod invitation;
pub mod membership;
pub mod notification;
pub mod onboarding;
pub mod organisation;
pub mod overview;
pub mod password_reset;
pub mod patient;
pub mod patient_file;
pub mod professional_number;
pub mod profile;
pub mod recovery_code;
pub mod request;
pub mod secret;
pub mod security;
pub mod session;
pub mod setup_link;
pub mod sign_in;
pub mod staff_admin;
pub mod staff_invitation;
pub mod staff_list;
pub mod staff_service;
pub mod store;
pub mod support_contact;
pub mod support_desk;
pub mod throttle;

/// What a rule can refuse. The `api` layer turns each into an `ApiError` of the same kind.
#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    #[error("not found")]
    NotFound,
    /// Input that breaks a rule: `key` is the fluent message that explains it, `field` the input
    /// it belongs to (`None`: the form as a whole).
    #[error("invalid: {key}")]
    Invalid { key: &'static str, field: Option<&'static str> },
    /// The state does not allow it (taken, used, ended).
    #[error("conflict: {key}")]
    Conflict { key: &'static str, field: Option<&'static str> },
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    /// Too much work waiting (password hashing): try again in a moment.
    #[error("busy")]
    Busy,
}

impl DomainError {
    pub fn invalid(field: &'static str, key: &'static str) -> Self {
        Self::Invalid { key, field: Some(field) }
    }
    /// A refusal about the whole form rather than one field.
    pub fn refused(key: &'static str) -> Self {
        Self::Invalid { key, field: None }
    }
    pub fn conflict(field: Option<&'static str>, key: &'static str) -> Self {
        Self::Conflict { key, field }
    }
}

pub type DomainResult<T> = Result<T, DomainError>;

pub use request::{Ctx, RequestMeta};
