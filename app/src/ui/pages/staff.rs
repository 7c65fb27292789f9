//! The staff home page, reached after sign-in.
use super::PageTitle;
use crate::api::auth::staff_home;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use leptos_router::components::A;
use crate::ui::form::failure;

#[component]
pub fn StaffHome() -> impl IntoView {
    let home = Resource::new(|| (), |_| staff_home());
    view! {
        <PageTitle title_key="staff-title" />
        <Suspense fallback=move || view! { <p>{move_tr!("loading")}</p> }>
            {move || Suspend::new(async move {
                match home.await {
                    Ok(home) => {
                        let name = home.given_name.clone();
                        let is_admin = home.roles.iter().any(|r| r.role == "admin");
                        view! {
                            <h1>{move || tr!("staff-greeting", { "name" => name.clone() })}</h1>
                            <ul class="roles">
                                {home.roles.into_iter().map(|r| {
                                    let organisation = r.organisation.clone();
                                    let admin = r.role == "admin";
                                    view! { <li>{move || if admin {
                                        tr!("staff-role-admin", { "organisation" => organisation.clone() })
                                    } else {
                                        tr!("staff-role-professional", { "organisation" => organisation.clone() })
                                    }}</li> }
                                }).collect_view()}
                            </ul>
                            <p>{move_tr!("staff-empty")}</p>
                            <p class="actions">
                                <A href="/staff/patients" attr:class="button">{move_tr!("patients-title")}</A>
                                {is_admin.then(|| view! { <A href="/staff/team" attr:class="button">{move_tr!("team-title")}</A> })}
                            </p>
                        }.into_any()
                    }
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
    }
}
