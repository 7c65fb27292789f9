//! The notice of each organisation the platform suspended: to its staff on their home ("you cannot
//! work in it"), to its patients on theirs ("its team cannot answer here; your information stays").
use crate::ui::words::tr_with;
use leptos::prelude::*;

#[component]
pub fn SuspendedNotices(organisations: Vec<String>, message_key: &'static str) -> impl IntoView {
    organisations
        .into_iter()
        .map(|organisation| {
            view! {
                <p class="alert" role="status" data-testid="organisation-suspended">
                    {move || tr_with(message_key, &[("organisation", &organisation)])}
                </p>
            }
        })
        .collect_view()
}
