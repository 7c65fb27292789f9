//! The words of the interface for the browser, one language per file (`/locales/fr.<hash>.ftl`,
//! `app::i18n::locale_href`): a page fetches its language's while the bundle loads. The files
//! are compressed once (brotli, like the bundle's `.br` files) and named by their content, so
//! the caching headers are the bundle's (`middleware::security_headers`).
use app::i18n::{locale_href, locale_source, Lang};
use axum::extract::Path;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::sync::OnceLock;

fn compressed(lang: Lang) -> &'static [u8] {
    static FILES: [OnceLock<Vec<u8>>; 2] = [OnceLock::new(), OnceLock::new()];
    FILES[lang as usize].get_or_init(|| {
        let mut out = Vec::new();
        let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
        brotli::BrotliCompress(&mut locale_source(lang).as_bytes(), &mut out, &params)
            .expect("compressing in memory cannot fail");
        out
    })
}

/// Compresses both files before the first page asks for them.
pub fn prepare() {
    for lang in Lang::ALL {
        compressed(lang);
    }
}

pub async fn serve(Path(name): Path<String>, headers: HeaderMap) -> Response {
    let Some(lang) = Lang::ALL.into_iter().find(|lang| locale_href(*lang).ends_with(&format!("/{name}")))
    else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let brotli_accepted = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|e| e.split(';').next().is_some_and(|e| e.trim() == "br")));
    let content_type = (header::CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
    if brotli_accepted {
        let encoding = (header::CONTENT_ENCODING, HeaderValue::from_static("br"));
        (StatusCode::OK, [content_type, encoding], compressed(lang)).into_response()
    } else {
        (StatusCode::OK, [content_type], locale_source(lang)).into_response()
    }
}
