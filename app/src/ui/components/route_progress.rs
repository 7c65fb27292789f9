//! A slim bar at the top of the window while the app changes page (a page's code or data still
//! on its way), shown only after 300 ms so quick changes do not flicker; said once to screen
//! readers. Without JavaScript the browser's own indicator does this.
use leptos::prelude::*;
use leptos_fluent::move_tr;
use std::time::Duration;

const SHOWN_AFTER: Duration = Duration::from_millis(300);

#[component]
pub fn RouteProgress(is_routing: ReadSignal<bool>) -> impl IntoView {
    let shown = RwSignal::new(false);
    Effect::new(move |_| {
        if is_routing.get() {
            set_timeout(
                move || {
                    if is_routing.get_untracked() {
                        shown.set(true);
                    }
                },
                SHOWN_AFTER,
            );
        } else {
            shown.set(false);
        }
    });
    view! {
        <Show when=move || shown.get()>
            <div class="route-progress" role="progressbar" aria-label=move_tr!("route-loading")></div>
        </Show>
        <span class="visually-hidden" role="status">
            {move || shown.get().then(|| move_tr!("route-loading").get())}
        </span>
    }
}
