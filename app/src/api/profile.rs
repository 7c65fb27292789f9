//! A person's profile as the account page and a caregiver with the profile scope see it, and
//! saving it. Shared by the person's own account and the caregiver's pages.
// A server function takes one argument per form field, so that a form posted without JavaScript
// maps onto it as it is; the attribute reaches the browser-side stub the macro generates only here.
#![allow(clippy::too_many_arguments)]
use super::ApiError;
use crate::actions::ProfileField;
use crate::door::GrantId;
use crate::i18n::Lang;
use crate::states::Method;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use {
    super::context::{self, require_session, Caller},
    crate::domain::onboarding::caregiver::{self, Area},
    crate::domain::{
        calendar, identity::account, identity::email_change, identity::recovery_code, identity::session,
        patient::profile, Ctx,
    },
};

/// The account settings page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountView {
    pub given_name: String,
    pub family_name: String,
    /// From the clinical record (patients only).
    pub birth_date: Option<chrono::NaiveDate>,
    pub email: String,
    /// A new address waiting for confirmation.
    pub pending_email: Option<String>,
    pub preferred_name: String,
    pub mobile_phone: String,
    pub home_phone: String,
    pub street: String,
    pub city: String,
    pub province: String,
    pub postal_code: String,
    /// `fr` or `en`: emails and notifications.
    pub language: String,
    /// `fr` or `en`: the pages.
    pub interface_language: String,
    pub method: Method,
    /// Staff and operators: an app or passkeys, never emailed codes alone.
    pub strong_factor_required: bool,
    /// Unused recovery codes; `None` for someone who never created any.
    pub recovery_codes_left: Option<i64>,
    pub sessions: Vec<MySession>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MySession {
    pub id: i64,
    pub device: String,
    pub ip: String,
    /// Last activity, the organisation's local time.
    pub last_seen: chrono::NaiveDateTime,
    pub current: bool,
}

/// An account's settings; its sessions only for its owner (`current_session`), never for a
/// caregiver looking at the patient's profile.
#[cfg(feature = "ssr")]
pub async fn account_view(
    ctx: &Ctx,
    account_id: i64,
    current_session: Option<i64>,
) -> Result<AccountView, ApiError> {
    let (db, now) = (&ctx.db, ctx.now);
    let me = account::find_by_id(db, account_id).await?;
    let details = profile::load(db, me.id).await?;
    let timezone = account::timezone(db, me.id).await?;
    let strong_factor_required = account::needs_strong_factor(db, me.id).await?;
    let sessions = match current_session {
        Some(_) => session::active_for(db, me.id, now).await?,
        None => Vec::new(),
    };
    Ok(AccountView {
        birth_date: account::birth_date(db, me.id).await?.as_deref().and_then(calendar::stored_date),
        pending_email: email_change::pending(db, me.id, now).await?,
        method: if me.totp_secret.is_some() {
            Method::Totp
        } else if strong_factor_required {
            Method::Passkey
        } else {
            Method::Email
        },
        strong_factor_required,
        recovery_codes_left: recovery_code::remaining(db, me.id).await?,
        given_name: me.given_name,
        family_name: me.family_name,
        email: me.email,
        preferred_name: details.preferred_name,
        mobile_phone: details.mobile_phone,
        home_phone: details.home_phone,
        street: details.street,
        city: details.city,
        province: details.province,
        postal_code: details.postal_code,
        language: details.language,
        interface_language: details.interface_language,
        sessions: sessions
            .into_iter()
            .map(|s| MySession {
                current: Some(s.id) == current_session,
                id: s.id,
                device: s.device.0,
                ip: s.ip,
                last_seen: calendar::local_time(s.last_seen_at, &timezone),
            })
            .collect(),
    })
}

/// Saves one group of fields (`field` names it); the others are absent. What was typed comes back
/// with the error so a page without JavaScript keeps it. Returns the new interface language, if
/// that is what changed, so the page can switch at once.
/// The header's language switch — a POST, since a GET never changes anything: the `lang` cookie,
/// and for a signed-in person their interface language setting too (the switch and the setting
/// are one choice); then back to the page it was used on.
#[server(prefix = "/api", endpoint = "switch_language")]
pub async fn switch_language(lang: Lang, #[server(default)] back: String) -> Result<(), ApiError> {
    context::set_language_cookie(lang);
    if let Ok(Caller { ctx, account, .. }) = require_session().await {
        profile::follow_language_switch(&ctx, account.id, lang).await?;
    }
    leptos_axum::redirect(&page_of_ours(&back));
    Ok(())
}

/// `back` when it is a page of this site (never another host), without its `lang=` (which would
/// switch back); else the home page.
pub fn page_of_ours(back: &str) -> String {
    if !back.starts_with('/') || back.starts_with("//") || back.contains('\\') {
        return "/".into();
    }
    let (path, query) = back.split_once('?').unwrap_or((back, ""));
    let kept: Vec<&str> = query.split('&').filter(|p| !p.is_empty() && !p.starts_with("lang=")).collect();
    if kept.is_empty() {
        path.into()
    } else {
        format!("{path}?{}", kept.join("&"))
    }
}

