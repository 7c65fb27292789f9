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
    /// A sealed secret that no installed key opens (the key file is not the one it was sealed with).
    #[error("a sealed secret no installed key opens")]
    Unreadable,
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
