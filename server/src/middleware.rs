//! Cross-cutting HTTP rules (docs/RULES.md §6): state changes only from our own origin, security headers
//! on every response, nothing cached, `?lang=` remembered in a cookie, and private pages only for
//! signed-in people.
use crate::plain::{language_of, plain_page, query_language, wants_json};
use app::api::messages::FILE_FORMS;
use app::domain::identity::session::{self, Activity};
use app::domain::store;
use app::state::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Refuses any request that may change state (every method but GET/HEAD/OPTIONS) unless the
/// browser says it comes from the portal's own origin.
pub async fn same_origin_only(expected_origin: String, request: Request, next: Next) -> Response {
    if matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(request).await;
    }
    let headers = request.headers();
    let allowed = match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        Some(origin) => origin == expected_origin,
        None => headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) == Some("same-origin"),
    };
    if allowed {
        next.run(request).await
    } else {
        tracing::warn!(method = %request.method(), path = %request.uri().path(), "cross-origin request refused");
        (StatusCode::FORBIDDEN, "Forbidden: cross-origin request / requête d'une autre origine refusée")
            .into_response()
    }
}

/// The nonce a page's inline scripts carry, chosen before the page is rendered (`page_policy`)
/// and given to the render (`routes::request_context`).
#[derive(Clone)]
pub struct PageNonce(pub std::sync::Arc<str>);

/// Every HTML page's `Content-Security-Policy`: scripts only from here or with this request's
/// nonce, WebAssembly may compile, nothing framed. Set on the response here rather than from
/// inside the render: a header the render put in Leptos's `ResponseOptions` was now and then
/// missing from the response under load (1–2 pages in 100 with several quick navigations on a
/// busy machine), and the fallback `default-src 'none'` then blocked the page's styles and
/// scripts, so the page never became interactive.
pub async fn page_policy(mut request: Request, next: Next) -> Response {
    let nonce = leptos::nonce::Nonce::new().as_inner().clone();
    request.extensions_mut().insert(PageNonce(nonce.clone()));
    let render = crate::split_preloads::RenderOwner::default();
    request.extensions_mut().insert(render.clone());
    let mut response = crate::split_preloads::in_render_owner(render, next.run(request)).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"));
    if is_html {
        let policy = format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'nonce-{nonce}'; style-src 'self'; \
             img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; \
             form-action 'self'; frame-ancestors 'none'"
        );
        if let Ok(policy) = HeaderValue::from_str(&policy) {
            response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, policy);
        }
        let (mut parts, body) = response.into_parts();
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, crate::crossorigin::with_valid_crossorigin(body, &nonce));
    }
    response
}

pub async fn security_headers(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let asset = path.strip_prefix("/pkg/").or_else(|| path.strip_prefix("/locales/")).map(named_by_content);
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    // `same-origin`, not `no-referrer`: a form posted without JavaScript is sent back to the page
    // it came from (its Referer) with its error; other sites still never see our URLs.
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.entry(header::CONTENT_SECURITY_POLICY).or_insert(HeaderValue::from_static(
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    ));
    if let Some(named_by_content) = asset {
        // A file named by its content never changes: kept a year, never asked again. One with a
        // plain name (a build without hashes) is kept but revalidated (304 when unchanged).
        let caching = if named_by_content { "public, max-age=31536000, immutable" } else { "no-cache" };
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(caching));
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    } else {
        // Pages may show personal data: never keep them in a shared or browser cache. A route
        // that says otherwise keeps its word (an organisation's logo, kept privately).
        headers.entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static("no-store"));
    }
    response
}

/// Over https, browsers are told to come back only over https for two years (HSTS), so that
/// someone on the network cannot strip TLS from a later visit (a link typed without `https://`).
/// Never on `http://localhost`, where a browser would then refuse every local http server.
pub async fn strict_transport(State(https): State<bool>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    if https {
        response.headers_mut().insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        );
    }
    response
}

/// `portail.<hash>.wasm`: cargo-leptos's content hash is 22 letters of URL-safe base64 (MD5).
fn named_by_content(file_name: &str) -> bool {
    file_name.split('.').skip(1).any(|part| {
        part.len() == 22 && part.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    })
}

/// `?lang=en` on any page (a link in an email, say) shows it in that language and sets the `lang`
/// cookie so the next pages follow. It never changes a person's settings: a GET changes nothing
/// (the header's switch posts to `switch_language`).
pub async fn remember_language(request: Request, next: Next) -> Response<Body> {
    let chosen = query_language(request.uri());
    let mut response = next.run(request).await;
    if let Some(lang) = chosen {
        response
            .headers_mut()
            .append(header::SET_COOKIE, HeaderValue::from_str(&lang.cookie()).expect("valid cookie"));
    }
    response
}

