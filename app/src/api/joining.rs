//! Organisations asking to join the portal (public: no account needed). The rules are in
//! `domain::joining::request`.
// A request is one form of many fields, each its own argument (a plain form post).
#![allow(clippy::too_many_arguments)]
use super::ApiError;
use leptos::prelude::*;
use std::collections::HashMap;

#[cfg(feature = "ssr")]
use super::context;
#[cfg(feature = "ssr")]
use crate::domain::identity::throttle::{self, Limit};

/// The day the oldest request still waiting was confirmed (today when none waits), for the Join
/// page's "we are processing requests received on or before …".
#[server(prefix = "/api", endpoint = "join_processing_date")]
pub async fn join_processing_date() -> Result<chrono::NaiveDate, ApiError> {
    use crate::domain::platform::joining;
    Ok(joining::processing_since(&context::request()).await?)
}

/// Records an organisation's request and mails its confirmation link to the requester.
#[server(prefix = "/api", endpoint = "ask_to_join")]
pub async fn ask_to_join(
    #[server(default)] kind: String,
    #[server(default)] requester: String,
    #[server(default)] legal_name: String,
    #[server(default)] address: String,
    #[server(default)] phone: String,
    #[server(default)] delegate_name: String,
    #[server(default)] delegate_email: String,
    #[server(default)] lrp_given_name: String,
    #[server(default)] lrp_family_name: String,
    #[server(default)] lrp_title: String,
    #[server(default)] lrp_email: String,
    #[server(default)] lrp_phone: String,
    lrp_is_admin: Option<String>,
    #[server(default)] admin_given_name: String,
    #[server(default)] admin_family_name: String,
    #[server(default)] admin_email: String,
    #[server(default)] admin_phone: String,
    #[server(default)] services: HashMap<String, String>,
    attested: Option<String>,
) -> Result<(), ApiError> {
    use crate::domain::platform::joining;
    use crate::states::{OrganisationKind, Requester, Service};
    let keep = |error: ApiError| {
        let error = error.keep_all([
            ("kind", Some(kind.as_str())),
            ("requester", Some(requester.as_str())),
            ("legal_name", Some(legal_name.as_str())),
            ("address", Some(address.as_str())),
            ("phone", Some(phone.as_str())),
            ("delegate_name", Some(delegate_name.as_str())),
            ("delegate_email", Some(delegate_email.as_str())),
            ("lrp_given_name", Some(lrp_given_name.as_str())),
            ("lrp_family_name", Some(lrp_family_name.as_str())),
            ("lrp_title", Some(lrp_title.as_str())),
            ("lrp_email", Some(lrp_email.as_str())),
            ("lrp_phone", Some(lrp_phone.as_str())),
            ("lrp_is_admin", lrp_is_admin.as_deref()),
            ("admin_given_name", Some(admin_given_name.as_str())),
            ("admin_family_name", Some(admin_family_name.as_str())),
            ("admin_email", Some(admin_email.as_str())),
            ("admin_phone", Some(admin_phone.as_str())),
            ("attested", attested.as_deref()),
        ]);
        services.keys().fold(error, |e, code| e.keep(&format!("services[{code}]"), "on"))
    };
    // The confirmation goes to whoever fills the form: the delegate, or else the LRP.
    let mailed = if requester == Requester::Delegate.code() { &delegate_email } else { &lrp_email };
    context::throttle(&[
        (Limit::OrganisationRequestFromAddress, &context::address_key()),
        (Limit::OrganisationRequestForEmail, &throttle::email_key(mailed)),
    ])
    .await
    .map_err(keep)?;
    let typed = joining::Typed {
        kind: OrganisationKind::parse(&kind),
        requester: Requester::parse(&requester),
        legal_name: &legal_name,
        address: &address,
        phone: &phone,
        delegate_name: &delegate_name,
        delegate_email: &delegate_email,
        lrp_given_name: &lrp_given_name,
        lrp_family_name: &lrp_family_name,
        lrp_title: &lrp_title,
        lrp_email: &lrp_email,
        lrp_phone: &lrp_phone,
        lrp_is_admin: lrp_is_admin.is_some(),
        admin_given_name: &admin_given_name,
        admin_family_name: &admin_family_name,
        admin_email: &admin_email,
        admin_phone: &admin_phone,
        services: services.keys().filter_map(|code| Service::parse(code)).collect(),
        attested: attested.is_some(),
    };
    joining::submit(&context::request(), &typed, context::language()).await.map_err(|e| keep(e.into()))?;
    leptos_axum::redirect("/join/sent");
    Ok(())
}

/// Where a confirmation link stands, for its page.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RequestLink {
    Waiting { organisation: String },
    Confirmed { organisation: String },
    Unusable,
}

#[cfg(feature = "ssr")]
impl From<crate::domain::platform::joining::Link> for RequestLink {
    fn from(link: crate::domain::platform::joining::Link) -> Self {
        use crate::domain::platform::joining::Link;
        match link {
            Link::Waiting { legal_name } => Self::Waiting { organisation: legal_name },
            Link::Confirmed { legal_name } => Self::Confirmed { organisation: legal_name },
            Link::Unusable => Self::Unusable,
        }
    }
}

#[server(prefix = "/api", endpoint = "organisation_request_link")]
pub async fn organisation_request_link(#[server(default)] token: String) -> Result<RequestLink, ApiError> {
    use crate::domain::platform::joining;
    context::throttle(&[(Limit::LinkFromAddress, &context::address_key())]).await?;
    Ok(joining::inspect(&context::request(), &token).await?.into())
}

