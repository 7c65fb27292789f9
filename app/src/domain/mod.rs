//! The rules of Portail, grouped by area, one module per concept. Server side only: nothing here
//! reaches the browser. Areas name each other only through `crate::domain::<area>::<module>`; the
//! modules at this level (store, request, audit, calendar, notification, retention, secret, sql, error)
//! serve every area.
pub mod audit;
pub mod calendar;
pub mod demo;
mod error;
pub mod identity;
pub mod messaging;
pub mod notification;
pub mod onboarding;
pub mod organisation;
pub mod patient;
pub mod platform;
pub mod questionnaire;
pub mod request;
pub mod retention;
pub mod sealing;
pub mod secret;
pub mod sql;
pub mod store;

pub use audit::Target;
pub use error::{DomainError, DomainResult};
pub use request::{Ctx, RequestMeta};