/// A signed-out visit to a page for signed-in people goes to sign-in first, and comes back to
/// that page afterwards; a live session is left in the request for the render's server functions.
/// A person who has not accepted the current terms of use goes to them first (but may still
/// confirm who they are and close their account instead). (The data export checks its own session
/// and answers for itself.)
pub async fn private_pages_need_a_session(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path();
    if request.method() != Method::GET || !app::api::auth::is_private_page(path) || path == "/account/export"
    {
        return next.run(request).await;
    }
    let token = app::api::context::cookie_of(request.headers(), state.config.session_cookie_name());
    let now = store::now();
    let checked = match &token {
        Some(token) => app::api::context::signed_in(&state.db, token, now, Activity::Person).await,
        None => Ok(None),
    };
    match checked {
        Ok(Some((session, account))) => {
            if !TERMS_NOT_NEEDED.contains(&path) {
                match app::domain::identity::terms::pending(&state.db, account.id).await {
                    Ok(None) => {}
                    Ok(Some(_)) => {
                        let here = request.uri().path_and_query().map(|p| p.as_str()).unwrap_or(path);
                        let terms = format!("/account/terms?next={}", urlencoding::encode(here));
                        return (StatusCode::FOUND, [(header::LOCATION, terms)]).into_response();
                    }
                    Err(error) => return unavailable(&request, "terms check", &error),
                }
            }
            // The page's server functions take both from here instead of looking them up again.
            app::api::context::LoggedAccount::note(request.extensions(), account.id);
            request.extensions_mut().insert(session);
            request.extensions_mut().insert(account);
            return next.run(request).await;
        }
        Ok(None) => {}
        Err(error) => return unavailable(&request, "session check", &error),
    }
    let here = request.uri().path_and_query().map(|p| p.as_str()).unwrap_or(path);
    let idle = match &token {
        Some(token) => session::ended_idle(&state.db, token, now).await.unwrap_or(false),
        None => false,
    };
    let sign_in = if idle {
        app::api::auth::sign_in_after_idle(here)
    } else {
        app::api::auth::sign_in_returning_to(here)
    };
    (StatusCode::FOUND, [(header::LOCATION, sign_in)]).into_response()
}

/// The page said when the database does not answer a private page's checks: try again shortly.
fn unavailable(request: &Request, check: &str, error: &dyn std::fmt::Display) -> Response {
    tracing::warn!(%error, "{check} failed: database unavailable");
    let page = plain_page(language_of(request), "unavailable-title", "error-unavailable", None);
    (StatusCode::SERVICE_UNAVAILABLE, [(header::RETRY_AFTER, "5")], page).into_response()
}

/// The private pages open before the current terms of use are accepted: accepting them, and
/// closing the account instead (with the confirmation of identity it needs).
const TERMS_NOT_NEEDED: [&str; 3] = ["/account/terms", "/account/close", "/account/confirm"];

/// The largest request body: the portal's forms are a few KiB, and a body is read whole before a
/// server function runs.
pub const BODY_LIMIT: usize = 64 * 1024;

/// A message may carry its files: five of 10 MB, and the text.
const MESSAGE_BODY_LIMIT: usize = app::domain::messaging::attachment::MAX_PER_MESSAGE
    * app::domain::messaging::attachment::MAX_BYTES
    + BODY_LIMIT;

/// A FHIR Questionnaire pasted to import: its JSON, url-encoded (up to three bytes each).
const IMPORT_BODY_LIMIT: usize = 3 * app::domain::questionnaire::fhir::questionnaire::IMPORT_MAX + BODY_LIMIT;

/// A document's next version, both languages: at most 12 bytes a character once url-encoded.
const DOCUMENT_BODY_LIMIT: usize = 2 * 12 * app::domain::platform::document::TEXT_MAX + BODY_LIMIT;

/// A list of patients to invite: its file, and the form around it.
const PATIENT_LIST_BODY_LIMIT: usize =
    app::domain::organisation::patient_import::file::MAX_BYTES + BODY_LIMIT;

/// An organisation's logo: its image, and the form around it.
const LOGO_BODY_LIMIT: usize = app::domain::organisation::logo::MAX_BYTES + BODY_LIMIT;

/// The forms posted as multipart, with files: a message's, a list of patients to invite, a logo.
fn is_file_form(path: &str) -> bool {
    FILE_FORMS.contains(&path)
        || path == app::api::patient_import::UPLOAD_PATH
        || path == app::api::settings::LOGO_UPLOAD_PATH
}