#[server(prefix = "/api", endpoint = "save_profile")]
pub async fn save_profile(
    field: Option<ProfileField>,
    preferred_name: Option<String>,
    mobile: Option<String>,
    home_phone: Option<String>,
    street: Option<String>,
    city: Option<String>,
    province: Option<String>,
    postal_code: Option<String>,
    language: Option<String>,
    /// Set when a caregiver saves the profile of the patient they act for.
    grant: Option<GrantId>,
) -> Result<Option<String>, ApiError> {
    let Caller { ctx, account: me, .. } = require_session().await?;
    let (subject, acting) = profile_subject(&ctx, me.id, grant).await?;
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let language_of = |value: &Option<String>| {
        value.as_deref().and_then(Lang::parse).ok_or_else(|| ApiError::invalid("error-language-invalid"))
    };
    let field = field.ok_or_else(|| ApiError::invalid("error-request-invalid"))?;
    let change = match field {
        ProfileField::PreferredName => profile::Change::PreferredName(text(&preferred_name)),
        ProfileField::Phones => profile::Change::Phones { mobile: text(&mobile), home: text(&home_phone) },
        ProfileField::Address => profile::Change::Address {
            street: text(&street),
            city: text(&city),
            province: text(&province),
            postal_code: text(&postal_code),
        },
        ProfileField::Language => profile::Change::Language(language_of(&language)?),
        ProfileField::InterfaceLanguage => profile::Change::InterfaceLanguage(language_of(&language)?),
    };
    let saved = profile::save(&ctx, subject, change).await.map_err(|e| {
        let mut error = ApiError::from(e);
        for (name, value) in [
            ("preferred_name", &preferred_name),
            ("mobile", &mobile),
            ("home_phone", &home_phone),
            ("street", &street),
            ("city", &city),
            ("province", &province),
            ("postal_code", &postal_code),
        ] {
            if let Some(value) = value {
                error = error.keep(name, value);
            }
        }
        error
    })?;
    if let Some(grant) = acting {
        leptos_axum::redirect(&format!("/for/{}/profile?saved={}", grant.id, field.code()));
        return Ok(None);
    }
    leptos_axum::redirect(&format!("/account?saved={}", field.code()));
    if let profile::Change::InterfaceLanguage(lang) = saved {
        context::set_language_cookie(lang);
        return Ok(Some(lang.code().into()));
    }
    Ok(None)
}

/// The patient's profile, for a caregiver whose scope includes it.
#[server(prefix = "/api", endpoint = "patient_profile")]
pub async fn patient_profile(grant_id: GrantId) -> Result<AccountView, ApiError> {
    let grant_id = grant_id.get();
    let Caller { ctx, account: me, .. } = require_session().await?;
    let db = &ctx.db;
    let grant = caregiver::access(db, me.id, grant_id, Some(Area::Profile), ctx.now).await?;
    let patient_account =
        grant.patient_account_id.ok_or_else(|| ApiError::conflict("error-patient-no-account"))?;
    ctx.for_patient(Some(patient_account))
        .audit_view(
            Some(grant.organisation_id),
            "profile.viewed",
            crate::domain::Target::Account(patient_account),
        )
        .await?;
    account_view(&ctx, patient_account, None).await
}

/// The account whose profile a save changes: mine, or the patient's I act for with the profile
/// scope; with the grant, for the audit trail.
#[cfg(feature = "ssr")]
pub async fn profile_subject(
    ctx: &Ctx,
    me: i64,
    grant_id: Option<GrantId>,
) -> Result<(i64, Option<caregiver::Grant>), ApiError> {
    let Some(grant_id) = grant_id else { return Ok((me, None)) };
    let grant = caregiver::access(&ctx.db, me, grant_id.get(), Some(Area::Profile), ctx.now).await?;
    let patient_account =
        grant.patient_account_id.ok_or_else(|| ApiError::conflict("error-patient-no-account"))?;
    Ok((patient_account, Some(grant)))
}

#[cfg(test)]
mod tests {
    use super::page_of_ours;

    #[test]
    fn the_switch_goes_back_only_to_a_page_of_ours_without_its_lang() {
        assert_eq!(page_of_ours("/account?saved=phones&lang=en"), "/account?saved=phones");
        assert_eq!(page_of_ours("/sign-in?lang=fr"), "/sign-in");
        assert_eq!(page_of_ours("/staff/patients?q=l%C3%A9a&page=2"), "/staff/patients?q=l%C3%A9a&page=2");
        for elsewhere in ["https://evil.example/", "//evil.example/x", "/\\evil.example", "", "account"] {
            assert_eq!(page_of_ours(elsewhere), "/", "{elsewhere:?}");
        }
    }
}
