//! The organisation's settings (age of consent, the support desk's phone and hours, the privacy
//! officer) and the administrators' overview, for the organisation the administrator works in.
use super::ApiError;
use crate::states::Service;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use {
    super::context::{require_service, Staff},
    crate::domain::organisation,
};

/// The organisation's age of consent, for its settings page.
#[server(prefix = "/api", endpoint = "age_of_consent")]
pub async fn age_of_consent() -> Result<i64, ApiError> {
    let Staff { ctx, organisation_id, .. } = require_service(Service::Administration).await?;
    Ok(organisation::age_of_consent(&ctx.db, organisation_id).await?)
}

#[server(prefix = "/api", endpoint = "save_age_of_consent")]
pub async fn save_age_of_consent(#[server(default)] age: String) -> Result<(), ApiError> {
    let Staff { ctx, account: me, organisation_id, .. } = require_service(Service::Administration).await?;
    organisation::set_age_of_consent(&ctx, organisation_id, &age, me.id)
        .await
        .map_err(|e| ApiError::from(e).keep("age", &age))?;
    leptos_axum::redirect("/staff/settings?saved=1");
    Ok(())
}

/// The organisation's support desk as its administrators set it, for the settings page.
#[server(prefix = "/api", endpoint = "support_contact_settings")]
pub async fn support_contact_settings() -> Result<super::contact::SupportContactView, ApiError> {
    let Staff { ctx, organisation_id, .. } = require_service(Service::Administration).await?;
    Ok((crate::domain::organisation::support_contact::of(&ctx.db, organisation_id).await?, None).into())
}

/// A week's opening and closing times as typed, Monday first (see `hours::FIELDS`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WeekTimes {
    pub monday_opens: String,
    pub monday_closes: String,
    pub tuesday_opens: String,
    pub tuesday_closes: String,
    pub wednesday_opens: String,
    pub wednesday_closes: String,
    pub thursday_opens: String,
    pub thursday_closes: String,
    pub friday_opens: String,
    pub friday_closes: String,
    pub saturday_opens: String,
    pub saturday_closes: String,
    pub sunday_opens: String,
    pub sunday_closes: String,
}

impl WeekTimes {
    pub fn days(&self) -> [(&str, &str); 7] {
        [
            (&self.monday_opens, &self.monday_closes),
            (&self.tuesday_opens, &self.tuesday_closes),
            (&self.wednesday_opens, &self.wednesday_closes),
            (&self.thursday_opens, &self.thursday_closes),
            (&self.friday_opens, &self.friday_closes),
            (&self.saturday_opens, &self.saturday_closes),
            (&self.sunday_opens, &self.sunday_closes),
        ]
    }
    /// Keeps every typed time in a refusal, so the form comes back as it was sent.
    #[cfg(feature = "ssr")]
    fn keep_in(&self, error: ApiError) -> ApiError {
        self.days()
            .into_iter()
            .zip(crate::hours::FIELDS)
            .fold(error, |e, ((opens, closes), [o, c])| e.keep(o, opens).keep(c, closes))
    }
}

/// Saves the support desk's phone, address and hours shown on the Contact page.
#[server(prefix = "/api", endpoint = "save_support_contact")]
pub async fn save_support_contact(
    #[server(default)] support_phone: String,
    #[server(default)] support_email: String,
    #[server(flatten)]
    #[server(default)]
    week: WeekTimes,
) -> Result<(), ApiError> {
    use crate::domain::organisation::support_contact::{self, Typed};
    let Staff { ctx, organisation_id, .. } = require_service(Service::Administration).await?;
    let typed = Typed { phone: &support_phone, email: &support_email, days: week.days() };
    support_contact::save(&ctx, organisation_id, &typed).await.map_err(|e| {
        let error =
            ApiError::from(e).keep("support_phone", &support_phone).keep("support_email", &support_email);
        week.keep_in(error)
    })?;
    leptos_axum::redirect("/staff/settings?saved=support");
    Ok(())
}

/// The organisation's privacy officer as its administrators set it, for the settings page.
#[server(prefix = "/api", endpoint = "privacy_officer_settings")]
pub async fn privacy_officer_settings() -> Result<super::contact::PrivacyOfficerView, ApiError> {
    let Staff { ctx, organisation_id, .. } = require_service(Service::Administration).await?;
    Ok(organisation::privacy_officer::of(&ctx.db, organisation_id).await?.into())
}

