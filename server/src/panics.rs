//! A fault never drops a connection: a handler that panics answers 500 — a translated page, or the
//! server functions' error shape — carrying a reference that is logged once with the panic.
use crate::plain::{language_of, plain_page, wants_json};
use app::api::ApiError;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures::FutureExt;
use std::panic::AssertUnwindSafe;

tokio::task_local! {
    /// The reference of the request being handled, for the panic hook's log line.
    static REQUEST_ID: String;
}

/// Logs a panic once, through tracing, with the reference of the request it broke (when it broke
/// one), instead of the default hook's bare message on stderr.
pub fn log_panics_with_their_request() {
    std::panic::set_hook(Box::new(|info| {
        let request_id = REQUEST_ID.try_with(Clone::clone).unwrap_or_default();
        let location = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        tracing::error!(request_id, location, "panic: {message}");
    }));
}

/// Gives each request a reference (`x-request-id`) and turns a panic while handling it into a 500.
pub async fn answer_panics(request: Request, next: Next) -> Response {
    let request_id = app::domain::secret::new_token().1[..12].to_string();
    let lang = language_of(&request);
    let wants_json = wants_json(&request);
    let handled =
        REQUEST_ID.scope(request_id.clone(), AssertUnwindSafe(next.run(request)).catch_unwind()).await;
    let mut response = match handled {
        Ok(response) => response,
        Err(_) if wants_json => {
            let error = ApiError::internal().arg("reference", &request_id);
            (StatusCode::INTERNAL_SERVER_ERROR, axum::Json(error)).into_response()
        }
        Err(_) => {
            let page = plain_page(lang, "error-fault-title", "error-unexpected", Some(&request_id));
            (StatusCode::INTERNAL_SERVER_ERROR, page).into_response()
        }
    };
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        response.headers_mut().insert("x-request-id", value);
    }
    response
}
