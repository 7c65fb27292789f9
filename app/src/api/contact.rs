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
    /// The desk's address, or empty.
    pub email: String,
    pub hours: Vec<OpenDay>,
    /// The organisation's logo's address, when it has one.
    pub logo: Option<String>,
}

#[cfg(feature = "ssr")]
impl From<(crate::domain::organisation::support_contact::SupportContact, Option<String>)>
    for SupportContactView
{
    fn from(
        (c, logo): (crate::domain::organisation::support_contact::SupportContact, Option<String>),
    ) -> Self {
        Self { organisation: c.organisation, phone: c.phone, email: c.email, hours: c.hours, logo }
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

/// What an organisation publishes to its own people (`read`, for the reader's account), for the
/// signed-in reader. A visitor is not known to belong to any organisation: nothing.
#[cfg(feature = "ssr")]
async fn for_reader<T, V, F, Fut>(read: F) -> Result<Vec<V>, ApiError>
where
    V: From<T>,
    F: FnOnce(crate::domain::store::Db, i64) -> Fut,
    Fut: std::future::Future<Output = crate::domain::DomainResult<Vec<T>>>,
{
    match super::context::require_session().await {
        Ok(caller) => {
            Ok(read(caller.ctx.db.clone(), caller.account.id).await?.into_iter().map(V::from).collect())
        }
        Err(e) if e.is_signed_out() => Ok(Vec::new()),
        Err(e) => Err(e),
    }
}

/// The privacy officers of the signed-in reader's organisations (none for a visitor).
#[server(prefix = "/api", endpoint = "privacy_officers")]
pub async fn privacy_officers() -> Result<Vec<PrivacyOfficerView>, ApiError> {
    use crate::domain::organisation::privacy_officer;
    for_reader(|db, reader| async move { privacy_officer::published(&db, reader).await }).await
}

/// The support desks the Contact page lists: those of the signed-in reader's organisations (a
/// visitor gets the portal's own support only).
#[server(prefix = "/api", endpoint = "support_contacts")]
pub async fn support_contacts() -> Result<Vec<SupportContactView>, ApiError> {
    use crate::domain::organisation::{logo, support_contact};
    for_reader(|db, reader| async move {
        let contacts = support_contact::published(&db, reader).await?;
        let ids: Vec<i64> = contacts.iter().map(|c| c.organisation_id).collect();
        let mut logos = logo::addresses(&db, &ids).await?;
        Ok(contacts
            .into_iter()
            .map(|c| {
                let address = logos.remove(&c.organisation_id);
                (c, address)
            })
            .collect())
    })
    .await
}