/// Saves whom the organisation's people ask about their information (all empty: nobody named).
#[server(prefix = "/api", endpoint = "save_privacy_officer")]
pub async fn save_privacy_officer(
    #[server(default)] privacy_name: String,
    #[server(default)] privacy_email: String,
    #[server(default)] privacy_phone: String,
) -> Result<(), ApiError> {
    use organisation::privacy_officer::{self, Typed};
    let Staff { ctx, organisation_id, .. } = require_service(Service::Administration).await?;
    let typed = Typed { name: &privacy_name, email: &privacy_email, phone: &privacy_phone };
    privacy_officer::save(&ctx, organisation_id, &typed).await.map_err(|e| {
        ApiError::from(e)
            .keep("privacy_name", &privacy_name)
            .keep("privacy_email", &privacy_email)
            .keep("privacy_phone", &privacy_phone)
    })?;
    leptos_axum::redirect("/staff/settings?saved=privacy");
    Ok(())
}

/// One week of the overview's chart: its Monday and the invitations sent that week by outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekView {
    pub monday: chrono::NaiveDate,
    pub sent: i64,
    pub redeemed: i64,
    pub expired: i64,
    pub void: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverviewView {
    pub weeks: Vec<WeekView>,
    pub locked_now: i64,
    pub staff_pending: i64,
    pub mail_waiting: i64,
    pub mail_failed: i64,
}

/// The administrators' overview.
#[server(prefix = "/api", endpoint = "organisation_overview")]
pub async fn organisation_overview() -> Result<OverviewView, ApiError> {
    let Staff { ctx, organisation_id, timezone, .. } = require_service(Service::Administration).await?;
    let o = crate::domain::organisation::overview::read(&ctx.db, organisation_id, ctx.now, &timezone).await?;
    Ok(OverviewView {
        weeks: o
            .weeks
            .into_iter()
            .map(|w| WeekView {
                monday: w.monday,
                sent: w.sent,
                redeemed: w.redeemed,
                expired: w.expired,
                void: w.void,
            })
            .collect(),
        locked_now: o.locked_now,
        staff_pending: o.staff_pending,
        mail_waiting: o.mail_waiting,
        mail_failed: o.mail_failed,
    })
}

