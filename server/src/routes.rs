//! The HTTP router: Leptos pages and server functions, health probes, the development mailbox
//! and the compiled assets, wrapped in the security middleware.
use crate::middleware;
use app::api::{ApiError, ErrorKind};
use app::domain::{notification, store};
use app::state::AppState;
use app::ui::{shell, App};
use axum::body::Body;
use axum::extract::{FromRef, Request, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::prelude::{provide_context, use_context};
use leptos_axum::{
    generate_route_list_with_exclusions_and_ssg_and_context, handle_server_fns_with_context, LeptosRoutes,
};

/// What the handlers extract: the app's state (`State<AppState>`) and Leptos's options.
#[derive(Clone, FromRef)]
struct RouterState {
    app: AppState,
    leptos: LeptosOptions,
}

/// What every page render and server function finds in its context: the state, and the nonce
/// `middleware::page_policy` chose for this page's policy (a fresh one where there is none).
fn request_context(state: AppState) -> impl Fn() + Clone + Send + 'static {
    move || {
        provide_context(state.clone());
        let parts = use_context::<http::request::Parts>();
        if let Some(render) =
            parts.as_ref().and_then(|parts| parts.extensions.get::<crate::split_preloads::RenderOwner>())
        {
            render.remember();
        }
        let chosen = parts.and_then(|parts| parts.extensions.get::<middleware::PageNonce>().cloned());
        match chosen {
            Some(middleware::PageNonce(nonce)) => provide_context(leptos::nonce::Nonce::from_value(nonce)),
            None => leptos::nonce::provide_nonce(),
        }
    }
}

