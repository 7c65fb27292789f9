//! The web app manifest, one per language (`/manifest-fr.webmanifest`, `/manifest-en.webmanifest`),
//! so a patient can add the portal to a phone's home screen under its name in their language.
//! The names come from `locales/`, like every text; the page links the one of its language.
use app::i18n::{text, Lang};
use axum::http::header;
use axum::response::IntoResponse;

/// The colour of the header and icons (`--colour-brand` in style/main.css).
pub const THEME_COLOUR: &str = "#0b4f8a";

pub fn manifest(lang: Lang) -> serde_json::Value {
    let icon = |src: &str, size: &str, purpose: &str| serde_json::json!({ "src": src, "sizes": size, "type": "image/png", "purpose": purpose });
    serde_json::json!({
        "name": text(lang, "portal-name"),
        "short_name": text(lang, "manifest-short-name"),
        "description": text(lang, "manifest-description"),
        "lang": lang.code(),
        "dir": "ltr",
        "id": "/",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": "#ffffff",
        "icons": [
            icon("/icon-192.png", "192x192", "any"),
            icon("/icon-512.png", "512x512", "any"),
            icon("/icon-maskable-512.png", "512x512", "maskable"),
        ],
    })
}

pub async fn serve(lang: Lang) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/manifest+json"), (header::CACHE_CONTROL, "no-cache")],
        manifest(lang).to_string(),
    )
}
