//! Pages anyone can read: home, help, accessibility, contact, and "not found".
use crate::api::contact::{support_contacts, SupportContactView};
use crate::ui::components::organisation_logo::OrganisationLogo;
use crate::ui::components::PageTitle;
use crate::ui::form::SearchForm;
use crate::ui::words;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

const SUPPORT_EMAIL: &str = "soutienrqt@ssss.gouv.qc.ca";
const SUPPORT_PHONE: &str = "+18335640404";

#[component]
pub fn Home() -> impl IntoView {
    view! {
        <PageTitle title_key="home-title" />
        <h1>{move_tr!("home-title")}</h1>
        <p>{move_tr!("home-intro")}</p>
        <p>{move_tr!("home-invited")}</p>
        <p>
            <A href="/sign-in" attr:class="button">
                {move_tr!("home-sign-in")}
            </A>
        </p>
    }
}

/// The help centre's sections and their questions (`help-q-…` / `help-a-…` keys).
const SECTIONS: [(&str, &[&str]); 5] = [
    ("general", &["cost", "professionals", "secure", "mfa", "personal", "clinical", "verification-code"]),
    ("creation", &["create", "link", "invitation", "renew"]),
    (
        "account",
        &[
            "interface-language",
            "notification-language",
            "update",
            "change-email",
            "lost-phone",
            "sessions",
            "export",
        ],
    ),
    ("support", &["error", "browsers", "contact"]),
    ("professional", &["reply", "messages", "caregiver", "read", "invite-caregiver"]),
];

/// Lower case without accents, so "Creer" finds "Créer" and "COURRIEL" finds "courriel".
fn folded(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            'ÿ' => 'y',
            other => other,
        })
        .collect()
}

/// True when every word of the search appears in the question or its answer.
fn matches(search: &str, question: &str, answer: &str) -> bool {
    let haystack = folded(&format!("{question} {answer}"));
    folded(search).split_whitespace().all(|word| haystack.contains(word))
}

/// The help centre: questions by section, searchable with `?q=` (a plain GET form, so it works
/// the same without JavaScript).
#[component]
pub fn Help() -> impl IntoView {
    let query = use_query_map();
    let search = move || query.read().get("q").unwrap_or_default().trim().to_string();
    let i18n = expect_context::<leptos_fluent::I18n>();
    let found = move || {
        let search = search();
        SECTIONS
            .iter()
            .map(|(section, slugs)| {
                let questions: Vec<(String, String, String)> = slugs
                    .iter()
                    .map(|slug| {
                        (
                            slug.to_string(),
                            i18n.tr(&format!("help-q-{slug}")),
                            i18n.tr(&format!("help-a-{slug}")),
                        )
                    })
                    .filter(|(_, q, a)| matches(&search, q, a))
                    .collect();
                (section.to_string(), questions)
            })
            .filter(|(_, questions)| !questions.is_empty())
            .collect::<Vec<_>>()
    };
    let count = move || found().iter().map(|(_, q)| q.len()).sum::<usize>();
    view! {
        <PageTitle title_key="help-title" />
        <h1>{move_tr!("help-title")}</h1>
        <p>{move_tr!("help-intro")}</p>
        <SearchForm
            action="/help"
            id="help-search"
            label=move_tr!("help-search-label")
            submit=move_tr!("help-search-submit")
            value=Signal::derive(search)
        />
        <p role="status">
            {move || {
                (!search().is_empty())
                    .then(|| {
                        view! {
                            {i18n
                                .tr_with_args(
                                    "help-results",
                                    &[("count".into(), count().into()), ("query".into(), search().into())]
                                        .into_iter()
                                        .collect(),
                                )}
                            " "
                            <A href="/help">{move_tr!("help-show-all")}</A>
                        }
                    })
            }}
        </p>
        {move || {
            found()
                .into_iter()
                .map(|(section, questions)| {
                    view! {
                        <section aria-labelledby=format!("help-{section}")>
                            <h2 id=format!(
                                "help-{section}",
                            )>{i18n.tr(&format!("help-section-{section}"))}</h2>
                            <p class="hint">{i18n.tr(&format!("help-section-{section}-intro"))}</p>
                            {questions
                                .into_iter()
                                .map(|(slug, q, a)| {
                                    view! {
                                        <h3 id=format!("q-{slug}")>{q}</h3>
                                        <p>{a}</p>
                                    }
                                })
                                .collect_view()}
                        </section>
                    }
                })
                .collect_view()
        }}
        <h2>{move_tr!("help-still-stuck")}</h2>
        <SupportContact />
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn every_help_question_has_its_texts_in_both_languages() {
        for lang in ["fr", "en"] {
            let ftl =
                std::fs::read_to_string(format!("{}/../locales/{lang}/main.ftl", env!("CARGO_MANIFEST_DIR")))
                    .unwrap();
            for (section, slugs) in SECTIONS {
                for key in [format!("help-section-{section}"), format!("help-section-{section}-intro")]
                    .into_iter()
                    .chain(slugs.iter().flat_map(|slug| [format!("help-q-{slug}"), format!("help-a-{slug}")]))
                {
                    assert!(ftl.contains(&format!("\n{key} = ")), "{key} missing in {lang}");
                }
            }
        }
    }

    #[test]
    fn search_ignores_case_and_accents_and_needs_every_word() {
        assert!(matches("", "anything", ""));
        assert!(matches("CREER compte", "Comment créer mon compte?", ""));
        assert!(matches("code expiré", "Mon code d'invitation est expiré, que faire?", ""));
        assert!(!matches("code paiement", "Mon code d'invitation est expiré, que faire?", ""));
    }
}

#[component]
pub fn Accessibility() -> impl IntoView {
    view! {
        <PageTitle title_key="accessibility-title" />
        <h1>{move_tr!("accessibility-title")}</h1>
        <p>{move_tr!("accessibility-intro")}</p>
        <h2>{move_tr!("accessibility-browsers-title")}</h2>
        <p>{move_tr!("accessibility-browsers")}</p>
        <p>{move_tr!("accessibility-feedback")}</p>
        <SupportContact />
    }
}

#[component]
pub fn Contact() -> impl IntoView {
    view! {
        <PageTitle title_key="contact-title" />
        <h1>{move_tr!("contact-title")}</h1>
        <p>{move_tr!("contact-intro")}</p>
        <SupportContact />
        <OrganisationsSupport />
    }
}

/// The support desks of the reader's organisations, as their administrators set them (none for a
/// visitor, who is not known to belong anywhere).
#[component]
fn OrganisationsSupport() -> impl IntoView {
    let contacts = Resource::new(|| (), |_| support_contacts());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                contacts
                    .await
                    .ok()
                    .filter(|list| !list.is_empty())
                    .map(|list| {
                        view! {
                            <h2>{move_tr!("contact-organisations-yours")}</h2>
                            <p>{move_tr!("contact-organisations-intro")}</p>
                            {list
                                .into_iter()
                                .map(|desk| view! { <OrganisationSupport desk /> })
                                .collect_view()}
                        }
                    })
            })}
        </Suspense>
    }
}

