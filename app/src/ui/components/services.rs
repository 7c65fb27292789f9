//! The services catalogue as checkboxes: each service's name and what it opens, ticked as held
//! (or as sent, when a post came back refused).
use crate::api::ApiError;
use crate::states::Service;
use crate::ui::form::error_for;
use crate::ui::words::tr_with;
use leptos::prelude::*;
use leptos_fluent::move_tr;

#[component]
pub fn ServiceChoice(error: Signal<Option<ApiError>>, held: Vec<Service>) -> impl IntoView {
    let problem = error_for(error, "services");
    view! {
        <fieldset class="services" aria-describedby=move || problem.get().map(|_| "services-error")>
            <legend>{move_tr!("services-legend")}</legend>
            <input type="hidden" name="shown" value="on" />
            {move || {
                problem
                    .get()
                    .map(|text| {
                        view! {
                            <p class="field-error" id="services-error">
                                {text}
                            </p>
                        }
                    })
            }}
            {Service::ALL
                .into_iter()
                .map(|service| {
                    let code = service.code();
                    let saved = held.contains(&service);
                    let ticked = move || match error.get() {
                        Some(e) if e.kept("shown").is_some() => e.kept(code).is_some(),
                        _ => saved,
                    };
                    let about = format!("{code}-about");
                    view! {
                        <div class="choice">
                            <input
                                type="checkbox"
                                id=code
                                name=code
                                checked=ticked
                                aria-describedby=about.clone()
                            />
                            <label for=code>{move || tr_with(service.name_key(), &[])}</label>
                            <p class="hint" id=about>
                                {move || tr_with(service.description_key(), &[])}
                            </p>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// The services a person holds, as a plain list ("No service" when there are none).
#[component]
pub fn ServiceList(services: Vec<Service>) -> impl IntoView {
    if services.is_empty() {
        return view! { <p data-testid="services">{move_tr!("services-none")}</p> }.into_any();
    }
    view! {
        <ul class="services" data-testid="services">
            {services
                .into_iter()
                .map(|s| view! { <li>{move || tr_with(s.name_key(), &[])}</li> })
                .collect_view()}
        </ul>
    }
    .into_any()
}
