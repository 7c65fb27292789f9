//! Server functions and the types they exchange with the browser. Each one is thin: find out who
//! is asking, check they may, call the domain, map the outcome to a translated message key.
pub mod account;
pub mod audit_trail;
pub mod auth;
pub mod care_teams;
pub mod caregivers;
pub mod contact;
#[cfg(feature = "ssr")]
pub mod context;
pub mod error;
#[cfg(feature = "ssr")]
mod file_form;
pub mod invitation;
pub mod joining;
#[cfg(feature = "ssr")]
mod message_form;
pub mod messages;
pub mod operator;
pub mod organisations;
pub mod passkeys;
pub mod password;
pub mod patient_import;
pub mod patients;
pub mod profile;
pub mod questionnaire_builder;
pub mod questionnaire_library;
pub mod questionnaires;
pub mod settings;
pub mod staff;
pub mod support;
pub mod terms;

pub use error::{ApiError, ErrorKind};
