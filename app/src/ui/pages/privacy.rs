//! The privacy policy (public): what the portal collects, why, who sees it, how long it is kept,
//! how to get a copy and whom to ask. Linked from every footer and every form that collects
//! personal data (`components::privacy_notice`).
use crate::api::contact::privacy_officers;
use crate::ui::components::PageTitle;
use crate::ui::words::{tel_link, tr};
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;

/// One section: its heading and its paragraphs, as message keys.
const SECTIONS: [(&str, &[&str]); 6] = [
    ("privacy-responsible-title", &["privacy-responsible"]),
    (
        "privacy-collected-title",
        &["privacy-collected-identity", "privacy-collected-account", "privacy-collected-care"],
    ),
    ("privacy-why-title", &["privacy-why"]),
    (
        "privacy-who-title",
        &["privacy-who-team", "privacy-who-caregivers", "privacy-who-support", "privacy-who-operator"],
    ),
    ("privacy-kept-title", &["privacy-kept-record", "privacy-kept-short"]),
    ("privacy-yours-title", &["privacy-yours-user", "privacy-yours-copy"]),
];

/// The privacy officers of the reader's organisations (none for a visitor, who is not known to
/// belong anywhere).
#[component]
fn PrivacyOfficers() -> impl IntoView {
    let officers = Resource::new(|| (), |_| privacy_officers());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let officers = officers.await.unwrap_or_default();
                (!officers.is_empty())
                    .then(|| {
                        view! {
                            <ul class="privacy-officers" data-testid="privacy-officers">
                                {officers
                                    .into_iter()
                                    .map(|o| {
                                        let email_href = format!("mailto:{}", o.email);
                                        let phone_href = tel_link(&o.phone);
                                        view! {
                                            <li>
                                                <strong>{o.organisation}</strong>
                                                " — "
                                                {o.name}
                                                {(!o.email.is_empty())
                                                    .then(|| {
                                                        view! {
                                                            ", "
                                                            <a href=email_href>{o.email.clone()}</a>
                                                        }
                                                    })}
                                                {(!o.phone.is_empty())
                                                    .then(|| {
                                                        view! {
                                                            ", "
                                                            <a href=phone_href>{o.phone.clone()}</a>
                                                        }
                                                    })}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })
            })}
        </Suspense>
    }
}

/// The periods after which the records that serve only a moment are erased (`states::kept_days`).
#[component]
fn ErasedRecords() -> impl IntoView {
    use crate::states::kept_days;
    view! {
        <p data-testid="privacy-erased">
            {move_tr!(
                "privacy-kept-erased", { "sessions" => kept_days::SESSIONS, "links" => kept_days::MAIL_LINKS, "mail" => kept_days::SENT_MAIL }
            )}
        </p>
    }
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! {
        <PageTitle title_key="privacy-title" />
        <h1>{move_tr!("privacy-title")}</h1>
        <p>{move_tr!("privacy-intro")}</p>
        {SECTIONS
            .iter()
            .map(|(title, paragraphs)| {
                view! {
                    <section>
                        <h2>{move || tr(title)}</h2>
                        {paragraphs.iter().map(|key| view! { <p>{move || tr(key)}</p> }).collect_view()}
                        {(*title == "privacy-kept-title").then(ErasedRecords)}
                    </section>
                }
            })
            .collect_view()}
        <section>
            <h2>{move_tr!("privacy-contact-title")}</h2>
            <p>{move_tr!("privacy-contact")}</p>
            <PrivacyOfficers />
            <p>
                <A href="/account">{move_tr!("privacy-export-link")}</A>
            </p>
            <p>
                <A href="/contact">{move_tr!("footer-contact")}</A>
            </p>
        </section>
    }
}
