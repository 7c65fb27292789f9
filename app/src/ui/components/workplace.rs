//! Choosing the organisation one works in: a plain form posted to `work_in`, so the whole page
//! (navigation, lists, counts) comes back for the chosen organisation, with or without JavaScript.
use crate::api::auth::StaffRole;
use crate::ui::words::tr_with;
use leptos::prelude::*;
use leptos_fluent::move_tr;

/// "Work in Clinique A": switches this session to that organisation, then shows its staff home.
#[component]
pub fn WorkInButton(organisation_id: i64, name: String) -> impl IntoView {
    let label = name.clone();
    view! {
        <form method="post" action="/api/work_in" class="inline-form">
            <input type="hidden" name="organisation_id" value=organisation_id.to_string() />
            <button type="submit" class="button">
                {move || tr_with("workplace-work-in", &[("organisation", &label)])}
            </button>
        </form>
    }
}

/// The organisation worked in now, as a menu of the others ("Clinique A ▾"); a `<details>`
/// element, so it opens without JavaScript too. Shown only to people with several.
#[component]
pub fn WorkplaceSwitch(roles: Vec<StaffRole>, working_in: Option<i64>) -> impl IntoView {
    let current =
        roles.iter().find(|r| Some(r.organisation_id) == working_in).map(|r| r.organisation.clone());
    view! {
        <details class="workplace-switch" data-testid="workplace-switch">
            <summary>
                <span class="visually-hidden">{move_tr!("workplace-label")} " "</span>
                {match current {
                    Some(name) => view! { <span>{name}</span> }.into_any(),
                    None => view! { <span>{move_tr!("workplace-choose")}</span> }.into_any(),
                }}
                " ▾"
            </summary>
            <ul>
                {roles
                    .into_iter()
                    .filter(|r| Some(r.organisation_id) != working_in)
                    .map(|r| {
                        view! {
                            <li>
                                <WorkInButton organisation_id=r.organisation_id name=r.organisation />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </details>
    }
}
