//! Administrators manage their organisation's staff (the organisation's settings and overview
//! are in `settings.rs`).
// Adding a person is one form of many fields, each its own argument (a plain form post).
#![allow(clippy::too_many_arguments)]
use super::ApiError;
use crate::actions::StaffAction;
use crate::door::{AccountId, JoinRequestId};
use crate::i18n::Lang;
use chrono::NaiveDateTime;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub use super::patients::IssuedCode;
use crate::states::{Role, Service};
#[cfg(feature = "ssr")]
use {
    super::context::{self, require_service, Staff},
    super::patients::{show_once, take_shown, STAFF_SECRET_CODE},
    crate::domain::identity::account::AccountStatus,
    crate::domain::{
        calendar, organisation, organisation::staff_admin, organisation::staff_invitation,
        organisation::staff_list,
    },
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffLine {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub state: StaffState,
    pub number: Option<String>,
}

/// Where a staff member's account stands; a lock's end in the organisation's local time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StaffState {
    Invited,
    Active,
    Suspended,
    LockedUntil(NaiveDateTime),
}

#[cfg(feature = "ssr")]
fn state_of(status: AccountStatus, locked_until: Option<i64>, timezone: &str) -> StaffState {
    match (status, locked_until) {
        (AccountStatus::Pending, _) => StaffState::Invited,
        // A closed account belongs to no staff (its holder left first): shown, if ever, as stopped.
        (AccountStatus::Suspended | AccountStatus::Closed, _) => StaffState::Suspended,
        (AccountStatus::Active, Some(until)) => {
            StaffState::LockedUntil(calendar::local_time(until, timezone))
        }
        (AccountStatus::Active, None) => StaffState::Active,
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffList {
    pub lines: Vec<StaffLine>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
}

/// The staff list: `q` searches names, emails and professional numbers; `state` is `invited`,
/// `active`, `suspended`, `locked` or everyone; `service` a service's code (or everyone); `sort` is
/// `name`, `-name`, `role` or `-role`.
#[server(prefix = "/api", endpoint = "list_staff")]
pub async fn list_staff(
    #[server(default)] q: String,
    #[server(default)] state: String,
    #[server(default)] service: String,
    #[server(default)] sort: String,
    #[server(default)] page: i64,
) -> Result<StaffList, ApiError> {
    let Staff { ctx, organisation_id, timezone, .. } = require_service(Service::Administration).await?;
    let query = staff_list::Query {
        search: &q,
        state: staff_list::StaffFilter::parse(&state),
        service: Service::parse(&service),
        order: staff_list::Order::parse(&sort),
        page,
    };
    let found = staff_list::page(&ctx.db, organisation_id, query, ctx.now).await?;
    let lines = found
        .members
        .into_iter()
        .map(|m| StaffLine {
            id: m.account_id,
            name: m.name,
            email: m.email,
            role: m.role,
            state: state_of(m.status, m.locked_until.filter(|until| *until > ctx.now), &timezone),
            number: m.number,
        })
        .collect();
    Ok(StaffList { lines, total: found.total, page: found.paging.page, pages: found.paging.pages })
}

/// Who the organisation's active administrators are (names and emails), for every staff member:
/// the people to ask about their access.
#[server(prefix = "/api", endpoint = "my_administrators")]
pub async fn my_administrators() -> Result<Vec<(String, String)>, ApiError> {
    let Staff { ctx, organisation_id, .. } = context::require_staff().await?;
    Ok(staff_list::all(&ctx.db, organisation_id, ctx.now)
        .await?
        .into_iter()
        .filter(|m| m.role == Role::Admin && m.status == AccountStatus::Active)
        .map(|m| (m.name, m.email))
        .collect())
}

/// A staff member's page, for their administrator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonView {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub admin: bool,
    /// What the services held make them: administrator, support desk or professional.
    pub role: Role,
    pub state: StaffState,
    pub last_sign_in: Option<NaiveDateTime>,
    pub number: Option<String>,
    pub services: Vec<Service>,
    /// Whether the account belongs to this organisation alone, so that its administrators may
    /// reset its password or unlock it (otherwise the platform's support desk does).
    pub only_here: bool,
}

#[server(prefix = "/api", endpoint = "staff_person")]
pub async fn staff_person(account_id: AccountId) -> Result<PersonView, ApiError> {
    let account_id = account_id.get();
    let Staff { ctx, organisation_id, timezone, .. } = require_service(Service::Administration).await?;
    let person = staff_admin::person(&ctx.db, organisation_id, account_id, ctx.now)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let admin = person.is_administrator();
    Ok(PersonView {
        id: person.account_id,
        name: person.name,
        email: person.email,
        admin,
        role: Role::of_services(&person.services),
        state: state_of(person.status, person.locked_until, &timezone),
        last_sign_in: person.last_sign_in.map(|at| calendar::local_time(at, &timezone)),
        number: person.number,
        services: person.services,
        only_here: person.only_here,
    })
}

/// The services the organisation offers: the only ones its administrators may give.
#[server(prefix = "/api", endpoint = "offered_services")]
pub async fn offered_services() -> Result<Vec<Service>, ApiError> {
    let Staff { ctx, organisation_id, .. } = require_service(Service::Administration).await?;
    Ok(organisation::offering::offered(&ctx.db, organisation_id).await?)
}

/// Gives a staff member their professional number, changes it, or (empty) takes it away.
#[server(prefix = "/api", endpoint = "set_professional_number")]
pub async fn set_professional_number(
    account_id: AccountId,
    #[server(default)] professional_number: String,
) -> Result<(), ApiError> {
    let Staff { ctx, organisation_id, .. } = require_service(Service::Administration).await?;
    staff_admin::set_professional_number(&ctx, organisation_id, account_id.get(), &professional_number)
        .await
        .map_err(|e| ApiError::from(e).keep("professional_number", &professional_number))?;
    leptos_axum::redirect(&format!("/staff/team/{account_id}?done=number"));
    Ok(())
}

/// A new staff member's secret code, shown once to the administrator on its own page.
#[cfg(feature = "ssr")]
fn secret_code_once(timezone: &str, name: String, activation: &organisation::Activation) -> IssuedCode {
    show_once(STAFF_SECRET_CODE, name, activation.code.as_str(), activation.expires_at, timezone)
}

/// The secret code just generated, once: reading it clears it.
#[server(prefix = "/api", endpoint = "take_secret_code")]
pub async fn take_secret_code() -> Result<Option<IssuedCode>, ApiError> {
    require_service(Service::Administration).await?;
    Ok(take_shown(STAFF_SECRET_CODE))
}

/// An administrator's action on a staff member's account: `reset`, `unlock`, `suspend`,
/// `reactivate`, `new-code`, `make-admin`, `end-admin` or `remove`. Without JavaScript the page
/// comes back saying what was done (after `remove`, the staff list does; after `new-code`, the
/// page that shows the code once).
#[server(prefix = "/api", endpoint = "act_on_staff")]
pub async fn act_on_staff(account_id: AccountId, action: StaffAction) -> Result<(), ApiError> {
    let Staff { ctx, organisation_id, timezone, .. } = require_service(Service::Administration).await?;
    let account_id = account_id.get();
    let done = match action {
        StaffAction::Reset => {
            staff_admin::send_password_reset(&ctx, organisation_id, account_id).await?;
            "reset"
        }
        StaffAction::Unlock => {
            staff_admin::unlock(&ctx, organisation_id, account_id).await?;
            "unlocked"
        }
        StaffAction::Suspend => {
            staff_admin::suspend(&ctx, organisation_id, account_id).await?;
            "suspended"
        }
        StaffAction::Reactivate => {
            staff_admin::reactivate(&ctx, organisation_id, account_id).await?;
            "reactivated"
        }
        StaffAction::MakeAdmin => {
            staff_admin::make_administrator(&ctx, organisation_id, account_id).await?;
            "made-admin"
        }
        StaffAction::EndAdmin => {
            staff_admin::end_administrator(&ctx, organisation_id, account_id).await?;
            "admin-ended"
        }
        StaffAction::NewCode => {
            let (name, activation) = staff_admin::new_secret_code(&ctx, organisation_id, account_id).await?;
            secret_code_once(&timezone, name, &activation);
            return Ok(());
        }
        StaffAction::ResetSignIn => {
            let (name, activation) = staff_admin::reset_sign_in(&ctx, organisation_id, account_id).await?;
            secret_code_once(&timezone, name, &activation);
            return Ok(());
        }
        StaffAction::Remove => {
            staff_admin::remove_from_organisation(&ctx, organisation_id, account_id).await?;
            leptos_axum::redirect("/staff/team?done=removed");
            return Ok(());
        }
    };
    leptos_axum::redirect(&format!("/staff/team/{account_id}?done={done}"));
    Ok(())
}

/// The services' checkboxes of a form, each named by its service's code (a ticked box sends
/// `on`). `shown` is a hidden field of forms that show the boxes: without it nothing was chosen.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ServiceBoxes {
    pub shown: Option<String>,
    pub invitations: Option<String>,
    pub caregivers: Option<String>,
    pub messaging: Option<String>,
    pub questionnaires: Option<String>,
    pub administration: Option<String>,
    pub support_desk: Option<String>,
}

