//! Public pages that are the same for every signed-out visitor (home, help, accessibility,
//! contact, sign-in, forgot password) are rendered once a minute per language instead of on every
//! request. What differs between two visitors is only the CSP nonce: each answer gets a new one,
//! written over the stored page's nonce in the page and in its `Content-Security-Policy`.
//!
//! A request is answered from the store only when nothing in it could change the page: a GET
//! with no query string and no cookie other than `lang` (a session or sign-in cookie, a `?lang=`
//! switch, a no-JavaScript form's `?error=` all go to a full render). Only a 200 without
//! `Set-Cookie` is stored.
use app::i18n::Lang;
use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

const PAGES: [&str; 6] = ["/", "/help", "/accessibility", "/contact", "/sign-in", "/forgot-password"];
/// How long a rendered page is reused: a new release or a changed translation shows within a minute.
const FRESH_FOR: Duration = Duration::from_secs(60);
/// A public page is a few tens of KiB; anything larger is not stored.
const LARGEST: usize = 512 * 1024;

#[derive(Clone, Default)]
pub struct PageStore(Arc<RwLock<HashMap<(&'static str, Lang), Stored>>>);

#[derive(Clone)]
struct Stored {
    rendered_at: Instant,
    html: Arc<str>,
    policy: Arc<str>,
    nonce: Arc<str>,
}

pub async fn serve_from_store(State(store): State<PageStore>, request: Request, next: Next) -> Response {
    let Some(key) = storable(&request) else {
        return next.run(request).await;
    };
    let stored = store.0.read().expect("page store lock").get(&key).cloned();
    if let Some(stored) = stored.filter(|s| s.rendered_at.elapsed() < FRESH_FOR) {
        return stored.answer();
    }
    let response = next.run(request).await;
    let Some((policy, nonce)) = storable_policy(&response) else {
        return response;
    };
    let (parts, body) = response.into_parts();
    // Read whole, as it would be sent anyway; only a failing body stream is a fault.
    let Ok(bytes) = to_bytes(body, usize::MAX).await else {
        return Response::builder()
            .status(StatusCode::INTERNAL_SERVER_ERROR)
            .body(Body::empty())
            .expect("a plain response");
    };
    match std::str::from_utf8(&bytes) {
        Ok(html) if html.len() <= LARGEST => {
            let stored = Stored { rendered_at: Instant::now(), html: html.into(), policy, nonce };
            store.0.write().expect("page store lock").insert(key, stored);
        }
        Ok(_) => {}
        Err(_) => tracing::warn!("a public page was not UTF-8: not stored"),
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// The policy and its nonce of a fresh render worth keeping: a 200 that sets no cookie.
fn storable_policy(response: &Response) -> Option<(Arc<str>, Arc<str>)> {
    let headers = response.headers();
    if response.status() != StatusCode::OK || headers.contains_key(header::SET_COOKIE) {
        return None;
    }
    let policy = headers.get(header::CONTENT_SECURITY_POLICY)?.to_str().ok()?;
    let nonce = policy.split("'nonce-").nth(1)?.split('\'').next()?;
    Some((policy.into(), nonce.into()))
}

/// The page and language this request may be answered with, if nothing else could change it.
fn storable(request: &Request) -> Option<(&'static str, Lang)> {
    if request.method() != Method::GET || request.uri().query().is_some() {
        return None;
    }
    let page = PAGES.into_iter().find(|page| *page == request.uri().path())?;
    let mut language = Lang::Fr;
    for cookies in request.headers().get_all(header::COOKIE) {
        for cookie in cookies.to_str().ok()?.split(';') {
            let (name, value) = cookie.trim().split_once('=')?;
            if name != "lang" {
                return None;
            }
            language = Lang::parse(value)?;
        }
    }
    Some((page, language))
}

impl Stored {
    fn answer(&self) -> Response {
        let nonce = leptos::nonce::Nonce::new();
        let nonce: &str = &nonce;
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
        if let Ok(policy) = HeaderValue::from_str(&self.policy.replace(&*self.nonce, nonce)) {
            headers.insert(header::CONTENT_SECURITY_POLICY, policy);
        }
        let mut response = Response::new(Body::from(self.html.replace(&*self.nonce, nonce)));
        *response.headers_mut() = headers;
        response
    }
}
