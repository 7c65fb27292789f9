//! The platform operator's console: organisations' requests to join and the decision on each,
//! and the operators themselves. Every function is for operators only (403 for anyone else,
//! staff and patients included); none returns anything about patients or staff.
use super::ApiError;
use crate::actions::{OrganisationAction, RequestDecision};
use crate::api::staff::ServiceBoxes;
use crate::door::{OrganisationId, OrganisationRequestId};
use crate::i18n::Lang;
use crate::states::{DocumentKind, NoteKind, OrganisationKind, RequestState, Requester, Service};
use chrono::{NaiveDate, NaiveDateTime};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub use super::patients::IssuedCode;
#[cfg(feature = "ssr")]
use {
    super::context::{require_operator, Operator},
    super::patients::{show_once, take_shown, OPERATOR_SECRET_CODE},
    crate::domain::calendar::{local_time, DEFAULT_TIMEZONE},
    crate::domain::platform::{operator, review},
};

/// Whole days from `at` to `now`.
#[cfg(feature = "ssr")]
fn days_since(at: i64, now: i64) -> i64 {
    (now - at).max(0) / 86_400
}

/// A request in the console's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestLine {
    pub id: OrganisationRequestId,
    pub organisation: String,
    pub kind: OrganisationKind,
    pub received: NaiveDate,
    /// Whole days since it was received.
    pub age_days: i64,
}

/// The requests in one state, with how many each state holds (its tabs).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestList {
    pub state: RequestState,
    pub counts: Vec<(RequestState, i64)>,
    pub requests: Vec<RequestLine>,
}

/// The requests in `state` (by default those waiting for a decision), oldest first.
#[server(prefix = "/api", endpoint = "operator_requests")]
pub async fn operator_requests(state: Option<String>) -> Result<RequestList, ApiError> {
    let Operator { ctx, .. } = require_operator().await?;
    let state = state.as_deref().and_then(RequestState::parse).unwrap_or(RequestState::Submitted);
    let requests = review::list(&ctx.db, state)
        .await?
        .into_iter()
        .filter_map(|listed| {
            Some(RequestLine {
                id: OrganisationRequestId::new(listed.id)?,
                organisation: listed.legal_name,
                kind: listed.kind,
                received: local_time(listed.received_at, DEFAULT_TIMEZONE).date(),
                age_days: days_since(listed.received_at, ctx.now),
            })
        })
        .collect();
    Ok(RequestList { state, counts: review::counts(&ctx.db).await?, requests })
}

/// Someone a request names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedView {
    pub name: String,
    pub email: String,
    pub phone: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteView {
    pub kind: NoteKind,
    /// The operator who wrote it; `None` for the requester.
    pub author: Option<String>,
    pub body: String,
    pub at: NaiveDateTime,
}

/// One request as the operator reads it before deciding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestView {
    pub id: OrganisationRequestId,
    pub state: RequestState,
    pub kind: OrganisationKind,
    pub legal_name: String,
    pub address: String,
    pub phone: String,
    pub requester: Requester,
    pub delegate: Option<(String, String)>,
    pub lrp: NamedView,
    pub lrp_title: String,
    pub admin: NamedView,
    pub services: Vec<Service>,
    pub language: Lang,
    pub received: NaiveDateTime,
    pub age_days: i64,
    pub decided: Option<(NaiveDateTime, String)>,
    pub notes: Vec<NoteView>,
}

#[server(prefix = "/api", endpoint = "operator_request")]
pub async fn operator_request(id: OrganisationRequestId) -> Result<RequestView, ApiError> {
    let Operator { ctx, .. } = require_operator().await?;
    let request = review::one(&ctx.db, id.get()).await?;
    let at = |epoch| local_time(epoch, DEFAULT_TIMEZONE);
    let named = |person: review::Named| NamedView {
        name: format!("{} {}", person.given_name, person.family_name),
        email: person.email,
        phone: person.phone,
    };
    Ok(RequestView {
        id,
        state: request.state,
        kind: request.kind,
        legal_name: request.legal_name,
        address: request.address,
        phone: request.phone,
        requester: request.requester,
        delegate: (request.requester == Requester::Delegate)
            .then_some((request.delegate_name, request.delegate_email)),
        lrp: named(request.lrp),
        lrp_title: request.lrp_title,
        admin: named(request.admin),
        services: request.services,
        language: request.language,
        received: at(request.received_at),
        age_days: days_since(request.received_at, ctx.now),
        decided: request.decided_at.map(|when| (at(when), request.decided_by.unwrap_or_default())),
        notes: request
            .notes
            .into_iter()
            .map(|note| NoteView { kind: note.kind, author: note.author, body: note.body, at: at(note.at) })
            .collect(),
    })
}

