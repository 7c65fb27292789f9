//! The warning before a signed-in page signs out for want of activity. The server ends a session
//! 30 minutes after the person's last page, form or input (`session::Activity`); with JavaScript,
//! the page reports the person's typing and clicking (`keep_alive`, at most once a minute), warns
//! two minutes before the end with "Stay signed in", and at the end loads the page again: the
//! server sends it to the sign-in page, which says why. Another tab kept in use keeps this one
//! too: near the end the page asks the server what is left before warning. Near the 12-hour cap,
//! which no activity moves, the warning says so instead, and its button only closes it.
use leptos::prelude::*;
use leptos_fluent::move_tr;

/// What the warning says (chosen by the page's script: without it there is no warning).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
pub enum Warning {
    /// Nothing done for 28 minutes: "Stay signed in" keeps the session.
    Idle,
    /// The 12-hour cap comes in 2 minutes: "Got it" only closes the warning.
    Cap,
}

#[component]
pub fn IdleWatch() -> impl IntoView {
    let warning = RwSignal::new(None::<Warning>);
    let button = NodeRef::<leptos::html::Button>::new();
    #[cfg(feature = "hydrate")]
    let keep = watch(warning);
    #[cfg(not(feature = "hydrate"))]
    let keep = || ();
    // The button takes the focus as the warning appears, so the keyboard answers it at once.
    Effect::new(move || {
        if warning.get().is_some() {
            if let Some(button) = button.get() {
                let _ = button.focus();
            }
        }
    });
    let at_cap = move || warning.get() == Some(Warning::Cap);
    view! {
        <Show when=move || warning.get().is_some()>
            <div
                class="idle-warning"
                role="alertdialog"
                aria-labelledby="idle-warning-title"
                aria-describedby="idle-warning-text"
                data-testid="idle-warning"
            >
                <h2 id="idle-warning-title">
                    {move || {
                        if at_cap() { move_tr!("idle-cap-title") } else { move_tr!("idle-warning-title") }
                    }}
                </h2>
                <p id="idle-warning-text">
                    {move || if at_cap() { move_tr!("idle-cap-text") } else { move_tr!("idle-warning-text") }}
                </p>
                <button
                    type="button"
                    class="button"
                    node_ref=button
                    on:click=move |_| if at_cap() { warning.set(None) } else { keep() }
                >
                    {move || if at_cap() { move_tr!("idle-cap-ok") } else { move_tr!("idle-warning-stay") }}
                </button>
            </div>
        </Show>
    }
}

/// Follows the person's input and the session's end; returns what "Stay signed in" does.
#[cfg(feature = "hydrate")]
fn watch(warning: RwSignal<Option<Warning>>) -> impl Fn() + Copy + 'static {
    use crate::api::auth::{keep_alive, session_left};
    use crate::states::{TimeLeft, SESSION_IDLE_SECONDS as IDLE_SECONDS};
    use leptos::task::spawn_local;
    /// The warning shows this long before the session ends.
    const WARN_SECONDS: i64 = 120;
    const REPORT_EVERY_MS: f64 = 60_000.0;
    const CHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(15);

    let now = js_sys::Date::now;
    // The page was just loaded or reached by the person's own navigation: the clock starts now.
    let deadline = RwSignal::new(now() + (IDLE_SECONDS * 1000) as f64);
    let last_report = RwSignal::new(now());
    // The cap's warning, once closed, is not shown again.
    let cap_seen = RwSignal::new(false);
    let learn = move |left: TimeLeft| {
        deadline.set(now() + (left.seconds * 1000) as f64);
        match (left.seconds <= WARN_SECONDS, left.at_cap) {
            (false, _) => warning.set(None),
            (true, false) => warning.set(Some(Warning::Idle)),
            // Shown once; once closed it stays closed (nothing can be done about the cap).
            (true, true) if !cap_seen.get_untracked() => {
                cap_seen.set(true);
                warning.set(Some(Warning::Cap));
            }
            (true, true) => {}
        }
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
                Ok(Some(left)) if left.seconds > 0 => learn(left),
                // Ended: the page is asked again, and the server, which knows why it ended (idle,
                // the cap, a sign-out elsewhere), answers with the sign-in page saying so or not.
                Ok(_) => {
                    let _ = window().location().reload();
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
