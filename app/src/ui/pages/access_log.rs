//! "My access log": who did what about my file, and when, newest first, 20 to a page.
use crate::api::account::my_access_log;
use crate::ui::components::audit::action_key;
use crate::ui::components::pager::Pager;
use crate::ui::components::{Loaded, PageTitle};
use crate::ui::words::long_date_time;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AccessLog() -> impl IntoView {
    let query = use_query_map();
    let page = move || query.read().get("page").and_then(|p| p.parse::<i64>().ok()).unwrap_or(1);
    let log = Resource::new(page, my_access_log);
    let i18n = expect_context::<leptos_fluent::I18n>();
    view! {
        <PageTitle title_key="access-log-title" />
        <h1>{move_tr!("access-log-title")}</h1>
        <p>{move_tr!("access-log-intro")}</p>
        <Loaded data=log let:log>
            {
                view! {
                    <ol class="access-log" data-testid="access-log">
                        {log
                            .entries
                            .into_iter()
                            .map(|entry| {
                                let who = match entry.actor.clone() {
                                    None => i18n.tr("access-log-you"),
                                    Some(name) => {
                                        let role = (!entry.actor_role.is_empty())
                                            .then(|| i18n.tr(&format!("role-{}", entry.actor_role)));
                                        let organisation = (!entry.actor_organisation.is_empty())
                                            .then(|| entry.actor_organisation.clone());
                                        let about: Vec<String> = role
                                            .into_iter()
                                            .chain(organisation)
                                            .collect();
                                        if about.is_empty() {
                                            name
                                        } else {
                                            format!("{name} ({})", about.join(", "))
                                        }
                                    }
                                };
                                let who = match entry.acting_for.clone() {
                                    Some(patient) => {
                                        i18n.tr_with_args(
                                            "access-log-acting-for",
                                            &[("who".into(), who.into()), ("patient".into(), patient.into())]
                                                .into_iter()
                                                .collect(),
                                        )
                                    }
                                    None => who,
                                };
                                let action = action_key(&entry.action);
                                // "Dre Anne Roy (Professional, Clinique A)": who, as what, where.
                                view! {
                                    <li class="log-entry">
                                        <p class="log-what">{move || i18n.tr(&action)}</p>
                                        <p class="hint">
                                            {move || long_date_time(entry.at)} " · " {who}
                                            {(!entry.ip.is_empty()).then(|| format!(" · {}", entry.ip))}
                                        </p>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                    <Pager
                        page=log.page
                        pages=log.pages
                        href=|n| format!("/account/access-log?page={n}")
                        label=move_tr!("access-log-pages")
                        before=move_tr!("access-log-newer")
                        after=move_tr!("access-log-older")
                    />
                }
            }
        </Loaded>
        <p>
            <A href="/account">{move_tr!("back-to-account")}</A>
        </p>
    }
}