#[component]
fn OrganisationSupport(desk: SupportContactView) -> impl IntoView {
    let SupportContactView { organisation, phone, email, hours, logo } = desk;
    let every_day = hours.len() == 7;
    view! {
        <section class="organisation-support" data-testid="organisation-support">
            <h3>
                <OrganisationLogo logo />
                {organisation}
            </h3>
            <dl class="contact">
                {(!phone.is_empty())
                    .then(|| {
                        view! {
                            <dt>{move_tr!("contact-phone-label")}</dt>
                            <dd>
                                <a href=words::tel_link(&phone)>{phone.clone()}</a>
                            </dd>
                        }
                    })}
                {(!email.is_empty())
                    .then(|| {
                        view! {
                            <dt>{move_tr!("contact-email-label")}</dt>
                            <dd>
                                <a href=format!("mailto:{email}")>{email.clone()}</a>
                            </dd>
                        }
                    })}
                {(!hours.is_empty())
                    .then(|| {
                        view! {
                            <dt>{move_tr!("contact-hours-label")}</dt>
                            <dd>
                                {move || {
                                    words::opening_hours(&hours)
                                        .into_iter()
                                        .map(|line| view! { <span class="line">{line}</span> })
                                        .collect_view()
                                }}
                                {(!every_day)
                                    .then(|| {
                                        view! { <span class="line">{move_tr!("contact-closed-days")}</span> }
                                    })}
                            </dd>
                        }
                    })}
            </dl>
        </section>
    }
}

#[component]
fn SupportContact() -> impl IntoView {
    view! {
        <dl class="contact">
            <dt>{move_tr!("contact-phone-label")}</dt>
            <dd>
                <a href=format!("tel:{SUPPORT_PHONE}")>{move_tr!("contact-phone")}</a>
            </dd>
            <dt>{move_tr!("contact-email-label")}</dt>
            <dd>
                <a href=format!("mailto:{SUPPORT_EMAIL}")>{SUPPORT_EMAIL}</a>
            </dd>
            <dt>{move_tr!("contact-hours-label")}</dt>
            <dd>{move_tr!("contact-hours")}</dd>
        </dl>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <PageTitle title_key="not-found-title" />
        <h1>{move_tr!("not-found-title")}</h1>
        <p>{move_tr!("not-found-body")}</p>
        <p>
            <A href="/">{move_tr!("not-found-home")}</A>
        </p>
    }
}
