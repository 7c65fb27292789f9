//! The page address's parameters, typed (`#[derive(Params)]`): a segment that is not an id makes
//! the whole set `None`, and the page then shows "not found" without asking the server.
use crate::api::ApiError;
use crate::door::{
    AccountId, ConversationId, DraftId, GrantId, OrganisationRequestId, PatientId, PatientImportId,
    SentQuestionnaireId, TeamId,
};
use leptos::prelude::*;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;
use std::future::Future;

/// `/staff/patients/:id/…`
#[derive(Params, Clone, Copy, Debug, PartialEq)]
pub struct PatientParams {
    pub id: PatientId,
}

/// `/staff/patients/import/:id`, `…/codes`
#[derive(Params, Clone, Copy, Debug, PartialEq)]
pub struct PatientImportParams {
    pub id: PatientImportId,
}

/// `/staff/patients/:id/caregivers/:grant`
#[derive(Params, Clone, Copy, Debug, PartialEq)]
pub struct CaregiverParams {
    pub id: PatientId,
    pub grant: GrantId,
}

/// `/for/:grant/…` and `/account/caregivers/:grant/end`
#[derive(Params, Clone, Copy, Debug, PartialEq)]
pub struct GrantParams {
    pub grant: GrantId,
}

/// `/messages/:id`, `/staff/conversations/:id`
#[derive(Params, Clone, Copy, Debug, PartialEq)]
pub struct ConversationParams {
    pub id: ConversationId,
}

/// `/questionnaires/:id`, `/for/:grant/questionnaires/:id`, `/staff/questionnaires/:id`
#[derive(Params, Clone, Copy, Debug, PartialEq)]
pub struct QuestionnaireParams {
    pub id: SentQuestionnaireId,
}

/// `/staff/questionnaires/builder/:id`, `…/preview`
#[derive(Params, Clone, Copy, Debug, PartialEq)]
pub struct DraftParams {
    pub id: DraftId,
}

/// `/staff/teams/:id`
#[derive(Params, Clone, Copy, Debug, PartialEq)]
pub struct TeamParams {
    pub id: TeamId,
}

/// `/staff/team/:id`
#[derive(Params, Clone, Copy, Debug, PartialEq)]
pub struct AccountParams {
    pub id: AccountId,
}

/// `/operator/requests/:id`
#[derive(Params, Clone, Copy, Debug, PartialEq)]
pub struct OrganisationRequestParams {
    pub id: OrganisationRequestId,
}

/// A link's token (`/invitation/:token`, `/setup/:token`, `/email-change/:token`…): any text.
#[derive(Params, Clone, Debug, PartialEq)]
pub struct TokenParams {
    pub token: String,
}

/// The route's parameters as `P`, following the address; `None` when one is missing or bad.
pub fn route_params<P: Params + Clone + PartialEq + Send + Sync + 'static>() -> Memo<Option<P>> {
    let params = use_params::<P>();
    Memo::new(move |_| params.read().as_ref().ok().cloned())
}

/// The link's token from the address (empty when absent: the server then refuses it).
pub fn route_token() -> impl Fn() -> String + Copy {
    let params = route_params::<TokenParams>();
    move || params.read().as_ref().map(|p| p.token.clone()).unwrap_or_default()
}

/// The page's address as a path and its query (`/staff/patients?q=léa`), for a link back to it.
pub fn address(path: String, search: &str) -> String {
    match search.trim_start_matches('?') {
        "" => path,
        query => format!("{path}?{query}"),
    }
}

/// `fetch(id)`, or "not found" when the address holds no id.
pub async fn with_id<Id, T, Fut>(id: Option<Id>, fetch: impl FnOnce(Id) -> Fut) -> Result<T, ApiError>
where
    Fut: Future<Output = Result<T, ApiError>>,
{
    match id {
        Some(id) => fetch(id).await,
        None => Err(ApiError::not_found()),
    }
}