/// The largest body a path takes.
fn body_limit(path: &str) -> usize {
    if path == app::api::patient_import::UPLOAD_PATH {
        PATIENT_LIST_BODY_LIMIT
    } else if path == app::api::settings::LOGO_UPLOAD_PATH {
        LOGO_BODY_LIMIT
    } else if FILE_FORMS.contains(&path) {
        MESSAGE_BODY_LIMIT
    } else if path == "/api/import_questionnaire" {
        IMPORT_BODY_LIMIT
    } else if path == "/api/publish_document" {
        DOCUMENT_BODY_LIMIT
    } else {
        BODY_LIMIT
    }
}

/// A form with files must come as multipart with its boundary: anything else is refused with
/// 400 here (the server function library would fault on it).
pub async fn require_multipart(request: Request, next: Next) -> Response {
    let multipart = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| multer::parse_boundary(v).is_ok());
    if !is_file_form(request.uri().path()) || multipart {
        return next.run(request).await;
    }
    refusal(
        &request,
        StatusCode::BAD_REQUEST,
        "form-error-title",
        app::api::ApiError::invalid("error-request-invalid"),
    )
}

/// A refusal the middleware answers itself: the server functions' error shape for the hydrated
/// app, a plain translated page (`title_key`, the error's message) for a browser.
fn refusal(request: &Request, status: StatusCode, title_key: &str, error: app::api::ApiError) -> Response {
    answer(wants_json(request), language_of(request), status, title_key, error)
}

/// The same, for a request already handed on (what it wants, and its language, read before).
fn answer(
    json: bool,
    language: app::i18n::Lang,
    status: StatusCode,
    title_key: &str,
    error: app::api::ApiError,
) -> Response {
    if json {
        (status, axum::Json(error)).into_response()
    } else {
        (status, plain_page(language, title_key, &error.key, None)).into_response()
    }
}

/// Forms with files one instance reads at once, and one account: each may hold 50 MB.
pub const UPLOADS_AT_ONCE: usize = 8;
pub const UPLOADS_PER_ACCOUNT: u32 = 2;

/// The forms with files being read now, per account (in all: their sum, at most
/// `UPLOADS_AT_ONCE` entries to add).
#[derive(Clone, Default)]
pub struct Uploads {
    running: std::sync::Arc<std::sync::Mutex<std::collections::HashMap<i64, u32>>>,
}

/// One form being read; dropping it (the request answered, or the caller gone) frees its place.
pub struct Upload {
    uploads: Uploads,
    account: i64,
}

impl Uploads {
    fn start(&self, account: i64) -> Option<Upload> {
        let mut running = self.running.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let mine = running.get(&account).copied().unwrap_or(0);
        if running.values().sum::<u32>() as usize >= UPLOADS_AT_ONCE || mine >= UPLOADS_PER_ACCOUNT {
            return None;
        }
        running.insert(account, mine + 1);
        Some(Upload { uploads: self.clone(), account })
    }
}

impl Drop for Upload {
    fn drop(&mut self) {
        let mut running = self.uploads.running.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(mine) = running.get_mut(&self.account) {
            *mine -= 1;
            if *mine == 0 {
                running.remove(&self.account);
            }
        }
    }
}

/// A form with files is read only for someone signed in: without a live session it is refused
/// with 401 before a byte of its body is read (up to 50 MB each, that would be memory for anyone
/// to fill); and only so many at once (`UPLOADS_AT_ONCE`, `UPLOADS_PER_ACCOUNT`), 429 past that.
/// Who may write where is judged by the server function.
pub async fn identify_before_reading(
    State((state, uploads)): State<(AppState, Uploads)>,
    mut request: Request,
    next: Next,
) -> Response {
    if request.method() != Method::POST || !is_file_form(request.uri().path()) {
        return next.run(request).await;
    }
    let caller = match app::api::context::caller_of(&state, request.headers(), request.extensions()).await {
        Ok(caller) => caller,
        Err(error) => {
            let status = StatusCode::from_u16(error.kind.status()).unwrap_or(StatusCode::UNAUTHORIZED);
            return refusal(&request, status, "form-error-title", error);
        }
    };
    let Some(_reading) = uploads.start(caller.account.id) else {
        tracing::info!(account = caller.account.id, "uploads at once: refused");
        let error = app::api::ApiError::throttled(5);
        let mut busy = refusal(&request, StatusCode::TOO_MANY_REQUESTS, "form-error-title", error);
        busy.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
        return busy;
    };
    // Left in the request, as the private-page middleware does: the server function reuses them.
    request.extensions_mut().insert(caller.session);
    request.extensions_mut().insert(caller.account);
    next.run(request).await
}