/// The app's routes, discovered once per process. Discovery renders the app with a process-wide
/// flag set that parks every resource first polled meanwhile, in any render, for good
/// (leptos-rs/leptos#4773): a second router built while another serves pages (the integration
/// tests build one per test) would stall those pages. Discovery gets the same context as a
/// request, so the resources it starts (the header asks who is signed in) find their state.
fn route_list(context: &(impl Fn() + Clone + Send + 'static)) -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES
        .get_or_init(|| generate_route_list_with_exclusions_and_ssg_and_context(App, None, context.clone()).0)
        .clone()
}

pub fn router(state: AppState, site_root: &str) -> Router {
    let options = LeptosOptions::builder()
        .output_name("portail")
        .site_root(site_root)
        .site_pkg_dir("pkg")
        .hash_files(app::ui::bundle::is_hashed())
        .build();
    let context = request_context(state.clone());
    let origin = state.config.origin();
    let https = state.config.secure_cookies;
    let routes = route_list(&context);
    let router_state = RouterState { app: state.clone(), leptos: options.clone() };
    let metrics = std::sync::Arc::new(crate::metrics::Metrics::default());
    let metrics_view = (state.clone(), metrics.clone());
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route(
            "/metrics",
            get(move |request: Request<Body>| crate::metrics::show(State(metrics_view.clone()), request)),
        )
        .route("/readyz", get(readyz))
        .route("/manifest-fr.webmanifest", get(|| crate::manifest::serve(app::i18n::Lang::Fr)))
        .route("/manifest-en.webmanifest", get(|| crate::manifest::serve(app::i18n::Lang::En)))
        .route("/locales/{name}", get(crate::locales::serve))
        .route("/dev/mailbox", get(dev_mailbox))
        .route("/account/export", get(export_my_data))
        // One handler for the three doors: it reads the door from the address (`app::paths`).
        .route("/messages/files/{id}", get(file))
        .route("/for/{grant}/messages/files/{id}", get(file))
        .route("/staff/files/{id}", get(file))
        .route("/staff/questionnaires/library/{id}/{name}", get(questionnaire_download))
        .route("/staff/patients/import/{id}/codes.csv", get(import_codes_download))
        .route("/organisations/{id}/logo", get(organisation_logo))
        .route("/api/{*name}", post(server_fns))
        // The compiled bundle, sent precompressed (`make build` writes `.br` and `.gz` beside each file).
        .nest_service(
            "/pkg",
            tower_http::services::ServeDir::new(format!("{site_root}/pkg"))
                .precompressed_br()
                .precompressed_gzip(),
        )
        .leptos_routes_with_context(&router_state, routes, context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<RouterState, _>(context, shell))
        .layer(axum::middleware::from_fn(middleware::page_policy))
        .layer(axum::middleware::from_fn_with_state(
            router_state.app.clone(),
            middleware::private_pages_need_a_session,
        ))
        .with_state(router_state)
        .layer(axum::middleware::from_fn(with_error_status))
        .layer(axum::middleware::from_fn_with_state(
            crate::public_pages::PageStore::default(),
            crate::public_pages::serve_from_store,
        ))
        .layer(axum::middleware::from_fn(middleware::remember_language))
        .layer(axum::middleware::from_fn(move |req, next| {
            middleware::same_origin_only(origin.clone(), req, next)
        }))
        .layer(axum::middleware::from_fn(middleware::require_multipart))
        .layer(axum::middleware::from_fn(middleware::limit_request_bodies))
        .layer(axum::middleware::from_fn_with_state(
            (state.clone(), middleware::Uploads::default()),
            middleware::identify_before_reading,
        ))
        .layer(axum::middleware::from_fn_with_state(state, middleware::name_the_caller))
        .layer(axum::middleware::from_fn(middleware::time_limit))
        .layer(axum::middleware::from_fn(crate::panics::answer_panics))
        .layer(axum::middleware::from_fn(crate::access_log::log_requests))
        .layer(axum::middleware::from_fn(middleware::security_headers))
        .layer(axum::middleware::from_fn_with_state(https, middleware::strict_transport))
        .layer(axum::middleware::from_fn_with_state(metrics, crate::metrics::measure))
}

/// Server functions answer every error as 500; give each the status its kind calls for (400 for a
/// broken rule, 401 signed out, 404 not found, 409 conflict, 429 too soon…). Done here, from the
/// error that was actually returned, so an error a server function catches and handles never
/// changes the status. A form posted without JavaScript gets its redirect (302) untouched.
async fn with_error_status(request: Request<Body>, next: axum::middleware::Next) -> Response {
    let is_server_fn = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    if !is_server_fn || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if let Ok(error) = serde_json::from_slice::<ApiError>(&bytes) {
        parts.status = StatusCode::from_u16(error.kind.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        if let ErrorKind::TooManyRequests { retry_after } = error.kind {
            parts.headers.insert(axum::http::header::RETRY_AFTER, retry_after.max(0).into());
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// A server function with no route of its own (an unknown name): Leptos answers it.
async fn server_fns(State(state): State<AppState>, request: Request<Body>) -> impl IntoResponse {
    handle_server_fns_with_context(request_context(state), request).await
}

async fn readyz(State(state): State<AppState>) -> Response {
    if store::ping(&state.db).await {
        "ready".into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unreachable").into_response()
    }
}

/// A file sent with a message, for a reader of its conversation, through the door of their pages:
/// always a download (never shown inline, its type never guessed), never kept by a cache. A bad
/// id or grant in the address is "not found".
async fn file(State(state): State<AppState>, request: Request<Body>) -> Response {
    let Some(app::paths::Page::File { door, id }) = app::paths::Page::parse(request.uri().path()) else {
        return refused(&request, ApiError::not_found());
    };
    let caller = match app::api::context::caller_of(&state, request.headers(), request.extensions()).await {
        Ok(caller) => caller,
        Err(e) => return refused(&request, e),
    };
    match app::api::messages::file_for(caller, door, id).await {
        Ok(file) => as_download(file),
        Err(e) => refused(&request, e),
    }
}

/// A file as a download: never shown inline, its type never guessed, never kept by a cache.
fn as_download(file: app::domain::messaging::attachment::File) -> Response {
    use axum::http::header;
    let ascii: String = file
        .name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || ".-_ ".contains(c) { c } else { '_' })
        .collect();
    let disposition =
        format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{}", urlencoding::encode(&file.name));
    (
        [
            (header::CONTENT_TYPE, file.media_type),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        file.content,
    )
        .into_response()
}

/// The questionnaire library's downloads (`app::api::questionnaire_library::download`).
async fn questionnaire_download(
    State(state): State<AppState>,
    axum::extract::Path((id, name)): axum::extract::Path<(String, String)>,
    request: Request<Body>,
) -> Response {
    use app::api::questionnaire_library::{download, Download};
    let (Ok(id), Some(what)) = (id.parse::<i64>(), Download::parse(&name)) else {
        return refused(&request, ApiError::not_found());
    };
    let caller = match app::api::context::caller_of(&state, request.headers(), request.extensions()).await {
        Ok(caller) => caller,
        Err(e) => return refused(&request, e),
    };
    match download(caller, id, what).await {
        Ok(file) => as_download(file),
        Err(e) => refused(&request, e),
    }
}

/// The codes of a list of patients invited at once, as a CSV file (`app::api::patient_import::codes_csv`).
async fn import_codes_download(
    State(state): State<AppState>,
    axum::extract::Path(id): axum::extract::Path<String>,
    request: Request<Body>,
) -> Response {
    let Some(id) = id.parse().ok().and_then(app::door::PatientImportId::new) else {
        return refused(&request, ApiError::not_found());
    };
    let caller = match app::api::context::caller_of(&state, request.headers(), request.extensions()).await {
        Ok(caller) => caller,
        Err(e) => return refused(&request, e),
    };
    match app::api::patient_import::codes_csv(caller, id).await {
        Ok(file) => as_download(file),
        Err(e) => refused(&request, e),
    }
}

/// An organisation's logo, for its own people (`app::api::settings::logo_file`). Its address
/// changes with it, so the browser keeps it (privately); anything refused is a plain 404.
async fn organisation_logo(
    State(state): State<AppState>,
    axum::extract::Path(id): axum::extract::Path<String>,
    request: Request<Body>,
) -> Response {
    use axum::http::header;
    let not_found = || StatusCode::NOT_FOUND.into_response();
    let Ok(id) = id.parse::<i64>() else { return not_found() };
    let Ok(caller) = app::api::context::caller_of(&state, request.headers(), request.extensions()).await
    else {
        return not_found();
    };
    match app::api::settings::logo_file(caller, id).await {
        Ok(logo) => (
            [
                (header::CONTENT_TYPE, logo.media_type),
                (header::CACHE_CONTROL, "private, max-age=31536000, immutable".to_string()),
            ],
            logo.content,
        )
            .into_response(),
        Err(e) if matches!(e.kind, ErrorKind::Internal | ErrorKind::Unavailable) => {
            tracing::error!(error = %e, "logo failed");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
        Err(_) => not_found(),
    }
}

/// A plain route's refusal as a translated page with its status (404 for what the caller may
/// not see, like for what does not exist); signed out, the way to sign in and come back.
fn refused(request: &Request<Body>, error: ApiError) -> Response {
    if error.is_signed_out() {
        let sign_in = app::api::auth::sign_in_returning_to(request.uri().path());
        return axum::response::Redirect::to(&sign_in).into_response();
    }
    let status = match error.kind {
        ErrorKind::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        _ => StatusCode::NOT_FOUND,
    };
    if status.is_server_error() {
        tracing::error!(error = %error, "file download failed");
    }
    let language = crate::plain::language_of(request);
    (status, crate::plain::plain_page(language, "not-found-title", "not-found-body", None)).into_response()
}

/// "Export my data": a JSON file of everything kept about the signed-in person (a file download,
/// so a plain route rather than a server function).
async fn export_my_data(State(state): State<AppState>, request: Request<Body>) -> Response {
    use app::api::context::caller_of;
    use app::domain::patient::export;
    let caller = match caller_of(&state, request.headers(), request.extensions()).await {
        Ok(caller) => caller,
        Err(e) if e.is_signed_out() => return axum::response::Redirect::to("/sign-in").into_response(),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    match export::for_account(&caller.ctx, caller.account.id).await {
        Ok(data) => {
            let day = chrono::DateTime::from_timestamp(caller.ctx.now, 0)
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default();
            let disposition = format!("attachment; filename=\"portail-export-{day}.json\"");
            let body = serde_json::to_string_pretty(&data).unwrap_or_default();
            (
                [
                    (axum::http::header::CONTENT_TYPE, "application/json; charset=utf-8".to_string()),
                    (axum::http::header::CONTENT_DISPOSITION, disposition),
                ],
                body,
            )
                .into_response()
        }
        Err(e) => {
            tracing::error!(error = %e, "export failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// Mail kept by the `dev` transport; answers 404 unless that transport is on and the request
/// comes from this machine.
async fn dev_mailbox(
    State(state): State<AppState>,
    axum::extract::ConnectInfo(peer): axum::extract::ConnectInfo<std::net::SocketAddr>,
) -> Response {
    if !state.config.dev_mailbox || !peer.ip().is_loopback() {
        return StatusCode::NOT_FOUND.into_response();
    }
    let mails = notification::recent(&state.db, 50).await.unwrap_or_default();
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let items: String = mails
        .iter()
        .map(|m| {
            format!(
                "<article><h2>{}</h2><p>À / To: {}</p><pre>{}</pre></article>",
                escape(&m.subject),
                escape(&m.recipient),
                linkify(&escape(&m.body))
            )
        })
        .collect();
    Html(format!(
        "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Boîte de développement / Development mailbox</title></head><body><main>\
         <h1>Boîte de développement / Development mailbox</h1>{items}</main></body></html>"
    ))
    .into_response()
}

/// Turns the portal's own links in a mail body into clickable links.
fn linkify(text: &str) -> String {
    text.split_inclusive(char::is_whitespace)
        .map(|word| {
            let trimmed = word.trim_end();
            if trimmed.starts_with("http://") || trimmed.starts_with("https://") {
                format!("<a href=\"{trimmed}\">{trimmed}</a>{}", &word[trimmed.len()..])
            } else {
                word.to_string()
            }
        })
        .collect()
}
