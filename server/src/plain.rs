//! Answers the server gives without the application (a fault, the database away, a body too
//! large): what the request asks for (its language, JSON or a page) and a plain translated page.
use app::i18n::{self, Lang};
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, Uri};
use axum::response::Html;

/// The language `?lang=` asks for, if any.
pub fn query_language(uri: &Uri) -> Option<Lang> {
    uri.query().and_then(|q| q.split('&').find_map(|pair| pair.strip_prefix("lang="))).and_then(Lang::parse)
}

/// `?lang=` first, then the `lang` cookie, then French: as the pages choose.
pub fn language_of(request: &Request<Body>) -> Lang {
    query_language(request.uri())
        .or_else(|| app::api::context::cookie_of(request.headers(), "lang").as_deref().and_then(Lang::parse))
        .unwrap_or(Lang::Fr)
}

/// Whether the caller is the hydrated app (it asks for JSON) rather than a browser page.
pub fn wants_json(request: &Request<Body>) -> bool {
    request
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("application/json"))
}

/// A page that needs nothing else to work (no script, no database, no render), for when the
/// application cannot answer: a title, a message, and the reference of a fault.
pub fn plain_page(lang: Lang, title_key: &str, message_key: &str, reference: Option<&str>) -> Html<String> {
    let text = |key: &str| html_escape(&i18n::text(lang, key));
    let reference = reference
        .map(|id| {
            format!("<p>{}</p>", html_escape(&i18n::text_with(lang, "error-reference", &[("reference", id)])))
        })
        .unwrap_or_default();
    Html(format!(
        "<!DOCTYPE html><html lang=\"{code}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} – {portal}</title><link rel=\"stylesheet\" href=\"{stylesheet}\"></head>\
         <body><main id=\"main\"><h1>{title}</h1><p>{message}</p>{reference}\
         <p><a href=\"/\">{home}</a></p></main></body></html>",
        code = lang.code(),
        title = text(title_key),
        portal = text("portal-name"),
        message = text(message_key),
        home = text("error-fault-home"),
        stylesheet = app::ui::bundle::stylesheet_href(),
    ))
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
