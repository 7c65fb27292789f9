//! The organisation's audit trail (administrators): every action taken in it, newest first, 50 to
//! a page, chosen by whose and between which days with a plain GET form.
use crate::api::audit_trail::{audit_trail, AuditEntryView};
use crate::api::ApiError;
use crate::states::AuditWho;
use crate::ui::components::audit::action_key;
use crate::ui::components::pager::Pager;
use crate::ui::components::table::CellLabel;
use crate::ui::components::PageTitle;
use crate::ui::form::{error_for, failure, Field};
use crate::ui::words::{long_date_time, tr, tr_with};
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::hooks::use_query_map;

/// The page's address with its filter, at page `n`.
fn address(who: &str, since: &str, until: &str, n: i64) -> String {
    let query: Vec<String> = [("who", who), ("since", since), ("until", until)]
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(name, value)| format!("{name}={}", urlencoding::encode(value)))
        .chain((n > 1).then(|| format!("page={n}")))
        .collect();
    if query.is_empty() {
        "/staff/audit".to_string()
    } else {
        format!("/staff/audit?{}", query.join("&"))
    }
}

#[component]
pub fn AuditTrailPage() -> impl IntoView {
    let query = use_query_map();
    let param = move |name: &str| query.read().get(name).unwrap_or_default();
    let trail = Resource::new(
        move || {
            let page = param("page").parse::<i64>().unwrap_or(1);
            (param("who"), param("since"), param("until"), page)
        },
        |(who, since, until, page)| audit_trail(who, since, until, page),
    );
    view! {
        <PageTitle title_key="audit-trail-title" />
        <h1>{move_tr!("audit-trail-title")}</h1>
        <p>{move_tr!("audit-trail-intro")}</p>
        <Suspense fallback=move || {
            view! { <p>{move_tr!("loading")}</p> }
        }>
            {move || Suspend::new(async move {
                let (who, since, until) = (param("who"), param("since"), param("until"));
                match trail.await {
                    Ok(trail) => {
                        view! {
                            <Filters who=who.clone() since=since.clone() until=until.clone() refusal=None />
                            <p role="status" data-testid="audit-count">
                                {
                                    let count = trail.total;
                                    move || leptos_fluent::tr!("audit-trail-count", { "count" => count })
                                }
                            </p>
                            {if trail.entries.is_empty() {
                                view! { <p>{move_tr!("audit-trail-none")}</p> }.into_any()
                            } else {
                                view! { <Entries entries=trail.entries /> }.into_any()
                            }}
                            {(trail.pages > 1)
                                .then(|| {
                                    view! {
                                        <Pager
                                            page=trail.page
                                            pages=trail.pages
                                            href=move |n| address(&who, &since, &until, n)
                                            label=move_tr!("audit-trail-title")
                                            before=move_tr!("access-log-newer")
                                            after=move_tr!("access-log-older")
                                        />
                                    }
                                })}
                        }
                            .into_any()
                    }
                    Err(refusal @ ApiError { field: Some(_), .. }) => {
                        // A date that is not one comes back on its field, the form as it was sent.
                        view! { <Filters who since until refusal=Some(refusal) /> }
                            .into_any()
                    }
                    Err(error) => failure(error),
                }
            })}
        </Suspense>
    }
}

/// The plain GET form that chooses whose actions and between which days.
#[component]
fn Filters(who: String, since: String, until: String, refusal: Option<ApiError>) -> impl IntoView {
    let chosen = AuditWho::parse(&who);
    let refusal = Signal::stored(refusal);
    view! {
        <form
            method="get"
            action="/staff/audit"
            class="filters"
            role="search"
            aria-label=move_tr!("audit-trail-title")
        >
            <div class="field">
                <label for="who">{move_tr!("audit-trail-who")}</label>
                <select id="who" name="who">
                    {AuditWho::ALL
                        .into_iter()
                        .map(|option| {
                            view! {
                                <option value=option.code() selected=chosen == option>
                                    {move || tr(&format!("audit-who-{}", option.code()))}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <Field
                id="since"
                kind="date"
                required=false
                label=move_tr!("audit-trail-since")
                value=since
                error=error_for(refusal, "since")
            />
            <Field
                id="until"
                kind="date"
                required=false
                label=move_tr!("audit-trail-until")
                value=until
                error=error_for(refusal, "until")
            />
            <button type="submit" class="button">
                {move_tr!("audit-trail-show")}
            </button>
        </form>
    }
}

/// Who acted: "Anne Roy (administration)", "Line Roy for Léa Tremblay", "Paul Côté (platform
/// operator)", or that nobody signed in did.
fn actor(entry: &AuditEntryView) -> String {
    if entry.actor.is_empty() {
        return tr("audit-trail-not-signed-in");
    }
    let named = if entry.actor_part.is_empty() {
        entry.actor.clone()
    } else {
        format!("{} ({})", entry.actor, tr(&format!("role-{}", entry.actor_part)))
    };
    match &entry.acting_for {
        Some(patient) => format!("{named} {}", tr_with("audit-trail-for", &[("name", patient)])),
        None => named,
    }
}

#[component]
fn Entries(entries: Vec<AuditEntryView>) -> impl IntoView {
    view! {
        <table class="data-table" data-testid="audit-trail">
            <caption class="visually-hidden">{move_tr!("audit-trail-title")}</caption>
            <thead>
                <tr>
                    <th scope="col">{move_tr!("audit-trail-when")}</th>
                    <th scope="col">{move_tr!("audit-trail-action")}</th>
                    <th scope="col">{move_tr!("audit-trail-actor")}</th>
                    <th scope="col">{move_tr!("audit-trail-about")}</th>
                    <th scope="col">{move_tr!("audit-trail-ip")}</th>
                </tr>
            </thead>
            <tbody>
                {entries
                    .into_iter()
                    .map(|entry| {
                        let action = action_key(&entry.action);
                        let at = entry.at;
                        let by = entry.clone();
                        view! {
                            <tr>
                                <td>
                                    <CellLabel label=move_tr!("audit-trail-when") />
                                    {move || long_date_time(at)}
                                </td>
                                <th scope="row">
                                    <CellLabel label=move_tr!("audit-trail-action") />
                                    {move || tr(&action)}
                                </th>
                                <td>
                                    <CellLabel label=move_tr!("audit-trail-actor") />
                                    {move || actor(&by)}
                                </td>
                                <td>
                                    <CellLabel label=move_tr!("audit-trail-about") />
                                    {entry.about}
                                </td>
                                <td>
                                    <CellLabel label=move_tr!("audit-trail-ip") />
                                    {entry.ip}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
