//! Lists of people as tables: a column heading that sorts by a link (`?sort=name`, again for
//! `-name`), so sorting works without JavaScript, and a cell label that only phones show, where
//! CSS lays each row out as a card.
use leptos::prelude::*;

/// A sortable column's heading. `key` is the column's sort name, `current` the list's `sort`
/// (`name`, `-name`, …), `href(sort)` the address of the list sorted that way.
#[component]
pub fn SortHeader(
    key: &'static str,
    #[prop(into)] label: Signal<String>,
    current: String,
    href: impl Fn(&str) -> String,
) -> impl IntoView {
    let ascending = current == key;
    let descending = current.strip_prefix('-') == Some(key);
    let next = if ascending { format!("-{key}") } else { key.to_string() };
    let aria_sort = if ascending {
        "ascending"
    } else if descending {
        "descending"
    } else {
        "none"
    };
    let arrow = if ascending {
        " ▲"
    } else if descending {
        " ▼"
    } else {
        ""
    };
    view! {
        <th scope="col" aria-sort=aria_sort>
            <a href=href(&next) class="sort-link">
                {label}
                <span aria-hidden="true">{arrow}</span>
            </a>
        </th>
    }
}

/// A cell's column name, shown (and read) before its value only when a row is a card (phones).
#[component]
pub fn CellLabel(#[prop(into)] label: Signal<String>) -> impl IntoView {
    view! { <span class="cell-label">{label}</span> }
}