/// The operator's decision: approve, refuse with `reason`, or ask `question`. Back to the
/// request's page, which says what was done; a refusal keeps what was typed.
#[server(prefix = "/api", endpoint = "decide_request")]
pub async fn decide_request(
    id: OrganisationRequestId,
    decision: RequestDecision,
    #[server(default)] reason: String,
    #[server(default)] question: String,
) -> Result<(), ApiError> {
    let Operator { ctx, .. } = require_operator().await?;
    let chosen = match decision {
        RequestDecision::Approve => review::Decision::Approve,
        RequestDecision::Refuse => review::Decision::Refuse { reason: reason.clone() },
        RequestDecision::Ask => review::Decision::Ask { question: question.clone() },
    };
    review::decide(&ctx, id.get(), chosen)
        .await
        .map_err(|e| ApiError::from(e).keep("reason", &reason).keep("question", &question))?;
    leptos_axum::redirect(&format!("/operator/requests/{id}?done={}", decision.code()));
    Ok(())
}

/// An operator as the console lists them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperatorLine {
    pub name: String,
    pub email: String,
    pub pending: bool,
    pub since: NaiveDate,
    pub is_me: bool,
}

#[server(prefix = "/api", endpoint = "operators")]
pub async fn operators() -> Result<Vec<OperatorLine>, ApiError> {
    let Operator { ctx, account } = require_operator().await?;
    Ok(operator::list(&ctx.db)
        .await?
        .into_iter()
        .map(|listed| OperatorLine {
            name: format!("{} {}", listed.given_name, listed.family_name),
            email: listed.email,
            pending: listed.pending,
            since: local_time(listed.created_at, DEFAULT_TIMEZONE).date(),
            is_me: listed.account_id == account.id,
        })
        .collect())
}

/// An operator adds another: the setup link is mailed, the secret code shown once on the next
/// page (`/operator/operators/code`) for the operator to hand over.
#[server(prefix = "/api", endpoint = "add_operator")]
pub async fn add_operator(
    #[server(default)] given_name: String,
    #[server(default)] family_name: String,
    #[server(default)] email: String,
    #[server(default)] language: String,
) -> Result<IssuedCode, ApiError> {
    let Operator { ctx, .. } = require_operator().await?;
    let new = operator::NewOperator {
        email: &email,
        given_name: &given_name,
        family_name: &family_name,
        language: Lang::from_code(&language),
    };
    let activation = operator::add(&ctx, new).await.map_err(|e| {
        ApiError::from(e).keep_all([
            ("given_name", Some(given_name.as_str())),
            ("family_name", Some(family_name.as_str())),
            ("email", Some(email.as_str())),
            ("language", Some(language.as_str())),
        ])
    })?;
    let name = format!("{} {}", given_name.trim(), family_name.trim());
    Ok(show_once(
        OPERATOR_SECRET_CODE,
        name,
        activation.code.as_str(),
        activation.expires_at,
        DEFAULT_TIMEZONE,
    ))
}

/// The secret code of the operator just added, once: reading it clears it.
#[server(prefix = "/api", endpoint = "take_operator_code")]
pub async fn take_operator_code() -> Result<Option<IssuedCode>, ApiError> {
    require_operator().await?;
    Ok(take_shown(OPERATOR_SECRET_CODE))
}

/// The agreement signed for a request that became an organisation, to read and print.
#[server(prefix = "/api", endpoint = "request_agreement")]
pub async fn request_agreement(
    id: OrganisationRequestId,
) -> Result<super::joining::SignedAgreementView, ApiError> {
    use crate::domain::platform::agreement::{self, Signer};
    let Operator { ctx, .. } = require_operator().await?;
    let signed = agreement::signed(&ctx.db, Signer::Request(id.get())).await?;
    Ok(super::joining::SignedAgreementView::of(signed, DEFAULT_TIMEZONE))
}

/// An organisation as the console lists it: counts, never who its patients are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationLine {
    pub id: OrganisationId,
    pub name: String,
    pub since: NaiveDate,
    /// Since when, and why, if the platform suspended it.
    pub suspended: Option<(NaiveDate, String)>,
    pub administrators: Vec<(String, String)>,
    pub staff: i64,
    pub patients: i64,
    pub services: Vec<Service>,
}

