//! The one error every server function answers with. Its `kind` decides the HTTP status (the
//! server sets it from the error in one place, `server::routes`), its `field` says which input the
//! message belongs to, and its `key` names the message in `locales/*/main.ftl`.
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// What went wrong, as a caller can act on it. Only `Unavailable` and `Internal` are faults.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ErrorKind {
    /// Input that breaks a rule (400).
    Invalid,
    /// No session, or it ended (401).
    Unauthenticated,
    /// Signed in, but this needs a role or a recent re-authentication (403).
    Forbidden,
    /// Missing, or not the caller's to see: both look the same (404).
    NotFound,
    /// The state changed under the request: taken, already used, ended (409).
    Conflict,
    /// Wait before trying again (429).
    TooManyRequests { retry_after: i64 },
    /// A dependency (the database) is down or saturated (503).
    Unavailable,
    /// A fault of ours (500).
    Internal,
}

impl ErrorKind {
    pub fn status(self) -> u16 {
        match self {
            Self::Invalid => 400,
            Self::Unauthenticated => 401,
            Self::Forbidden => 403,
            Self::NotFound => 404,
            Self::Conflict => 409,
            Self::TooManyRequests { .. } => 429,
            Self::Unavailable => 503,
            Self::Internal => 500,
        }
    }

    pub fn is_fault(self) -> bool {
        matches!(self, Self::Unavailable | Self::Internal)
    }
}

/// An error the person can read. `kept` carries back what they typed (never a secret), so a form
/// posted without JavaScript loses nothing; `args` fills the message's placeables.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    pub kind: ErrorKind,
    pub key: String,
    /// The form field the message is shown next to; `None` for the form as a whole.
    pub field: Option<String>,
    pub kept: Vec<(String, String)>,
    pub args: Vec<(String, String)>,
}

impl ApiError {
    pub fn new(kind: ErrorKind, key: &str) -> Self {
        Self { kind, key: key.to_string(), field: None, kept: Vec::new(), args: Vec::new() }
    }
    pub fn invalid(key: &str) -> Self {
        Self::new(ErrorKind::Invalid, key)
    }
    pub fn conflict(key: &str) -> Self {
        Self::new(ErrorKind::Conflict, key)
    }
    pub fn not_found() -> Self {
        Self::new(ErrorKind::NotFound, "error-not-found")
    }
    pub fn signed_out() -> Self {
        Self::new(ErrorKind::Unauthenticated, "error-signed-out")
    }
    pub fn forbidden() -> Self {
        Self::new(ErrorKind::Forbidden, "error-forbidden")
    }
    pub fn too_many(key: &str, retry_after: i64) -> Self {
        Self::new(ErrorKind::TooManyRequests { retry_after }, key).arg("seconds", retry_after)
    }
    /// Too many tries from this caller or for this target: the wait, rounded up to minutes.
    pub fn throttled(retry_after: i64) -> Self {
        let minutes = (retry_after.max(1) + 59) / 60;
        Self::new(ErrorKind::TooManyRequests { retry_after }, "error-too-many-attempts")
            .arg("minutes", minutes)
    }
    pub fn internal() -> Self {
        Self::new(ErrorKind::Internal, "error-unexpected")
    }
    pub fn unavailable() -> Self {
        Self::new(ErrorKind::Unavailable, "error-unavailable")
    }
    /// Ties the message to one field of the form.
    pub fn on(mut self, field: &str) -> Self {
        self.field = Some(field.to_string());
        self
    }
    pub fn arg(mut self, name: &str, value: impl ToString) -> Self {
        self.args.push((name.to_string(), value.to_string()));
        self
    }
    pub fn keep(mut self, field: &str, value: &str) -> Self {
        self.kept.push((field.to_string(), value.to_string()));
        self
    }
    /// Keeps every present value of `fields` (name, value).
    pub fn keep_all<'a>(self, fields: impl IntoIterator<Item = (&'a str, Option<&'a str>)>) -> Self {
        fields.into_iter().fold(self, |e, (name, value)| match value {
            Some(value) => e.keep(name, value),
            None => e,
        })
    }
    pub fn kept(&self, field: &str) -> Option<&str> {
        self.kept.iter().find(|(f, _)| f == field).map(|(_, v)| v.as_str())
    }
    pub fn is_signed_out(&self) -> bool {
        self.kind == ErrorKind::Unauthenticated
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.key)
    }
}

impl std::error::Error for ApiError {}

impl FromServerFnError for ApiError {
    type Encoder = JsonEncoding;
    /// Arguments that could not be decoded are the caller's fault; anything else is ours.
    fn from_server_fn_error(error: ServerFnErrorErr) -> Self {
        match error {
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => {
                Self::invalid("error-request-invalid")
            }
            _ => Self::internal(),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> Self {
        crate::domain::DomainError::from(error).into()
    }
}

#[cfg(feature = "ssr")]
impl From<crate::domain::DomainError> for ApiError {
    fn from(error: crate::domain::DomainError) -> Self {
        use crate::domain::DomainError;
        let with_field = |e: Self, field: Option<&str>| match field {
            Some(field) => e.on(field),
            None => e,
        };
        match error {
            DomainError::NotFound => Self::not_found(),
            DomainError::Invalid { key, field } => with_field(Self::invalid(key), field),
            DomainError::Conflict { key, field } => with_field(Self::conflict(key), field),
            DomainError::Db(sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed) => {
                tracing::error!("database unavailable");
                Self::unavailable()
            }
            DomainError::Db(e) => {
                tracing::error!(error = %e, "database error");
                Self::internal()
            }
            DomainError::Busy => {
                tracing::warn!("password work queue full");
                Self::unavailable()
            }
            DomainError::Unreadable => {
                tracing::error!("a sealed secret no installed key opens: is SECRET_KEY_FILE the right file?");
                Self::internal()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_faults_are_5xx() {
        let kinds = [
            ErrorKind::Invalid,
            ErrorKind::Unauthenticated,
            ErrorKind::Forbidden,
            ErrorKind::NotFound,
            ErrorKind::Conflict,
            ErrorKind::TooManyRequests { retry_after: 30 },
            ErrorKind::Unavailable,
            ErrorKind::Internal,
        ];
        for kind in kinds {
            assert_eq!(kind.status() >= 500, kind.is_fault(), "{kind:?}");
        }
        let statuses: Vec<u16> = kinds.iter().map(|k| k.status()).collect();
        assert_eq!(statuses, [400, 401, 403, 404, 409, 429, 503, 500]);
    }
}
