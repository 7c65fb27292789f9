//! What surrounds every page: header (portal name, language toggle, the signed-in person) and
//! footer (help, accessibility, contact).
use crate::api::auth::{me, SignOut};
use crate::i18n::Lang;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// The language the interface shows now.
pub fn current_lang() -> Lang {
    Lang::from_code(expect_context::<leptos_fluent::I18n>().language.get().id)
}

#[component]
pub fn Header() -> impl IntoView {
    let location = use_location();
    let sign_out = ServerAction::<SignOut>::new();
    // Asked again on every navigation and sign-out, so the header never shows a stale person.
    let person = Resource::new(move || (location.pathname.get(), sign_out.version().get()), |_| me());
    let other = move || current_lang().other();
    // A full page load (rel="external"): the server remembers the choice in a cookie, and the
    // same link works without JavaScript.
    let toggle_href = move || format!("{}?lang={}", location.pathname.get(), other().code());
    view! {
        <header class="site-header">
            <a class="brand" href="/">{move_tr!("portal-name")}</a>
            <div class="header-tools">
                <a class="lang-toggle" href=toggle_href rel="external" lang=move || other().code() hreflang=move || other().code()>
                    {move || other().native_name()}
                </a>
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        person.await.ok().flatten().map(|me| view! {
                            <a class="me" href="/account">{format!("{} {}", me.given_name, me.family_name)}</a>
                            <ActionForm action=sign_out>
                                <button type="submit" class="link-button">{move_tr!("sign-out")}</button>
                            </ActionForm>
                        })
                    })}
                </Transition>
            </div>
        </header>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <nav aria-label=move_tr!("footer-label")>
                <ul>
                    <li><A href="/help">{move_tr!("footer-help")}</A></li>
                    <li><A href="/accessibility">{move_tr!("footer-accessibility")}</A></li>
                    <li><A href="/contact">{move_tr!("footer-contact")}</A></li>
                </ul>
            </nav>
        </footer>
    }
}