/// A whole request (its body read and its answer made) within 2 minutes, or 15 for a form with
/// files (50 MB from a phone on 3G); past that it is cut with 408 and a translated message.
pub const WHOLE_REQUEST: std::time::Duration = std::time::Duration::from_secs(120);
pub const WHOLE_FILE_FORM: std::time::Duration = std::time::Duration::from_secs(15 * 60);
pub async fn time_limit(request: Request, next: Next) -> Response {
    let limit = if is_file_form(request.uri().path()) { WHOLE_FILE_FORM } else { WHOLE_REQUEST };
    let (json, language) = (wants_json(&request), language_of(&request));
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            // The request's trace span names its method and path.
            tracing::warn!("request over its time limit cut");
            too_slow(json, language)
        }
    }
}

/// 408: the request (or its body) came too slowly.
fn too_slow(json: bool, language: app::i18n::Lang) -> Response {
    answer(
        json,
        language,
        StatusCode::REQUEST_TIMEOUT,
        "form-error-title",
        app::api::ApiError::invalid("error-request-slow"),
    )
}

/// Refuses a body over its path's limit with 413 and a translated message (the server functions'
/// error shape, or a plain page), whether it declares its length or streams it in chunks.
pub async fn limit_request_bodies(request: Request, next: Next) -> Response {
    let limit = body_limit(request.uri().path());
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|length| length > limit) {
        return too_large(&request);
    }
    let file_form = is_file_form(request.uri().path());
    if (file_form && declared.is_some())
        || matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS)
    {
        return next.run(request).await;
    }
    // A small form, or a form with files of undeclared length (chunked): read here, up to the
    // limit, so a body that stops coming is answered 408 here.
    let (parts, body) = request.into_parts();
    match axum::body::to_bytes(body, limit).await {
        Ok(bytes) => next.run(Request::from_parts(parts, Body::from(bytes))).await,
        Err(e) if is_over_the_limit(&e) => too_large(&Request::from_parts(parts, Body::empty())),
        // The body stopped coming (`BODY_GAP`) or the connection broke.
        Err(_) => {
            let request = Request::from_parts(parts, Body::empty());
            too_slow(wants_json(&request), language_of(&request))
        }
    }
}

/// Whether reading a body failed because it went over its limit (somewhere in the error's chain).
fn is_over_the_limit(error: &axum::Error) -> bool {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(error) = cause {
        if error.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        cause = error.source();
    }
    false
}

fn too_large(request: &Request) -> Response {
    tracing::warn!(path = %request.uri().path(), "request body over the limit refused");
    let path = request.uri().path();
    let error = if path == app::api::patient_import::UPLOAD_PATH {
        app::api::ApiError::invalid("error-import-too-large").on("list")
    } else if path == app::api::settings::LOGO_UPLOAD_PATH {
        app::api::ApiError::invalid("error-logo-too-large").on("logo")
    } else if FILE_FORMS.contains(&path) {
        app::api::ApiError::invalid("error-attachment-too-large").on("files")
    } else {
        app::api::ApiError::invalid("error-request-too-large")
    };
    refusal(request, StatusCode::PAYLOAD_TOO_LARGE, "error-too-large-title", error)
}

/// Whether the caller is on this machine: a loopback address, not relayed by any proxy (a proxy on
/// this machine would make every caller look local).
pub fn client_is_loopback(request: &Request) -> bool {
    let relayed =
        request.headers().contains_key("x-forwarded-for") || request.headers().contains_key("forwarded");
    let address = app::api::context::client_address(request.extensions());
    !relayed && address.is_some_and(|a| a.is_loopback())
}

/// Names the caller's address once for the whole request (`ClientAddress`): the socket's peer,
/// or, when that peer is one of the trusted proxies, the last address in `X-Forwarded-For` that
/// is not itself a trusted proxy. A header sent by anyone else is ignored: a caller could put any
/// address in it.
pub async fn name_the_caller(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let peer = request
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|info| info.0.ip());
    if let Some(peer) = peer {
        let address = forwarded_for(&state.config.trusted_proxies, peer, request.headers());
        request.extensions_mut().insert(app::api::context::ClientAddress(address));
    }
    next.run(request).await
}

