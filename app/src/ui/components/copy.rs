//! A "Copy" button for a code to hand over. It needs JavaScript, so it appears only once the page
//! is live; without JavaScript the code stays on the page to select or write down.
use leptos::prelude::*;
use leptos_fluent::move_tr;

#[component]
pub fn CopyButton(text: String) -> impl IntoView {
    let (live, set_live) = signal(false);
    // Effects run only in the browser.
    Effect::new(move || set_live.set(true));
    let (copied, set_copied) = signal(false);
    let copy = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(window) = web_sys::window() {
            let _ = window.navigator().clipboard().write_text(&text);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = &text;
        set_copied.set(true);
    };
    move || {
        live.get().then(|| {
            let copy = copy.clone();
            view! {
                <button type="button" class="button secondary" data-testid="copy-code" on:click=copy>
                    {move_tr!("copy")}
                </button>
                <span role="status" class="status">
                    {move || copied.get().then(|| move_tr!("copied"))}
                </span>
            }
        })
    }
}
