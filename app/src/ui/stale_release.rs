//! A page drawn by the previous release asks for that release's lazy chunks; once a new release
//! is deployed those files are gone, the chunk loader panics and the app stops answering. The
//! page is then loaded once more, from the new release, at the address the person was going to
//! (the router changes the address only once the page's chunk is there).
use leptos::wasm_bindgen::{closure::Closure, JsCast};
use leptos::web_sys::{window, Element, HtmlAnchorElement, MouseEvent};
use std::cell::RefCell;

/// The panic message of a lazy chunk that could not be loaded (`wasm_split_macros`).
const CHUNK_NOT_LOADED: &str = "load callback should succeed";
/// The reload time kept for the tab, so that a chunk missing for another reason does not reload
/// the page over and over.
const RELOADED_AT: &str = "portail-reloaded-for-release";
const NOT_AGAIN_WITHIN_MS: f64 = 60_000.0;
/// A link followed this recently is where the person was going when the chunk failed.
const LINK_STILL_MEANT_MS: f64 = 30_000.0;

thread_local! {
    /// The last link of this site the person followed, and when.
    static FOLLOWED: RefCell<Option<(String, f64)>> = const { RefCell::new(None) };
}

/// Wraps the panic hook already set: it still reports, then reloads once if a chunk was missing.
pub fn reload_when_a_chunk_is_gone() {
    remember_followed_links();
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        report(info);
        if info.to_string().contains(CHUNK_NOT_LOADED) {
            load_again_once();
        }
    }));
}

fn remember_followed_links() {
    let Some(document) = window().and_then(|w| w.document()) else { return };
    let on_click = Closure::<dyn Fn(MouseEvent)>::new(|event: MouseEvent| {
        let link = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok());
        let Some(link) = link else { return };
        let same_site = window().and_then(|w| w.location().origin().ok()).is_some_and(|o| o == link.origin());
        if same_site {
            FOLLOWED.with(|f| *f.borrow_mut() = Some((link.href(), js_sys::Date::now())));
        }
    });
    let _ =
        document.add_event_listener_with_callback_and_bool("click", on_click.as_ref().unchecked_ref(), true);
    on_click.forget();
}

pub fn load_again_once() {
    let Some(window) = window() else { return };
    let now = js_sys::Date::now();
    let storage = window.session_storage().ok().flatten();
    let last = storage
        .as_ref()
        .and_then(|s| s.get_item(RELOADED_AT).ok().flatten())
        .and_then(|at| at.parse::<f64>().ok());
    if last.is_some_and(|at| now - at < NOT_AGAIN_WITHIN_MS) {
        return;
    }
    if let Some(storage) = storage {
        let _ = storage.set_item(RELOADED_AT, &now.to_string());
    }
    let meant = FOLLOWED.with(|f| f.borrow().clone()).filter(|(_, at)| now - at < LINK_STILL_MEANT_MS);
    let _ = match meant {
        Some((href, _)) => window.location().assign(&href),
        None => window.location().reload(),
    };
}
