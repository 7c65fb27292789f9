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
impl From<crate::domain::organisation::support_contact::SupportContact> for SupportContactView {
    fn from(c: crate::domain::organisation::support_contact::SupportContact) -> Self {
        Self { organisation: c.organisation, phone: c.phone, hours: c.hours }
    }
}

/// An organisation's privacy officer, as the privacy policy names them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivacyOfficerView {
    pub organisation: String,
    pub name: String,
    pub email: String,
    pub phone: String,
}

#[cfg(feature = "ssr")]
impl From<crate::domain::organisation::privacy_officer::PrivacyOfficer> for PrivacyOfficerView {
    fn from(o: crate::domain::organisation::privacy_officer::PrivacyOfficer) -> Self {
        Self { organisation: o.organisation, name: o.name, email: o.email, phone: o.phone }
    }
}

/// The privacy officers of the signed-in reader's organisations (none for a visitor).
#[server(prefix = "/api", endpoint = "privacy_officers")]
pub async fn privacy_officers() -> Result<Vec<PrivacyOfficerView>, ApiError> {
    use super::context::require_session;
    use crate::domain::organisation::privacy_officer;
    match require_session().await {
        Ok(caller) => {
            let officers = privacy_officer::published(&caller.ctx.db, caller.account.id).await?;
            Ok(officers.into_iter().map(Into::into).collect())
        }
        Err(e) if e.is_signed_out() => Ok(Vec::new()),
        Err(e) => Err(e),
    }
}

/// The support desks the Contact page lists: those of the signed-in reader's organisations.
#[server(prefix = "/api", endpoint = "support_contacts")]
pub async fn support_contacts() -> Result<Vec<SupportContactView>, ApiError> {
    use super::context::require_session;
    use crate::domain::organisation::support_contact;
    match require_session().await {
        Ok(caller) => {
            let contacts = support_contact::published(&caller.ctx.db, caller.account.id).await?;
            Ok(contacts.into_iter().map(Into::into).collect())
        }
        // A visitor is not known to belong to any organisation: the portal's own support only.
        Err(e) if e.is_signed_out() => Ok(Vec::new()),
        Err(e) => Err(e),
    }
}
