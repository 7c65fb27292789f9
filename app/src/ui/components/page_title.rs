//! The title every page sets, and the mark end-to-end tests wait for.
use leptos::prelude::*;
use leptos_meta::Title;

/// "Page – Portail usager" in the current language. With JavaScript, once the page is interactive
/// it also marks `<html data-hydrated>` with its path, so end-to-end tests wait for this page, not
/// for the app shell (a lazily loaded page hydrates after the shell).
///
/// A plain string, computed while the page renders: the server reads the title after the render,
/// outside the request's reactive arena, where a closure reading the language signal panics. The
/// language only changes with a full page load, so nothing is lost by not tracking it.
#[component]
pub fn PageTitle(title_key: &'static str) -> impl IntoView {
    let i18n = expect_context::<leptos_fluent::I18n>();
    let title = untrack(|| format!("{} – {}", i18n.tr(title_key), i18n.tr("portal-name")));
    // The router's path, not the window's: after a link is followed, the page renders before the
    // address bar changes.
    let path = leptos_router::hooks::use_location().pathname;
    Effect::new(move || {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("data-hydrated", &path.get_untracked());
        }
    });
    view! { <Title text=title /> }
}
