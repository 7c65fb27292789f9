//! The rules of Portail, one module per concept. Server side only: nothing here reaches the browser.
pub mod access_log;
pub mod account;
pub mod audit;
pub mod caregiver;
pub mod credential;
pub mod demo;
pub mod email_change;
pub mod export;
pub mod invitation;
pub mod notification;
pub mod organisation;
pub mod password_reset;
pub mod patient;
pub mod profile;
pub mod recovery_code;
pub mod secret;
pub mod session;
pub mod setup_link;
pub mod store;

/// What a rule can refuse. The `api` layer turns each into a translated message key.
#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    #[error("not found")]
    NotFound,
    /// Input that breaks a rule; the string is the fluent key that explains it.
    #[error("invalid: {0}")]
    Invalid(&'static str),
    #[error("conflict: {0}")]
    Conflict(&'static str),
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
}

pub type DomainResult<T> = Result<T, DomainError>;

/// Who did something and from where, carried into the audit trail and the session list.
#[derive(Clone, Debug, Default)]
pub struct RequestMeta {
    pub ip: String,
    pub user_agent: String,
}
