//! Asking someone who may already have a Portail account to join an organisation's staff. Nobody
//! becomes a member without accepting: the administrator's request waits ("Waiting for
//! acceptance") until the owner of the address, signed in, accepts or declines it under Account →
//! My organisations. The administrator gets the same answer whether or not an account exists
//! for the address; only an account that exists is told by mail.
use super::offering;
use super::staff_service::{self, Services};
use crate::domain::identity::account::{self, Email, Role};
use crate::domain::Target;
use crate::domain::{notification, organisation, Ctx, DomainError, DomainResult};
use crate::states::Service;
use sqlx::{Any, Executor, Row};

/// How long a request to join waits for its answer (like every invitation: 5 days).
pub const VALID_SECONDS: i64 = 5 * 24 * 60 * 60;

/// A request to join a staff: to whom (the address typed), from which organisation, with which
/// services, until when.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct JoinRequest {
    pub id: i64,
    pub organisation_id: i64,
    pub organisation: String,
    pub email: String,
    #[sqlx(try_from = "String")]
    pub services: Services,
    pub created_at: i64,
    pub expires_at: i64,
}

fn codes(services: &[Service]) -> String {
    services.iter().map(|s| s.code()).collect::<Vec<_>>().join(",")
}

/// The columns of `JoinRequest`, from `staff_invitations i` and `organisations o`.
const SELECT: &str =
    "SELECT i.id, i.organisation_id, o.name AS organisation, i.email, i.services, i.created_at, i.expires_at
     FROM staff_invitations i JOIN organisations o ON o.id = i.organisation_id";

/// The administrator asks the owner of `email` to join with `services`. Whatever the address
/// (an account, a patient's account, none at all) the outcome looks the same to them; the owner
/// of an existing account is mailed a link to their organisations.
pub async fn ask(ctx: &Ctx, organisation_id: i64, email: &str, services: &[Service]) -> DomainResult<()> {
    let email = Email::parse(email)?;
    if services.is_empty() {
        return Err(DomainError::invalid("services", "error-services-required"));
    }
    let mut tx = ctx.db.begin().await?;
    offering::refuse_unoffered(&mut *tx, organisation_id, services).await?;
    let owner = account::find_by_email(&mut *tx, email.as_str()).await?;
    if let Some(owner) = &owner {
        // The organisation's own staff list already shows its members: saying so tells nothing new.
        let member: Option<i64> = sqlx::query(
            "SELECT 1 AS one FROM memberships WHERE account_id = $1 AND organisation_id = $2 AND role <> 'patient'",
        )
        .bind(owner.id)
        .bind(organisation_id)
        .fetch_optional(&mut *tx)
        .await?
        .map(|r| r.try_get("one"))
        .transpose()?;
        if member.is_some() {
            return Err(DomainError::conflict(Some("email"), "error-already-on-staff"));
        }
    }
    // A new request replaces one still waiting for the same address here.
    sqlx::query(
        "UPDATE staff_invitations SET answer = 'withdrawn', answered_at = $3
         WHERE organisation_id = $1 AND email_key = $2 AND answer IS NULL",
    )
    .bind(organisation_id)
    .bind(email.key())
    .bind(ctx.now)
    .execute(&mut *tx)
    .await?;
    let id: i64 = sqlx::query(
        "INSERT INTO staff_invitations (organisation_id, email, email_key, services, invited_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(organisation_id)
    .bind(email.as_str())
    .bind(email.key())
    .bind(codes(services))
    .bind(ctx.actor)
    .bind(ctx.now)
    .bind(ctx.now + VALID_SECONDS)
    .fetch_one(&mut *tx)
    .await?
    .try_get("id")?;
    if let Some(owner) = owner.filter(|o| o.status == account::AccountStatus::Active) {
        let name = organisation::name(&mut *tx, organisation_id).await?;
        let link = ctx.link(&format!("/account/organisations?lang={}", owner.language.code()));
        let mail = notification::join_asked_mail(owner.language, &owner.given_name, &name, services, &link);
        notification::enqueue_for(&mut *tx, organisation_id, &owner.email, &mail, ctx.now).await?;
    }
    ctx.audit(&mut *tx, Some(organisation_id), "staff.join_asked", Target::StaffInvitation(id)).await?;
    tx.commit().await?;
    Ok(())
}

/// The organisation's requests still waiting for an answer, newest first.
pub async fn waiting(
    db: &crate::domain::store::Db,
    organisation_id: i64,
    now: i64,
) -> DomainResult<Vec<JoinRequest>> {
    Ok(sqlx::query_as(&format!(
        "{SELECT} WHERE i.organisation_id = $1 AND i.answer IS NULL AND i.expires_at > $2
         ORDER BY i.created_at DESC, i.id DESC"
    ))
    .bind(organisation_id)
    .bind(now)
    .fetch_all(db)
    .await?)
}

/// The administrator takes a request back before it is answered.
pub async fn withdraw(ctx: &Ctx, organisation_id: i64, id: i64) -> DomainResult<()> {
    let mut tx = ctx.db.begin().await?;
    close(&mut tx, organisation_id, id, "withdrawn", ctx.now).await?;
    ctx.audit(&mut *tx, Some(organisation_id), "staff.join_withdrawn", Target::StaffInvitation(id)).await?;
    tx.commit().await?;
    Ok(())
}

/// Gives a request of the organisation that still waits its answer (`accepted`, `declined`,
/// `withdrawn`); "not found" once it no longer waits (two answers at once: the second).
async fn close(
    tx: &mut sqlx::Transaction<'_, Any>,
    organisation_id: i64,
    id: i64,
    answer: &str,
    now: i64,
) -> DomainResult<()> {
    let changed = sqlx::query(
        "UPDATE staff_invitations SET answer = $3, answered_at = $4
         WHERE id = $1 AND organisation_id = $2 AND answer IS NULL",
    )
    .bind(id)
    .bind(organisation_id)
    .bind(answer)
    .bind(now)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if changed == 0 {
        return Err(DomainError::NotFound);
    }
    Ok(())
}

/// The requests waiting for this person's answer (found by their account's address).
pub async fn for_account<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
    now: i64,
) -> DomainResult<Vec<JoinRequest>> {
    Ok(sqlx::query_as(&format!(
        "{SELECT} JOIN accounts a ON a.email_key = i.email_key
         WHERE a.id = $1 AND i.answer IS NULL AND i.expires_at > $2 ORDER BY o.name, i.id"
    ))
    .bind(account_id)
    .bind(now)
    .fetch_all(exec)
    .await?)
}

