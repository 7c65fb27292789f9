//! A fault never drops a connection: a handler that panics answers 500 — a translated page, or the
//! server functions' error shape — carrying a reference that is logged once with the panic.
use app::api::ApiError;
use app::i18n::{self, Lang};
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
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
    let wants_json = request
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("application/json"));
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

/// `?lang=` first, then the `lang` cookie, then French: as the pages choose.
pub(crate) fn language_of(request: &Request<Body>) -> Lang {
    let from_query = request
        .uri()
        .query()
        .and_then(|q| q.split('&').find_map(|pair| pair.strip_prefix("lang=")))
        .and_then(Lang::parse);
    let from_cookie = || {
        request
            .headers()
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .find_map(|pair| pair.trim().strip_prefix("lang="))
            .and_then(Lang::parse)
    };
    from_query.or_else(from_cookie).unwrap_or(Lang::Fr)
}

/// A page that needs nothing else to work (no script, no database, no render), for when the
/// application cannot answer: a title, a message, and the reference of a fault.
pub(crate) fn plain_page(
    lang: Lang,
    title_key: &str,
    message_key: &str,
    reference: Option<&str>,
) -> Html<String> {
    let text = |key: &str| html_escape(&i18n::text(lang, key));
    let reference = reference
        .map(|id| {
            format!("<p>{}</p>", html_escape(&i18n::text_with(lang, "error-reference", &[("reference", id)])))
        })
        .unwrap_or_default();
    Html(format!(
        "<!DOCTYPE html><html lang=\"{code}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} – {portal}</title><link rel=\"stylesheet\" href=\"/pkg/portail.css\"></head>\
         <body><main id=\"main\"><h1>{title}</h1><p>{message}</p>{reference}\
         <p><a href=\"/\">{home}</a></p></main></body></html>",
        code = lang.code(),
        title = text(title_key),
        portal = text("portal-name"),
        message = text(message_key),
        home = text("error-fault-home"),
    ))
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
