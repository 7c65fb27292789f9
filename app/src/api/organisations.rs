//! A person's organisations (Account → My organisations): the requests to join a staff waiting for
//! their answer, the organisations they work in (and leaving one), those that follow them as a
//! patient.
use super::ApiError;
use crate::door::{JoinRequestId, OrganisationId};
use crate::states::Service;
use chrono::NaiveDateTime;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use {
    super::context::{self, require_session, Caller},
    crate::domain::{
        calendar, organisation::membership, organisation::staff_admin, organisation::staff_invitation,
        organisation::staff_service,
    },
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinRequestView {
    pub id: i64,
    pub organisation: String,
    pub services: Vec<Service>,
    /// When the request stops waiting, in the organisation's time.
    pub until: NaiveDateTime,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkplaceView {
    pub organisation_id: i64,
    pub name: String,
    pub services: Vec<Service>,
    /// The organisation this session works in.
    pub working: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationsView {
    pub requests: Vec<JoinRequestView>,
    pub workplaces: Vec<WorkplaceView>,
    pub patient_of: Vec<String>,
}

#[server(prefix = "/api", endpoint = "my_organisations")]
pub async fn my_organisations() -> Result<OrganisationsView, ApiError> {
    let caller = require_session().await?;
    let working = context::working_organisation(&caller).await?;
    let Caller { ctx, account, .. } = caller;
    let mut requests = Vec::new();
    for request in staff_invitation::for_account(&ctx.db, account.id, ctx.now).await? {
        let timezone = calendar::organisation_timezone(&ctx.db, request.organisation_id).await?;
        requests.push(JoinRequestView {
            id: request.id,
            organisation: request.organisation,
            services: request.services.0,
            until: calendar::local_time(request.expires_at, &timezone),
        });
    }
    let mut workplaces = Vec::new();
    for place in membership::workplaces(&ctx.db, account.id).await? {
        workplaces.push(WorkplaceView {
            services: staff_service::held(&ctx.db, account.id, place.organisation_id).await?,
            working: working == Some(place.organisation_id),
            organisation_id: place.organisation_id,
            name: place.name,
        });
    }
    let patient_of = membership::patient_of(&ctx.db, account.id).await?;
    Ok(OrganisationsView { requests, workplaces, patient_of })
}

/// The person accepts (`accept`) or declines (`decline`) a request to join a staff addressed to them.
#[server(prefix = "/api", endpoint = "answer_join_request")]
pub async fn answer_join_request(
    id: JoinRequestId,
    #[server(default)] answer: String,
) -> Result<(), ApiError> {
    let Caller { ctx, account, .. } = require_session().await?;
    let accept = match answer.as_str() {
        "accept" => true,
        "decline" => false,
        _ => return Err(ApiError::invalid("error-request-invalid")),
    };
    staff_invitation::answer(&ctx, account.id, id.get(), accept).await?;
    leptos_axum::redirect(if accept {
        "/account/organisations?done=accepted"
    } else {
        "/account/organisations?done=declined"
    });
    Ok(())
}

/// The person leaves an organisation's staff (never as its last active administrator).
#[server(prefix = "/api", endpoint = "leave_organisation")]
pub async fn leave_organisation(organisation_id: OrganisationId) -> Result<(), ApiError> {
    let Caller { ctx, account, .. } = require_session().await?;
    staff_admin::leave(&ctx, organisation_id.get(), account.id).await?;
    leptos_axum::redirect("/account/organisations?done=left");
    Ok(())
}

/// The organisations following the caller as a patient that the platform suspended (their team
/// cannot answer for now), for the notice on the patient's home.
#[server(prefix = "/api", endpoint = "suspended_care")]
pub async fn suspended_care() -> Result<Vec<String>, ApiError> {
    let Caller { ctx, account, .. } = require_session().await?;
    Ok(membership::suspended_care(&ctx.db, account.id).await?)
}