/// The participation agreement the organisation's legally responsible person signed, to read and
/// print; `None` for an organisation that was installed rather than joined.
#[server(prefix = "/api", endpoint = "signed_agreement")]
pub async fn signed_agreement() -> Result<Option<super::joining::SignedAgreementView>, ApiError> {
    use crate::domain::platform::agreement::{self, Signer};
    let Staff { ctx, organisation_id, timezone, .. } = require_service(Service::Administration).await?;
    match agreement::signed(&ctx.db, Signer::Organisation(organisation_id)).await {
        Ok(signed) => Ok(Some(super::joining::SignedAgreementView::of(signed, &timezone))),
        Err(crate::domain::DomainError::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The organisation's name, address, phone and time zone, as its administrators keep them, and
/// the services it offers (which the platform sets).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetailsView {
    pub name: String,
    pub address: String,
    pub phone: String,
    pub timezone: String,
    pub services: Vec<Service>,
    /// The logo's address, when it has one.
    pub logo: Option<String>,
}

#[server(prefix = "/api", endpoint = "organisation_details")]
pub async fn organisation_details() -> Result<DetailsView, ApiError> {
    let Staff { ctx, organisation_id, .. } = require_service(Service::Administration).await?;
    let d = organisation::details::of(&ctx.db, organisation_id).await?;
    let services = organisation::offering::offered(&ctx.db, organisation_id).await?;
    let logo = organisation::logo::addresses(&ctx.db, &[organisation_id]).await?.remove(&organisation_id);
    Ok(DetailsView { name: d.name, address: d.address, phone: d.phone, timezone: d.timezone, services, logo })
}

/// Saves the organisation's details; this also ticks "confirm the organisation's details".
#[server(prefix = "/api", endpoint = "save_organisation_details")]
pub async fn save_organisation_details(
    #[server(default)] organisation_name: String,
    #[server(default)] organisation_address: String,
    #[server(default)] organisation_phone: String,
    #[server(default)] timezone: String,
) -> Result<(), ApiError> {
    use organisation::details::{self, Typed};
    let Staff { ctx, organisation_id, .. } = require_service(Service::Administration).await?;
    let typed = Typed {
        name: &organisation_name,
        address: &organisation_address,
        phone: &organisation_phone,
        timezone: &timezone,
    };
    details::save(&ctx, organisation_id, &typed).await.map_err(|e| {
        ApiError::from(e)
            .keep("organisation_name", &organisation_name)
            .keep("organisation_address", &organisation_address)
            .keep("organisation_phone", &organisation_phone)
            .keep("timezone", &timezone)
    })?;
    leptos_axum::redirect("/staff/settings?saved=details");
    Ok(())
}

/// The path of the form that sends the organisation's logo (multipart, its file in `logo`;
/// `server/src/middleware.rs`).
pub const LOGO_UPLOAD_PATH: &str = "/api/upload_logo";

/// Replaces the organisation's logo; back to the settings, which show it.
#[server(prefix = "/api", endpoint = "upload_logo", input = leptos::server_fn::codec::MultipartFormData)]
pub async fn upload_logo(data: leptos::server_fn::codec::MultipartData) -> Result<(), ApiError> {
    use organisation::logo;
    let Staff { ctx, organisation_id, .. } = require_service(Service::Administration).await?;
    let (_, content) = super::file_form::one_file(data, "logo", logo::MAX_BYTES)
        .await?
        .ok_or_else(|| ApiError::invalid("error-logo-required").on("logo"))?;
    logo::save(&ctx, organisation_id, &content).await?;
    leptos_axum::redirect("/staff/settings?saved=logo#logo-settings");
    Ok(())
}

#[server(prefix = "/api", endpoint = "remove_logo")]
pub async fn remove_logo() -> Result<(), ApiError> {
    let Staff { ctx, organisation_id, .. } = require_service(Service::Administration).await?;
    organisation::logo::remove(&ctx, organisation_id).await?;
    leptos_axum::redirect("/staff/settings?saved=logo-removed#logo-settings");
    Ok(())
}

/// The logo of an organisation the caller belongs to (staff, patient or caregiver), for the plain
/// route that serves it; "not found" for anyone else.
#[cfg(feature = "ssr")]
pub async fn logo_file(
    caller: super::context::Caller,
    organisation_id: i64,
) -> Result<organisation::logo::Logo, ApiError> {
    Ok(organisation::logo::for_reader(&caller.ctx.db, caller.account.id, organisation_id).await?)
}

/// A new organisation's first steps, each done or not (see `details::FirstSteps`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirstStepsView {
    pub details: bool,
    pub staff: bool,
    pub support: bool,
    pub care_team: bool,
    /// `None`: the organisation does not offer invitations, so there is no such step.
    pub patients: Option<bool>,
}

impl FirstStepsView {
    /// Each step's message key, where it is done, and whether it is.
    pub fn steps(self) -> Vec<(&'static str, &'static str, bool)> {
        let mut steps = vec![
            ("first-steps-details", "/staff/settings#organisation-details", self.details),
            ("first-steps-staff", "/staff/team", self.staff),
            ("first-steps-support", "/staff/settings#support-desk", self.support),
            ("first-steps-care-team", "/staff/teams", self.care_team),
        ];
        if let Some(invited) = self.patients {
            steps.push(("first-steps-patients", "/staff/patients", invited));
        }
        steps
    }
}

/// The first steps of the organisation the administrator works in.
#[server(prefix = "/api", endpoint = "first_steps")]
pub async fn first_steps() -> Result<FirstStepsView, ApiError> {
    let Staff { ctx, organisation_id, .. } = require_service(Service::Administration).await?;
    let s = organisation::details::first_steps(&ctx.db, organisation_id).await?;
    let offered = organisation::offering::offered(&ctx.db, organisation_id).await?;
    Ok(FirstStepsView {
        details: s.details_confirmed,
        staff: s.team_added,
        support: s.support_set,
        care_team: s.care_team_created,
        patients: offered.contains(&Service::Invitations).then_some(s.patients_invited),
    })
}
