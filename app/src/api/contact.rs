//! What the Contact page says about organisations' support desks (public: read before signing in
//! as well as after).
use super::ApiError;
use crate::hours::OpenDay;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// An organisation's support desk: its phone (`514-555-0123`, or empty) and open days.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportContactView {
    pub organisation: String,
    pub phone: String,
    pub hours: Vec<OpenDay>,
}

#[cfg(feature = "ssr")]
impl From<crate::domain::support_contact::SupportContact> for SupportContactView {
    fn from(c: crate::domain::support_contact::SupportContact) -> Self {
        Self { organisation: c.organisation, phone: c.phone, hours: c.hours }
    }
}

/// The support desks the Contact page lists, and whether they are the reader's own organisations
/// (signed in) or every organisation that published one (signed out).
#[server(prefix = "/api", endpoint = "support_contacts")]
pub async fn support_contacts() -> Result<(bool, Vec<SupportContactView>), ApiError> {
    use super::context::{require_session, state};
    use crate::domain::support_contact;
    let reader = match require_session().await {
        Ok(caller) => Some(caller.account.id),
        Err(e) if e.is_signed_out() => None,
        Err(e) => return Err(e),
    };
    let contacts = support_contact::published(&state().db, reader).await?;
    Ok((reader.is_some(), contacts.into_iter().map(Into::into).collect()))
}
