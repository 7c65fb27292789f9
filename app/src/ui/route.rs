//! Ids read from the page's address, typed: a segment that is not an id is no id, and the page
//! then shows "not found" without asking the server.
use crate::api::ApiError;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::future::Future;

/// An id from the route (`:id`, `:grant`); `None` when absent or not an id.
pub fn route_id<Id: std::str::FromStr>(name: &'static str) -> impl Fn() -> Option<Id> + Copy {
    let params = use_params_map();
    move || params.read().get(name).and_then(|v| v.parse().ok())
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