/// The person answers a request addressed to them: accepted, they join the staff with the
/// services asked (staff sign in with an authenticator app, so one is needed first); declined,
/// nothing changes. Anyone else's request is "not found".
pub async fn answer(ctx: &Ctx, account_id: i64, id: i64, accept: bool) -> DomainResult<()> {
    let me = account::find_by_id(&ctx.db, account_id).await?;
    let request = for_account(&ctx.db, account_id, ctx.now)
        .await?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or(DomainError::NotFound)?;
    if accept && me.totp_secret.is_none() {
        return Err(DomainError::conflict(None, "error-join-needs-authenticator"));
    }
    let (organisation_id, Services(services)) = (request.organisation_id, &request.services);
    let mut tx = ctx.db.begin().await?;
    close(&mut tx, organisation_id, id, if accept { "accepted" } else { "declined" }, ctx.now).await?;
    let action = if accept {
        // The organisation may have stopped offering one of them since it asked.
        let offered = offering::offered(&mut *tx, organisation_id).await?;
        let services: &[Service] =
            &services.iter().copied().filter(|s| offered.contains(s)).collect::<Vec<_>>();
        let role = Role::of_services(services);
        account::add_membership(&mut *tx, account_id, organisation_id, role, ctx.now).await?;
        staff_service::grant(&mut tx, account_id, organisation_id, services, ctx.now).await?;
        let mail = notification::joined_organisation_mail(
            me.language,
            &me.given_name,
            &request.organisation,
            services,
        );
        notification::enqueue_for(&mut *tx, organisation_id, &me.email, &mail, ctx.now).await?;
        "staff.join_accepted"
    } else {
        "staff.join_declined"
    };
    ctx.audit(&mut *tx, Some(organisation_id), action, Target::Account(account_id)).await?;
    tx.commit().await?;
    Ok(())
}