impl ServiceBoxes {
    fn ticked(&self, service: Service) -> bool {
        match service {
            Service::Invitations => &self.invitations,
            Service::Caregivers => &self.caregivers,
            Service::Messaging => &self.messaging,
            Service::Questionnaires => &self.questionnaires,
            Service::Administration => &self.administration,
            Service::SupportDesk => &self.support_desk,
        }
        .is_some()
    }
    /// The ticked services, or `None` when the form showed no boxes.
    pub fn chosen(&self) -> Option<Vec<Service>> {
        self.shown.as_ref().map(|_| Service::ALL.into_iter().filter(|s| self.ticked(*s)).collect())
    }
    /// Keeps the ticked boxes in a refusal, so the form comes back as it was sent.
    #[cfg(feature = "ssr")]
    pub(crate) fn keep_in(&self, mut error: ApiError) -> ApiError {
        if self.shown.is_some() {
            error = error.keep("shown", "on");
        }
        for service in Service::ALL.into_iter().filter(|s| self.ticked(*s)) {
            error = error.keep(service.code(), "on");
        }
        error
    }
}

/// Adds a staff member with the ticked services (without boxes in the form: a professional's
/// services); they receive a one-time setup link by email, and the administrator is shown the
/// secret code that goes with it, once.
#[server(prefix = "/api", endpoint = "add_professional")]
pub async fn add_professional(
    #[server(default)] title: String,
    #[server(default)] given_name: String,
    #[server(default)] family_name: String,
    #[server(default)] email: String,
    #[server(default)] language: Lang,
    #[server(default)] professional_number: String,
    #[server(flatten)]
    #[server(default)]
    services: ServiceBoxes,
    #[server(default)] code_to: String,
    #[server(default)] authoriser_name: String,
    #[server(default)] authoriser_email: String,
) -> Result<Option<IssuedCode>, ApiError> {
    let keep = |e: ApiError| {
        services
            .keep_in(e)
            .keep("code_to", &code_to)
            .keep("authoriser_name", &authoriser_name)
            .keep("authoriser_email", &authoriser_email)
            .keep("professional_number", &professional_number)
            .keep("title", &title)
            .keep("given_name", &given_name)
            .keep("family_name", &family_name)
            .keep("email", &email)
            .keep("language", language.code())
    };
    let Staff { ctx, account: me, organisation_id, timezone, .. } =
        require_service(Service::Administration).await?;
    // "me" (or nothing): shown to the administrator; "authoriser": mailed to the person named.
    let code_to_authoriser = if code_to == "authoriser" {
        organisation::SecretCodeTo::Authoriser {
            name: &authoriser_name,
            email: &authoriser_email,
            language: context::language(),
        }
    } else {
        organisation::SecretCodeTo::Administrator
    };
    let activation = organisation::add_professional(
        &ctx,
        organisation_id,
        me.id,
        organisation::NewStaff {
            title: &title,
            email: &email,
            given_name: &given_name,
            family_name: &family_name,
            language,
        },
        &services.chosen().unwrap_or_else(|| Role::Professional.bundle().to_vec()),
        &professional_number,
        code_to_authoriser,
    )
    .await
    .map_err(|e| keep(e.into()))?;
    if code_to_authoriser != organisation::SecretCodeTo::Administrator {
        leptos_axum::redirect("/staff/team?done=code-mailed");
        return Ok(None);
    }
    let name = format!("{} {} {}", title.trim(), given_name.trim(), family_name.trim()).trim().to_string();
    Ok(Some(secret_code_once(&timezone, name, &activation)))
}

