//! Portail's web application: the pages (`ui`), the server functions they call (`api`) and, on
//! the server only, the rules and data (`domain`). See docs/ARCHITECTURE.md.
#![recursion_limit = "256"]
pub mod actions;
pub mod api;
#[cfg(feature = "ssr")]
pub mod domain;
pub mod door;
pub mod hours;
pub mod i18n;
pub mod paths;
#[cfg(feature = "ssr")]
pub mod state;
pub mod states;
pub mod time_zones;
pub mod ui;

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    ui::stale_release::reload_when_a_chunk_is_gone();
    // The page's words first (i18n::browser_words), then the lazy routes (ui/lazy_pages.rs):
    // the first page's chunk is loaded before hydration starts.
    wasm_bindgen_futures::spawn_local(async {
        if !i18n::browser_words::load().await {
            ui::stale_release::load_again_once();
            return;
        }
        leptos::mount::hydrate_lazy(ui::App);
    });
}
