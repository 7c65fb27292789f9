//! Server functions and the types they exchange with the browser. Each one is thin: find out who
//! is asking, check they may, call the domain, map the outcome to a translated message key.
pub mod account;
pub mod auth;
pub mod caregivers;
#[cfg(feature = "ssr")]
pub mod context;
pub mod invitation;
pub mod password;
pub mod patients;
pub mod staff;

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// An error the person can read: `key` names a message in `locales/*/main.ftl`. `kept` carries
/// back what they typed (never a secret), so a form posted without JavaScript loses nothing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    pub key: String,
    pub kept: Vec<(String, String)>,
    /// Values for the message's placeables, e.g. how many tries remain.
    pub args: Vec<(String, String)>,
}

impl ApiError {
    pub fn new(key: &str) -> Self {
        Self { key: key.to_string(), kept: Vec::new(), args: Vec::new() }
    }
    pub fn arg(mut self, name: &str, value: impl ToString) -> Self {
        self.args.push((name.to_string(), value.to_string()));
        self
    }
    pub fn keep(mut self, field: &str, value: &str) -> Self {
        self.kept.push((field.to_string(), value.to_string()));
        self
    }
    pub fn kept(&self, field: &str) -> Option<&str> {
        self.kept.iter().find(|(f, _)| f == field).map(|(_, v)| v.as_str())
    }
    pub fn signed_out() -> Self {
        Self::new("error-signed-out")
    }
    pub fn is_signed_out(&self) -> bool {
        self.key == "error-signed-out"
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
    fn from_server_fn_error(_: ServerFnErrorErr) -> Self {
        Self::new("error-unexpected")
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
        match error {
            DomainError::NotFound => Self::new("error-not-found"),
            DomainError::Invalid(key) | DomainError::Conflict(key) => Self::new(key),
            DomainError::Db(e) => {
                tracing::error!(error = %e, "database error");
                Self::new("error-unexpected")
            }
        }
    }
}