#[server(prefix = "/api", endpoint = "operator_organisations")]
pub async fn operator_organisations() -> Result<Vec<OrganisationLine>, ApiError> {
    use crate::domain::platform::organisations;
    let Operator { ctx, .. } = require_operator().await?;
    let date = |at| local_time(at, DEFAULT_TIMEZONE).date();
    Ok(organisations::list(&ctx.db)
        .await?
        .into_iter()
        .filter_map(|o| {
            Some(OrganisationLine {
                id: OrganisationId::new(o.id)?,
                name: o.name,
                since: date(o.created_at),
                suspended: o.suspended_at.map(|at| (date(at), o.suspension_reason)),
                administrators: o.administrators,
                staff: o.staff,
                patients: o.patients,
                services: o.services,
            })
        })
        .collect())
}

/// Suspends an organisation (`reason` required, mailed to its administrators) or reactivates it.
/// Back to the list, which says what was done; a refusal keeps the reason typed.
#[server(prefix = "/api", endpoint = "act_on_organisation")]
pub async fn act_on_organisation(
    organisation_id: OrganisationId,
    action: OrganisationAction,
    #[server(default)] reason: String,
) -> Result<(), ApiError> {
    use crate::domain::platform::organisations;
    let Operator { ctx, .. } = require_operator().await?;
    let done = match action {
        OrganisationAction::Suspend => {
            organisations::suspend(&ctx, organisation_id.get(), &reason).await.map_err(|e| {
                ApiError::from(e)
                    .keep("reason", &reason)
                    .keep("organisation_id", &organisation_id.to_string())
            })?;
            "suspended"
        }
        OrganisationAction::Reactivate => {
            organisations::reactivate(&ctx, organisation_id.get()).await?;
            "reactivated"
        }
    };
    leptos_axum::redirect(&format!("/operator/organisations?done={done}#organisation-{organisation_id}"));
    Ok(())
}

/// The services an organisation offers, as the operator ticks them (administration always). Back
/// to the list, which says it was done; a refusal keeps the boxes ticked.
#[server(prefix = "/api", endpoint = "set_offered_services")]
pub async fn set_offered_services(
    organisation_id: OrganisationId,
    #[server(flatten)]
    #[server(default)]
    services: ServiceBoxes,
) -> Result<(), ApiError> {
    use crate::domain::platform::organisations;
    let Operator { ctx, .. } = require_operator().await?;
    let chosen = services.chosen().unwrap_or_default();
    organisations::change_offering(&ctx, organisation_id.get(), &chosen)
        .await
        .map_err(|e| services.keep_in(e.into()).keep("organisation_id", &organisation_id.to_string()))?;
    leptos_axum::redirect(&format!("/operator/organisations?done=services#organisation-{organisation_id}"));
    Ok(())
}

/// The platform's documents as the console shows them: one kind's current text to edit, and every
/// version published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentsView {
    pub kind: DocumentKind,
    pub version: i64,
    pub body_fr: String,
    pub body_en: String,
    pub versions: Vec<DocumentVersion>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentVersion {
    pub kind: DocumentKind,
    pub version: i64,
    pub published: NaiveDate,
    /// `None`: shipped with the portal.
    pub by: Option<String>,
}

#[server(prefix = "/api", endpoint = "operator_documents")]
pub async fn operator_documents(kind: DocumentKind) -> Result<DocumentsView, ApiError> {
    use crate::domain::platform::document;
    let Operator { ctx, .. } = require_operator().await?;
    let current = document::current(&ctx.db, kind).await?;
    let versions = document::versions(&ctx.db)
        .await?
        .into_iter()
        .map(|v| DocumentVersion {
            kind: v.kind,
            version: v.version,
            published: local_time(v.published_at, DEFAULT_TIMEZONE).date(),
            by: v.published_by,
        })
        .collect();
    Ok(DocumentsView {
        kind,
        version: current.version,
        body_fr: current.body_fr,
        body_en: current.body_en,
        versions,
    })
}

/// Publishes the next version of a document (both languages, Markdown); the console then says so.
#[server(prefix = "/api", endpoint = "publish_document")]
pub async fn publish_document(
    kind: DocumentKind,
    #[server(default)] body_fr: String,
    #[server(default)] body_en: String,
) -> Result<(), ApiError> {
    let Operator { ctx, .. } = require_operator().await?;
    crate::domain::platform::document::publish(&ctx, kind, &body_fr, &body_en)
        .await
        .map_err(|e| ApiError::from(e).keep("body_fr", &body_fr).keep("body_en", &body_en))?;
    leptos_axum::redirect(&format!("/operator/documents?kind={}&published=1", kind.code()));
    Ok(())
}
