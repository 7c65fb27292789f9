//! Administrators manage their organisation's staff.
use super::ApiError;
use chrono::NaiveDateTime;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use {
    super::context::{self, require_admin, Staff},
    crate::domain::account::{AccountStatus, Role},
    crate::domain::{calendar, organisation, staff_admin, staff_list},
    crate::i18n::Lang,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffLine {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub admin: bool,
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
        (AccountStatus::Suspended, _) => StaffState::Suspended,
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
/// `active`, `suspended`, `locked` or everyone; `sort` is `name`, `-name`, `role` or `-role`.
#[server(prefix = "/api", endpoint = "list_staff")]
pub async fn list_staff(
    #[server(default)] q: String,
    #[server(default)] state: String,
    #[server(default)] sort: String,
    #[server(default)] page: i64,
) -> Result<StaffList, ApiError> {
    let Staff { ctx, organisation_id, .. } = require_admin().await?;
    let timezone = organisation::timezone(&ctx.db, organisation_id).await?;
    let query = staff_list::Query {
        search: &q,
        state: staff_list::StaffFilter::parse(&state),
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
            admin: m.role == Role::Admin,
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
    pub state: StaffState,
    pub last_sign_in: Option<NaiveDateTime>,
    pub number: Option<String>,
}

#[server(prefix = "/api", endpoint = "staff_person")]
pub async fn staff_person(account_id: i64) -> Result<PersonView, ApiError> {
    let Staff { ctx, organisation_id, .. } = require_admin().await?;
    let person = staff_admin::person(&ctx.db, organisation_id, account_id, ctx.now)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let timezone = organisation::timezone(&ctx.db, organisation_id).await?;
    Ok(PersonView {
        id: person.account_id,
        name: person.name,
        email: person.email,
        admin: person.role == Role::Admin,
        state: state_of(person.status, person.locked_until, &timezone),
        last_sign_in: person.last_sign_in.map(|at| calendar::local_time(at, &timezone)),
        number: person.number,
    })
}

/// Gives a staff member their professional number, changes it, or (empty) takes it away.
#[server(prefix = "/api", endpoint = "set_professional_number")]
pub async fn set_professional_number(
    account_id: i64,
    #[server(default)] professional_number: String,
) -> Result<(), ApiError> {
    let Staff { ctx, organisation_id, .. } = require_admin().await?;
    staff_admin::set_professional_number(&ctx, organisation_id, account_id, &professional_number)
        .await
        .map_err(|e| ApiError::from(e).keep("professional_number", &professional_number))?;
    leptos_axum::redirect(&format!("/staff/team/{account_id}?done=number"));
    Ok(())
}

/// An administrator's action on a staff member's account: `reset`, `unlock`, `suspend`,
/// `reactivate`, `make-admin`, `end-admin` or `remove`. Without JavaScript the page comes back
/// saying what was done (after `remove`, the staff list does).
#[server(prefix = "/api", endpoint = "act_on_staff")]
pub async fn act_on_staff(account_id: i64, #[server(default)] action: String) -> Result<(), ApiError> {
    let Staff { ctx, organisation_id, .. } = require_admin().await?;
    let done = match action.as_str() {
        "reset" => {
            let public_url = context::state().config.public_url.clone();
            staff_admin::send_password_reset(&ctx, organisation_id, account_id, &public_url).await?;
            "reset"
        }
        "unlock" => {
            staff_admin::unlock(&ctx, organisation_id, account_id).await?;
            "unlocked"
        }
        "suspend" => {
            staff_admin::suspend(&ctx, organisation_id, account_id).await?;
            "suspended"
        }
        "reactivate" => {
            staff_admin::reactivate(&ctx, organisation_id, account_id).await?;
            "reactivated"
        }
        "make-admin" => {
            staff_admin::make_administrator(&ctx, organisation_id, account_id).await?;
            "made-admin"
        }
        "end-admin" => {
            staff_admin::end_administrator(&ctx, organisation_id, account_id).await?;
            "admin-ended"
        }
        "remove" => {
            staff_admin::remove_from_organisation(&ctx, organisation_id, account_id).await?;
            leptos_axum::redirect("/staff/team?done=removed");
            return Ok(());
        }
        _ => return Err(ApiError::invalid("error-request-invalid")),
    };
    leptos_axum::redirect(&format!("/staff/team/{account_id}?done={done}"));
    Ok(())
}

/// Adds a professional, who receives a one-time setup link by email.
#[server(prefix = "/api", endpoint = "add_professional")]
pub async fn add_professional(
    #[server(default)] title: String,
    #[server(default)] given_name: String,
    #[server(default)] family_name: String,
    #[server(default)] email: String,
    #[server(default)] language: String,
    #[server(default)] professional_number: String,
) -> Result<(), ApiError> {
    let keep = |e: ApiError| {
        e.keep("professional_number", &professional_number)
            .keep("title", &title)
            .keep("given_name", &given_name)
            .keep("family_name", &family_name)
            .keep("email", &email)
            .keep("language", &language)
    };
    let Staff { ctx, account: me, organisation_id } = require_admin().await?;
    organisation::add_professional(
        &ctx,
        organisation_id,
        me.id,
        &context::state().config.public_url,
        organisation::NewStaff {
            title: &title,
            email: &email,
            given_name: &given_name,
            family_name: &family_name,
            language: Lang::from_code(&language),
        },
        &professional_number,
    )
    .await
    .map_err(|e| keep(e.into()))?;
    Ok(())
}

/// The organisation's age of consent, for its settings page.
#[server(prefix = "/api", endpoint = "age_of_consent")]
pub async fn age_of_consent() -> Result<i64, ApiError> {
    let Staff { ctx, organisation_id, .. } = require_admin().await?;
    Ok(organisation::age_of_consent(&ctx.db, organisation_id).await?)
}

#[server(prefix = "/api", endpoint = "save_age_of_consent")]
pub async fn save_age_of_consent(#[server(default)] age: String) -> Result<(), ApiError> {
    let Staff { ctx, account: me, organisation_id } = require_admin().await?;
    organisation::set_age_of_consent(&ctx, organisation_id, &age, me.id)
        .await
        .map_err(|e| ApiError::from(e).keep("age", &age))?;
    leptos_axum::redirect("/staff/settings?saved=1");
    Ok(())
}