fn forwarded_for(
    trusted: &[std::net::IpAddr],
    peer: std::net::IpAddr,
    headers: &header::HeaderMap,
) -> std::net::IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    // Read from the right, where our own proxies appended: each hop a trusted proxy wrote is
    // believed, and the first one that is not a trusted proxy is the caller. A hop that does not
    // parse (or a header that is not text) ends the walk: what is left of it was written by the
    // caller, so the last trusted proxy is all that can be said.
    let mut lines: Vec<&str> = Vec::new();
    for value in headers.get_all("x-forwarded-for") {
        match value.to_str() {
            Ok(text) => lines.push(text),
            Err(_) => lines.clear(),
        }
    }
    let mut caller = peer;
    for hop in lines.iter().flat_map(|line| line.split(',')).rev() {
        match hop.trim().parse::<std::net::IpAddr>() {
            Ok(address) if trusted.contains(&address) => caller = address,
            Ok(address) => return address,
            Err(_) => return caller,
        }
    }
    caller
}

#[cfg(test)]
mod tests {
    use super::forwarded_for;
    use axum::http::HeaderMap;

    fn headers(values: &[&str]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for v in values {
            map.append("x-forwarded-for", v.parse().unwrap());
        }
        map
    }

    #[test]
    fn forwarded_for_is_believed_only_from_a_trusted_proxy() {
        let proxy = "10.0.0.1".parse().unwrap();
        let stranger = "198.51.100.9".parse().unwrap();
        let h = headers(&["203.0.113.5"]);
        assert_eq!(forwarded_for(&[proxy], proxy, &h), "203.0.113.5".parse::<std::net::IpAddr>().unwrap());
        assert_eq!(forwarded_for(&[proxy], stranger, &h), stranger);
        assert_eq!(forwarded_for(&[], proxy, &h), proxy);
        // A caller's own X-Forwarded-For is kept to the left by the proxy: the last hop counts.
        let spoofed = headers(&["1.2.3.4, 203.0.113.5"]);
        assert_eq!(
            forwarded_for(&[proxy], proxy, &spoofed),
            "203.0.113.5".parse::<std::net::IpAddr>().unwrap()
        );
        // Two proxies in a row: both skipped.
        let chained = headers(&["203.0.113.5", "10.0.0.2"]);
        let both = ["10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap()];
        assert_eq!(forwarded_for(&both, proxy, &chained), "203.0.113.5".parse::<std::net::IpAddr>().unwrap());
        // Nothing usable: the proxy itself.
        assert_eq!(forwarded_for(&[proxy], proxy, &headers(&["garbage"])), proxy);
        assert_eq!(forwarded_for(&[proxy], proxy, &HeaderMap::new()), proxy);
    }

    #[test]
    fn a_caller_cannot_choose_their_address_with_garbage_hops() {
        let proxy: std::net::IpAddr = "10.0.0.1".parse().unwrap();
        let real: std::net::IpAddr = "203.0.113.5".parse().unwrap();
        // The caller sent "6.6.6.6, x"; our proxy appended the address it saw.
        for sent in ["6.6.6.6, x", "6.6.6.6,,", "x, 6.6.6.6", "6.6.6.6, 10.0.0.1", "::1, [6.6.6.6]"] {
            let forged = headers(&[&format!("{sent}, {real}")]);
            assert_eq!(forwarded_for(&[proxy], proxy, &forged), real, "{sent}");
            // The same, with the proxy adding its own header line.
            let two_lines = headers(&[sent, &real.to_string()]);
            assert_eq!(forwarded_for(&[proxy], proxy, &two_lines), real, "{sent} (two lines)");
        }
        // Garbage after our proxy's hop (nothing a trusted proxy writes): the proxy is the caller.
        assert_eq!(forwarded_for(&[proxy], proxy, &headers(&["203.0.113.5, x"])), proxy);
    }

    /// Whatever a caller writes to the left of what our proxy appends, the caller is the address
    /// the proxy saw.
    #[test]
    fn any_prefix_the_caller_writes_is_ignored() {
        let proxy: std::net::IpAddr = "10.0.0.1".parse().unwrap();
        let real: std::net::IpAddr = "198.51.100.7".parse().unwrap();
        let pieces =
            ["1.2.3.4", "x", "", " ", "::1", "10.0.0.1", "999.1.1.1", "fe80::1%eth0", "unknown", ";"];
        // Every sequence of up to three pieces.
        let mut prefixes = vec![String::new()];
        for _ in 0..3 {
            let longer: Vec<String> = prefixes
                .iter()
                .flat_map(|p| pieces.iter().map(move |piece| format!("{p}{piece}, ")))
                .collect();
            prefixes.extend(longer);
        }
        prefixes.sort();
        prefixes.dedup();
        for prefix in prefixes {
            let value = format!("{prefix}{real}");
            let Ok(header) = value.parse() else { continue };
            let mut map = HeaderMap::new();
            map.append("x-forwarded-for", header);
            assert_eq!(forwarded_for(&[proxy], proxy, &map), real, "{value:?}");
        }
    }
}
