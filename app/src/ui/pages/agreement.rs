//! The signed participation agreement, to read and print: the organisation's administrators'
//! (`/staff/settings/agreement`) and the operators' (`/operator/requests/:id/agreement`).
use crate::api::operator::request_agreement;
use crate::api::settings::signed_agreement;
use crate::ui::components::signed_agreement::SignedAgreement;
use crate::ui::components::{Loaded, PageTitle};
use crate::ui::route::{route_params, with_id, OrganisationRequestParams};
use leptos::prelude::*;
use leptos_fluent::move_tr;
use leptos_router::components::A;

#[component]
pub fn OrganisationAgreementPage() -> impl IntoView {
    let signed = Resource::new(|| (), |_| signed_agreement());
    view! {
        <PageTitle title_key="agreement-title" />
        <h1>{move_tr!("agreement-title")}</h1>
        <Loaded data=signed let:signed>
            {match signed {
                Some(signed) => view! { <SignedAgreement signed /> }.into_any(),
                None => view! { <p>{move_tr!("agreement-none")}</p> }.into_any(),
            }}
        </Loaded>
    }
}

#[component]
pub fn RequestAgreementPage() -> impl IntoView {
    let params = route_params::<OrganisationRequestParams>();
    let signed = Resource::new(move || params.get().map(|p| p.id), |id| with_id(id, request_agreement));
    let back = move || params.get().map(|p| format!("/operator/requests/{}", p.id)).unwrap_or_default();
    view! {
        <PageTitle title_key="agreement-title" />
        <p class="no-print">
            <A href=back>{move_tr!("operator-request-back-one")}</A>
        </p>
        <h1>{move_tr!("agreement-title")}</h1>
        <Loaded data=signed let:signed>
            <SignedAgreement signed />
        </Loaded>
    }
}
