//! A signed participation agreement as its organisation's administrators and the operators read
//! and print it: the documents as signed, then who signed, when, from where. Printed, the page
//! keeps only this (the header, navigation and footer are hidden; A4 or Letter alike).
use crate::api::joining::SignedAgreementView;
use crate::ui::words::{long_date_time, tr_with};
use leptos::prelude::*;
use leptos_fluent::move_tr;

#[component]
pub fn SignedAgreement(signed: SignedAgreementView) -> impl IntoView {
    let SignedAgreementView {
        signed_name, signed_at, ip, user_agent, agreement_version, terms_version, ..
    } = signed.clone();
    view! {
        <p class="actions">
            <PrintButton />
        </p>
        <article class="printable" lang=signed.language.code() data-testid="signed-agreement">
            <p class="printable-organisation">{signed.organisation.clone()}</p>
            <div class="document" inner_html=signed.agreement_html.clone()></div>
            <div class="document" inner_html=signed.terms_html.clone()></div>
            <section class="signature">
                <h2>{move_tr!("join-agreement-sign-title")}</h2>
                <p data-testid="agreement-signed-by">
                    {move || {
                        tr_with(
                            "agreement-signed-by",
                            &[("name", &signed_name), ("date", &long_date_time(signed_at))],
                        )
                    }}
                </p>
                <p>
                    {move || {
                        tr_with(
                            "agreement-versions",
                            &[
                                ("agreement", &agreement_version.to_string()),
                                ("terms", &terms_version.to_string()),
                            ],
                        )
                    }}
                </p>
                <p class="hint">
                    {move || tr_with("agreement-signed-from", &[("ip", &ip), ("agent", &user_agent)])}
                </p>
            </section>
        </article>
    }
}

/// "Print", once the page is live (without JavaScript, the browser's own print).
#[component]
pub fn PrintButton() -> impl IntoView {
    let (live, set_live) = signal(false);
    // Effects run only in the browser.
    Effect::new(move || set_live.set(true));
    let print = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    move || {
        live.get().then(|| {
            view! {
                <button type="button" class="button secondary" on:click=print>
                    {move_tr!("agreement-print")}
                </button>
            }
        })
    }
}