/// Asks the owner of an email to join the staff with the ticked services: they accept or decline
/// while signed in. The answer is the same whether or not an account uses the address.
#[server(prefix = "/api", endpoint = "add_existing_staff")]
pub async fn add_existing_staff(
    #[server(default)] email: String,
    #[server(flatten)]
    #[server(default)]
    services: ServiceBoxes,
) -> Result<(), ApiError> {
    use crate::domain::identity::throttle::Limit;
    let keep = |e: ApiError| services.keep_in(e).keep("email", &email);
    let Staff { ctx, account: me, organisation_id, .. } = require_service(Service::Administration).await?;
    context::throttle(&[(Limit::JoinRequestByAdministrator, &me.id.to_string())]).await.map_err(keep)?;
    let chosen = services.chosen().unwrap_or_default();
    staff_invitation::ask(&ctx, organisation_id, &email, &chosen).await.map_err(|e| keep(e.into()))?;
    leptos_axum::redirect("/staff/team?done=asked");
    Ok(())
}

/// A request to join the staff still waiting for its answer, for the administrators' team page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitingView {
    pub id: i64,
    pub email: String,
    pub services: Vec<Service>,
    /// When it stops waiting, in the organisation's time.
    pub until: NaiveDateTime,
}

#[server(prefix = "/api", endpoint = "waiting_staff")]
pub async fn waiting_staff() -> Result<Vec<WaitingView>, ApiError> {
    let Staff { ctx, organisation_id, timezone, .. } = require_service(Service::Administration).await?;
    Ok(staff_invitation::waiting(&ctx.db, organisation_id, ctx.now)
        .await?
        .into_iter()
        .map(|w| WaitingView {
            id: w.id,
            email: w.email,
            services: w.services.0,
            until: calendar::local_time(w.expires_at, &timezone),
        })
        .collect())
}

/// The administrator takes back a request to join that is still waiting.
#[server(prefix = "/api", endpoint = "withdraw_staff_request")]
pub async fn withdraw_staff_request(id: JoinRequestId) -> Result<(), ApiError> {
    let Staff { ctx, organisation_id, .. } = require_service(Service::Administration).await?;
    staff_invitation::withdraw(&ctx, organisation_id, id.get()).await?;
    leptos_axum::redirect("/staff/team?done=withdrawn");
    Ok(())
}

/// The administrator's "Update" of a staff member's services (the ticked boxes are what they may
/// use from now on).
#[server(prefix = "/api", endpoint = "set_services")]
pub async fn set_services(
    account_id: AccountId,
    #[server(flatten)]
    #[server(default)]
    services: ServiceBoxes,
) -> Result<(), ApiError> {
    let Staff { ctx, organisation_id, .. } = require_service(Service::Administration).await?;
    let chosen = services.chosen().unwrap_or_default();
    staff_admin::set_services(&ctx, organisation_id, account_id.get(), &chosen)
        .await
        .map_err(|e| services.keep_in(e.into()))?;
    leptos_axum::redirect(&format!("/staff/team/{account_id}?done=services"));
    Ok(())
}
