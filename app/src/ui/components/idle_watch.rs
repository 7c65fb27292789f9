//! The warning before a signed-in page signs out for want of activity. The server ends a session
//! 30 minutes after the person's last page, form or input (`session::Activity`); with JavaScript,
//! the page reports the person's typing and clicking (`keep_alive`, at most once a minute), warns
//! two minutes before the end with "Stay signed in", and at the end goes to the sign-in page,
//! which says why. Another tab kept in use keeps this one too: near the end the page asks the
//! server what is left before warning.
use leptos::prelude::*;
use leptos_fluent::move_tr;

#[component]
pub fn IdleWatch() -> impl IntoView {
    let warning = RwSignal::new(false);
    let stay = NodeRef::<leptos::html::Button>::new();
    #[cfg(feature = "hydrate")]
    let keep = watch(warning);
    #[cfg(not(feature = "hydrate"))]
    let keep = || ();
    // The button takes the focus as the warning appears, so the keyboard answers it at once.
    Effect::new(move || {
        if warning.get() {
            if let Some(button) = stay.get() {
                let _ = button.focus();
            }
        }
    });
    view! {
        <Show when=move || warning.get()>
            <div
                class="idle-warning"
                role="alertdialog"
                aria-labelledby="idle-warning-title"
                aria-describedby="idle-warning-text"
                data-testid="idle-warning"
            >
                <h2 id="idle-warning-title">{move_tr!("idle-warning-title")}</h2>
                <p id="idle-warning-text">{move_tr!("idle-warning-text")}</p>
                <button type="button" class="button" node_ref=stay on:click=move |_| keep()>
                    {move_tr!("idle-warning-stay")}
                </button>
            </div>
        </Show>
    }
}

/// Follows the person's input and the session's end; returns what "Stay signed in" does.
#[cfg(feature = "hydrate")]
fn watch(warning: RwSignal<bool>) -> impl Fn() + Copy + 'static {
    use crate::api::auth::{keep_alive, session_left, sign_in_after_idle, sign_in_returning_to};
    use crate::states::SESSION_IDLE_SECONDS as IDLE_SECONDS;
    use leptos::task::spawn_local;
    /// The warning shows this long before the session ends.
    const WARN_SECONDS: i64 = 120;
    const REPORT_EVERY_MS: f64 = 60_000.0;
    const CHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(15);

    let now = js_sys::Date::now;
    // The page was just loaded or reached by the person's own navigation: the clock starts now.
    let deadline = RwSignal::new(now() + (IDLE_SECONDS * 1000) as f64);
    let last_report = RwSignal::new(now());
    let learn = move |left: i64| {
        deadline.set(now() + (left * 1000) as f64);
        warning.set(left <= WARN_SECONDS);
    };
    let report = move || {
        last_report.set(now());
        spawn_local(async move {
            if let Ok(Some(left)) = keep_alive().await {
                learn(left);
            }
        });
    };
    let on_input = move || {
        if now() - last_report.get_untracked() >= REPORT_EVERY_MS {
            report();
        }
    };
    let keydown = window_event_listener(leptos::ev::keydown, move |_| on_input());
    let pointerdown = window_event_listener(leptos::ev::pointerdown, move |_| on_input());
    let check = move || {
        // Asked a minute before the warning is due: the server's clock may run up to that much
        // ahead of this page's (input is reported once a minute).
        if now() < deadline.get_untracked() - ((WARN_SECONDS + 60) * 1000) as f64 {
            return;
        }
        spawn_local(async move {
            match session_left().await {
                Ok(Some(left)) if left > 0 => learn(left),
                Ok(_) => {
                    let location = window().location();
                    let here = format!(
                        "{}{}",
                        location.pathname().unwrap_or_default(),
                        location.search().unwrap_or_default()
                    );
                    let idle = now() >= deadline.get_untracked() - 1_000.0;
                    let to = if idle { sign_in_after_idle(&here) } else { sign_in_returning_to(&here) };
                    let _ = location.set_href(&to);
                }
                // Unreachable for a moment: asked again at the next check.
                Err(_) => {}
            }
        });
    };
    if let Ok(handle) = set_interval_with_handle(check, CHECK_EVERY) {
        on_cleanup(move || {
            handle.clear();
            keydown.remove();
            pointerdown.remove();
        });
    }
    move || report()
}