/// The requester confirms their email: the request counts from now. Back to the link's page,
/// which then says so.
#[server(prefix = "/api", endpoint = "confirm_organisation_request")]
pub async fn confirm_organisation_request(#[server(default)] token: String) -> Result<(), ApiError> {
    use crate::domain::platform::joining::{self, Link};
    context::throttle(&[(Limit::LinkFromAddress, &context::address_key())]).await?;
    match joining::confirm(&context::request(), &token).await? {
        Link::Unusable => Err(ApiError::conflict("error-join-link-unusable")),
        _ => {
            leptos_axum::redirect(&format!("/join/confirm/{}", urlencoding::encode(&token)));
            Ok(())
        }
    }
}

/// Where the link that answers an operator's question stands, for its page.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum QuestionLink {
    Open { organisation: String, question: String },
    Answered { organisation: String },
    Unusable,
}

#[cfg(feature = "ssr")]
impl From<crate::domain::platform::joining::AnswerLink> for QuestionLink {
    fn from(link: crate::domain::platform::joining::AnswerLink) -> Self {
        use crate::domain::platform::joining::AnswerLink;
        match link {
            AnswerLink::Open { legal_name, question } => Self::Open { organisation: legal_name, question },
            AnswerLink::Answered { legal_name } => Self::Answered { organisation: legal_name },
            AnswerLink::Unusable => Self::Unusable,
        }
    }
}

#[server(prefix = "/api", endpoint = "organisation_request_question")]
pub async fn organisation_request_question(
    #[server(default)] token: String,
) -> Result<QuestionLink, ApiError> {
    use crate::domain::platform::joining;
    context::throttle(&[(Limit::LinkFromAddress, &context::address_key())]).await?;
    Ok(joining::answer_link(&context::request(), &token).await?.into())
}

/// The requester answers the operator's question; back to the link's page, which then says so.
/// A refusal keeps the answer typed.
#[server(prefix = "/api", endpoint = "answer_organisation_request")]
pub async fn answer_organisation_request(
    #[server(default)] token: String,
    #[server(default)] answer: String,
) -> Result<(), ApiError> {
    use crate::domain::platform::joining::{self, AnswerLink};
    context::throttle(&[(Limit::LinkFromAddress, &context::address_key())])
        .await
        .map_err(|e| e.keep("answer", &answer))?;
    match joining::answer(&context::request(), &token, &answer).await {
        Ok(AnswerLink::Unusable) => Err(ApiError::conflict("error-join-link-unusable")),
        Ok(_) => {
            leptos_axum::redirect(&format!("/join/answer/{}", urlencoding::encode(&token)));
            Ok(())
        }
        Err(e) => Err(ApiError::from(e).keep("answer", &answer)),
    }
}

/// The agreement link's page: the documents to sign, in the page's language.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum AgreementLink {
    ToSign { organisation: String, lrp_name: String, agreement_html: String, terms_html: String },
    Signed { organisation: String },
    Unusable,
}

#[server(prefix = "/api", endpoint = "organisation_agreement")]
pub async fn organisation_agreement(#[server(default)] token: String) -> Result<AgreementLink, ApiError> {
    use crate::domain::platform::agreement::{self, Link};
    context::throttle(&[(Limit::LinkFromAddress, &context::address_key())]).await?;
    let lang = context::language();
    Ok(match agreement::inspect(&context::request(), &token).await? {
        Link::ToSign { legal_name, lrp_name, agreement, terms } => AgreementLink::ToSign {
            organisation: legal_name,
            lrp_name,
            agreement_html: agreement.html(lang),
            terms_html: terms.html(lang),
        },
        Link::Signed { legal_name } => AgreementLink::Signed { organisation: legal_name },
        Link::Unusable => AgreementLink::Unusable,
    })
}

/// The legally responsible person signs: their name typed, the box ticked. Back to the link's
/// page, which then says the agreement is signed; a refusal keeps what was typed.
#[server(prefix = "/api", endpoint = "sign_agreement")]
pub async fn sign_agreement(
    #[server(default)] token: String,
    #[server(default)] signed_name: String,
    accepted: Option<String>,
) -> Result<(), ApiError> {
    use crate::domain::platform::agreement::{self, Link};
    let keep = |e: ApiError| {
        e.keep_all([("signed_name", Some(signed_name.as_str())), ("accepted", accepted.as_deref())])
    };
    context::throttle(&[(Limit::LinkFromAddress, &context::address_key())]).await.map_err(keep)?;
    match agreement::sign(&context::request(), &token, &signed_name, accepted.is_some()).await {
        Ok(Link::Unusable) => Err(ApiError::conflict("error-join-link-unusable")),
        Ok(_) => {
            leptos_axum::redirect(&format!("/join/agreement/{}", urlencoding::encode(&token)));
            Ok(())
        }
        Err(e) => Err(keep(e.into())),
    }
}

/// A signed agreement, to read and print: the documents as signed, in the language signed.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SignedAgreementView {
    pub organisation: String,
    pub signed_name: String,
    pub signed_at: chrono::NaiveDateTime,
    pub ip: String,
    pub user_agent: String,
    pub language: crate::i18n::Lang,
    pub agreement_version: i64,
    pub terms_version: i64,
    pub agreement_html: String,
    pub terms_html: String,
}

#[cfg(feature = "ssr")]
impl SignedAgreementView {
    /// The view of `signed`, its time on `timezone`'s clock.
    pub fn of(signed: crate::domain::platform::agreement::SignedAgreement, timezone: &str) -> Self {
        let lang = signed.language;
        Self {
            organisation: signed.legal_name,
            signed_name: signed.signed_name,
            signed_at: crate::domain::calendar::local_time(signed.signed_at, timezone),
            ip: signed.ip,
            user_agent: signed.user_agent,
            language: lang,
            agreement_version: signed.agreement.version,
            terms_version: signed.terms.version,
            agreement_html: signed.agreement.html(lang),
            terms_html: signed.terms.html(lang),
        }
    }
}
