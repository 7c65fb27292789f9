//! The services catalogue as checkboxes: each service's name and what it opens, ticked as held
//! (or as sent, when a post came back refused).
use crate::api::staff::offered_services;
use crate::api::ApiError;
use crate::states::Service;
use crate::ui::components::Loaded;
use crate::ui::form::error_for;
use crate::ui::words::tr_with;
use leptos::prelude::*;
use leptos_fluent::move_tr;

/// The services the administrator's organisation offers, ticked as `held`.
#[component]
pub fn ServiceChoice(error: Signal<Option<ApiError>>, held: Vec<Service>) -> impl IntoView {
    let offered = Resource::new(|| (), |_| offered_services());
    view! {
        <Loaded data=offered let:offered>
            {
                let hint = (offered.len() < Service::ALL.len()).then_some("services-offered-hint");
                view! { <ServiceBoxes error held=held.clone() offered legend="services-legend" hint /> }
            }
        </Loaded>
    }
}

/// A checkbox for each service of `offered`, under `legend` (a message key) and its `hint`.
#[component]
pub fn ServiceBoxes(
    error: Signal<Option<ApiError>>,
    held: Vec<Service>,
    offered: Vec<Service>,
    legend: &'static str,
    hint: Option<&'static str>,
) -> impl IntoView {
    let problem = error_for(error, "services");
    view! {
        <fieldset class="services" aria-describedby=move || problem.get().map(|_| "services-error")>
            <legend>{move || tr_with(legend, &[])}</legend>
            {hint.map(|key| view! { <p class="hint">{move || tr_with(key, &[])}</p> })}
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
            {offered
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
