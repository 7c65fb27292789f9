//! "Page 2 of 5" with links to the pages either side, for lists too long for one page.
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;

/// `href(n)` is the address of page `n`; `label` names the navigation for screen readers;
/// `before`/`after` are the links' words ("Newer"/"Older", "Previous"/"Next").
#[component]
pub fn Pager(
    page: i64,
    pages: i64,
    href: impl Fn(i64) -> String,
    label: Signal<String>,
    before: Signal<String>,
    after: Signal<String>,
) -> impl IntoView {
    view! {
        <nav class="pager" aria-label=label>
            {(page > 1).then(|| view! { <A href=href(page - 1)>{before}</A> })}
            <span>{move_tr!("pager-page", { "page" => page, "pages" => pages })}</span>
            {(page < pages).then(|| view! { <A href=href(page + 1)>{after}</A> })}
        </nav>
    }
}
