//! The administrator's staff page: who works here, and adding a professional.
use super::PageTitle;
use crate::api::staff::{list_staff, AddProfessional};
use crate::ui::form::{action_error, error_for, failure, kept, Field, FormAlert, LanguageChoice};
use leptos::prelude::*;
use leptos_fluent::move_tr;

#[component]
pub fn Team() -> impl IntoView {
    let add = ServerAction::<AddProfessional>::new();
    let error = action_error(add);
    let added = Signal::derive(move || matches!(add.value().get(), Some(Ok(()))));
    let staff = Resource::new(move || add.version().get(), |_| list_staff());
    view! {
        <PageTitle title_key="team-title" />
        <h1>{move_tr!("team-title")}</h1>
        <Suspense fallback=move || view! { <p>{move_tr!("loading")}</p> }>
            {move || Suspend::new(async move {
                match staff.await {
                    Ok(list) => view! {
                        <ul class="patient-list">
                            {list.into_iter().map(|m| view! {
                                <li class="patient">
                                    <p class="patient-name">{m.name.clone()}</p>
                                    <p>{m.email.clone()}</p>
                                    <p class="status">
                                        {if m.admin { move_tr!("team-role-admin") } else { move_tr!("team-role-professional") }}
                                        " · "
                                        {if m.active { move_tr!("team-active") } else { move_tr!("team-pending") }}
                                    </p>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(e) => failure(e),
                }
            })}
        </Suspense>
        <h2>{move_tr!("team-add-title")}</h2>
        <p>{move_tr!("team-add-intro")}</p>
        <ActionForm action=add>
            <FormAlert error />
            <p role="status">{move || added.get().then(|| move_tr!("team-added").get())}</p>
            <Field id="title" autocomplete="off" label=move_tr!("team-title-label") hint=move_tr!("team-title-hint") value=kept(error, "title") />
            <Field id="given_name" autocomplete="off" label=move_tr!("invite-given-name") value=kept(error, "given_name") error=error_for(error, "given_name") />
            <Field id="family_name" autocomplete="off" label=move_tr!("invite-family-name") value=kept(error, "family_name") error=error_for(error, "family_name") />
            <Field id="email" kind="email" inputmode="email" label=move_tr!("invite-email") value=kept(error, "email") error=error_for(error, "email") />
            <LanguageChoice error />
            <button type="submit" class="button">{move_tr!("team-add-submit")}</button>
        </ActionForm>
    }
}
