//! What an administrator does for a staff member of their organisation: see where the account
//! stands, unlock it, suspend or reactivate it, send password-reset instructions, start their
//! sign-in over with a new secret code, make them an administrator or end that, remove them from
//! the organisation. Each action is audited under the administrator and mailed to the person in
//! their language. An organisation always keeps an active administrator: the last one cannot be
//! suspended, demoted or removed.
use super::professional_number::{self, ProfessionalNumber};
use super::Activation;
use super::{membership, offering, staff_service};
use crate::domain::identity::account::{self, AccountStatus, Role};
use crate::domain::identity::{password_reset, security, session};
use crate::domain::onboarding::setup_link;
use crate::domain::Target;
use crate::domain::{notification, store, Ctx, DomainError, DomainResult};
use crate::i18n::Lang;
use crate::states::Service;
use sqlx::Row;

/// A staff member as their administrator sees them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub account_id: i64,
    /// Title and name, e.g. "Dre Anne Roy".
    pub name: String,
    pub given_name: String,
    pub email: String,
    pub language: Lang,
    pub role: Role,
    /// The account's status, or `Suspended` while their membership here is.
    pub status: AccountStatus,
    /// Whether the account belongs to this organisation alone: only then may it act on the whole
    /// account (password reset, unlock).
    pub only_here: bool,
    /// Set while the account is locked.
    pub locked_until: Option<i64>,
    pub last_sign_in: Option<i64>,
    /// Their professional number here (`1-23456`), if any.
    pub number: Option<String>,
    /// The services they may use here, in the catalogue's order.
    pub services: Vec<Service>,
}

impl Person {
    pub fn is_administrator(&self) -> bool {
        self.services.contains(&Service::Administration)
    }
}

#[derive(sqlx::FromRow)]
struct PersonRow {
    id: i64,
    title: String,
    given_name: String,
    family_name: String,
    email: String,
    #[sqlx(try_from = "String")]
    language: Lang,
    #[sqlx(try_from = "String")]
    role: Role,
    #[sqlx(try_from = "String")]
    status: AccountStatus,
    suspended_here: i64,
    locked_until: Option<i64>,
    last_sign_in: Option<i64>,
    number: Option<String>,
}

/// One of the organisation's staff (administrator, professional or support); `None` for anyone else.
pub async fn person(
    db: &store::Db,
    organisation_id: i64,
    account_id: i64,
    now: i64,
) -> DomainResult<Option<Person>> {
    let row: Option<PersonRow> = sqlx::query_as(
        "SELECT a.id, a.title, a.given_name, a.family_name, a.email, a.language, m.role, a.status, a.locked_until,
                (SELECT COUNT(*) FROM staff_suspensions x WHERE x.account_id = a.id AND x.organisation_id = m.organisation_id) AS suspended_here,
                (SELECT MAX(s.created_at) FROM sessions s WHERE s.account_id = a.id) AS last_sign_in,
                (SELECT n.number FROM professional_numbers n WHERE n.organisation_id = m.organisation_id AND n.account_id = a.id) AS number
         FROM memberships m JOIN accounts a ON a.id = m.account_id
         WHERE m.organisation_id = $1 AND a.id = $2 AND m.role <> 'patient'
         ORDER BY m.role LIMIT 1",
    )
    .bind(organisation_id)
    .bind(account_id)
    .fetch_optional(db)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let services = staff_service::held(db, account_id, organisation_id).await?;
    let only_here = membership::belongs_only_to(db, account_id, organisation_id).await?;
    Ok(Some(Person {
        account_id: r.id,
        name: format!("{} {} {}", r.title, r.given_name, r.family_name).trim().to_string(),
        given_name: r.given_name,
        email: r.email,
        language: r.language,
        role: r.role,
        status: if r.suspended_here > 0 { AccountStatus::Suspended } else { r.status },
        only_here,
        locked_until: r.locked_until.filter(|until| *until > now),
        last_sign_in: r.last_sign_in,
        number: r.number,
        services,
    }))
}

async fn existing(ctx: &Ctx, organisation_id: i64, account_id: i64) -> DomainResult<Person> {
    person(&ctx.db, organisation_id, account_id, ctx.now).await?.ok_or(DomainError::NotFound)
}

/// Tells the person by mail and records the action under the administrator, then commits.
async fn tell_and_record(
    mut tx: sqlx::Transaction<'_, sqlx::Any>,
    ctx: &Ctx,
    organisation_id: i64,
    person: &Person,
    mail: notification::Mail,
    action: &'static str,
) -> DomainResult<()> {
    notification::enqueue_for(&mut *tx, organisation_id, &person.email, &mail, ctx.now).await?;
    ctx.audit(&mut *tx, Some(organisation_id), action, Target::Account(person.account_id)).await?;
    tx.commit().await?;
    Ok(())
}

/// Lifts a lock (too many wrong passwords or codes) before local midnight.
pub async fn unlock(ctx: &Ctx, organisation_id: i64, account_id: i64) -> DomainResult<()> {
    let person = existing(ctx, organisation_id, account_id).await?;
    membership::only_here(ctx, account_id, organisation_id).await?;
    if person.locked_until.is_none() {
        return Err(DomainError::conflict(None, "error-not-locked"));
    }
    let mut tx = ctx.db.begin().await?;
    crate::domain::identity::lock::lift(&mut *tx, account_id).await?;
    let mail = notification::unlocked_mail(person.language, &person.given_name);
    tell_and_record(tx, ctx, organisation_id, &person, mail, "account.unlocked").await
}

/// Holds the organisation's row until the transaction ends, so that changes which could leave it
/// without an active administrator run one at a time (two administrators demoting or suspending
/// each other at the same moment: the second sees the first's change).
async fn hold_organisation(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    organisation_id: i64,
) -> DomainResult<()> {
    sqlx::query("UPDATE organisations SET id = id WHERE id = $1")
        .bind(organisation_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Refuses when `account_id` is the organisation's only active administrator.
async fn not_the_last_administrator(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    organisation_id: i64,
    account_id: i64,
) -> DomainResult<()> {
    let others: i64 = sqlx::query(
        "SELECT COUNT(*) AS n FROM staff_services s JOIN accounts a ON a.id = s.account_id
         WHERE s.organisation_id = $1 AND s.service = $3 AND a.status = 'active' AND a.id <> $2
           AND NOT EXISTS (SELECT 1 FROM staff_suspensions x
                           WHERE x.account_id = s.account_id AND x.organisation_id = s.organisation_id)",
    )
    .bind(organisation_id)
    .bind(account_id)
    .bind(Service::Administration.code())
    .fetch_one(&mut **tx)
    .await?
    .try_get("n")?;
    if others == 0 {
        Err(DomainError::conflict(None, "error-last-administrator"))
    } else {
        Ok(())
    }
}

/// Stops the person's work here at once (their membership is suspended: no staff page or
/// function of this organisation answers them). An account that belongs to this organisation
/// alone is suspended as a whole: no sign-in, every session ended; anyone else keeps their other
/// organisations and their patient space. Refused for the organisation's last active
/// administrator.
pub async fn suspend(ctx: &Ctx, organisation_id: i64, account_id: i64) -> DomainResult<()> {
    let mut tx = ctx.db.begin().await?;
    hold_organisation(&mut tx, organisation_id).await?;
    let person = existing(ctx, organisation_id, account_id).await?;
    if person.status != AccountStatus::Active {
        return Err(DomainError::conflict(None, "error-not-active"));
    }
    if person.is_administrator() {
        not_the_last_administrator(&mut tx, organisation_id, account_id).await?;
    }
    if !membership::suspend(&mut *tx, account_id, organisation_id, ctx.now).await? {
        return Err(DomainError::conflict(None, "error-not-active"));
    }
    if membership::belongs_only_to(&mut *tx, account_id, organisation_id).await? {
        account::change_status(
            &mut *tx,
            account_id,
            AccountStatus::Active,
            AccountStatus::Suspended,
            "error-not-active",
        )
        .await?;
        session::end_all(&mut *tx, account_id, ctx.now).await?;
    }
    let mail = notification::suspended_mail(person.language, &person.given_name);
    tell_and_record(tx, ctx, organisation_id, &person, mail, "account.suspended").await
}

/// Makes a staff member one of the organisation's administrators.
pub async fn make_administrator(ctx: &Ctx, organisation_id: i64, account_id: i64) -> DomainResult<()> {
    let person = existing(ctx, organisation_id, account_id).await?;
    if person.is_administrator() {
        return Err(DomainError::conflict(None, "error-already-administrator"));
    }
    let mut tx = ctx.db.begin().await?;
    crate::domain::identity::account::add_membership(
        &mut *tx,
        account_id,
        organisation_id,
        Role::Admin,
        ctx.now,
    )
    .await?;
    staff_service::grant(&mut tx, account_id, organisation_id, &[Service::Administration], ctx.now).await?;
    let mail = notification::administrator_mail(person.language, &person.given_name, true);
    tell_and_record(tx, ctx, organisation_id, &person, mail, "account.made_administrator").await
}

/// Ends a person's administration; they stay on the staff (unless they hold another staff role,
/// as what the services they keep make them: the support desk alone, or a professional). Refused
/// for the last active administrator.
pub async fn end_administrator(ctx: &Ctx, organisation_id: i64, account_id: i64) -> DomainResult<()> {
    let mut tx = ctx.db.begin().await?;
    hold_organisation(&mut tx, organisation_id).await?;
    let person = existing(ctx, organisation_id, account_id).await?;
    if !person.is_administrator() {
        return Err(DomainError::conflict(None, "error-not-administrator"));
    }
    not_the_last_administrator(&mut tx, organisation_id, account_id).await?;
    let other_staff_role: i64 = sqlx::query(
        "SELECT COUNT(*) AS n FROM memberships
         WHERE account_id = $1 AND organisation_id = $2 AND role IN ('professional', 'support')",
    )
    .bind(account_id)
    .bind(organisation_id)
    .fetch_one(&mut *tx)
    .await?
    .try_get("n")?;
    if other_staff_role == 0 {
        // What the services they keep make them: the support desk alone, or a professional.
        let kept: Vec<Service> =
            person.services.iter().copied().filter(|s| *s != Service::Administration).collect();
        crate::domain::identity::account::add_membership(
            &mut *tx,
            account_id,
            organisation_id,
            Role::of_services(&kept),
            ctx.now,
        )
        .await?;
    }
    sqlx::query("DELETE FROM memberships WHERE account_id = $1 AND organisation_id = $2 AND role = 'admin'")
        .bind(account_id)
        .bind(organisation_id)
        .execute(&mut *tx)
        .await?;
    staff_service::revoke(&mut tx, account_id, organisation_id, &[Service::Administration]).await?;
    let mail = notification::administrator_mail(person.language, &person.given_name, false);
    tell_and_record(tx, ctx, organisation_id, &person, mail, "account.administrator_ended").await
}

/// Ends the person's staff membership here: their roles, services and suspension here, their
/// place in its care teams (no more team mail; conversations they had taken are free again).
async fn end_membership(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    organisation_id: i64,
    account_id: i64,
) -> DomainResult<()> {
    for statement in [
        "DELETE FROM memberships WHERE account_id = $1 AND organisation_id = $2 AND role <> 'patient'",
        "DELETE FROM staff_services WHERE account_id = $1 AND organisation_id = $2",
        "DELETE FROM staff_suspensions WHERE account_id = $1 AND organisation_id = $2",
        "DELETE FROM care_team_members WHERE account_id = $1
         AND team_id IN (SELECT id FROM care_teams WHERE organisation_id = $2)",
        "UPDATE conversations SET assigned_to = NULL WHERE assigned_to = $1 AND organisation_id = $2",
    ] {
        sqlx::query(statement).bind(account_id).bind(organisation_id).execute(&mut **tx).await?;
    }
    Ok(())
}

/// Removes a person from the organisation's staff (`end_membership`). An account that belonged to
/// this organisation alone also loses an unused setup link and its sessions, and, left with
/// nothing, is suspended; anyone else keeps their other organisations and patient space. Refused
/// for the last active administrator.
pub async fn remove_from_organisation(ctx: &Ctx, organisation_id: i64, account_id: i64) -> DomainResult<()> {
    let mut tx = ctx.db.begin().await?;
    hold_organisation(&mut tx, organisation_id).await?;
    let person = existing(ctx, organisation_id, account_id).await?;
    if person.is_administrator() {
        not_the_last_administrator(&mut tx, organisation_id, account_id).await?;
    }
    let only_here = membership::belongs_only_to(&mut *tx, account_id, organisation_id).await?;
    end_membership(&mut tx, organisation_id, account_id).await?;
    if only_here {
        crate::domain::onboarding::setup_link::void_unused(&mut *tx, account_id, ctx.now).await?;
        session::end_all(&mut *tx, account_id, ctx.now).await?;
        sqlx::query(
            "UPDATE accounts SET status = 'suspended' WHERE id = $1 AND status = 'active'
             AND NOT EXISTS (SELECT 1 FROM memberships WHERE account_id = $1)
             AND NOT EXISTS (SELECT 1 FROM caregiver_grants WHERE caregiver_account_id = $1)",
        )
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    }
    let organisation = crate::domain::organisation::name(&mut *tx, organisation_id).await?;
    let mail =
        notification::removed_from_organisation_mail(person.language, &person.given_name, &organisation);
    tell_and_record(tx, ctx, organisation_id, &person, mail, "account.removed_from_organisation").await
}

/// A staff member leaves the organisation of their own accord (Account → My organisations): their
/// membership ends as when an administrator removes them, their account and sessions stay as they
/// are. Refused for its last active administrator.
pub async fn leave(ctx: &Ctx, organisation_id: i64, account_id: i64) -> DomainResult<()> {
    let mut tx = ctx.db.begin().await?;
    hold_organisation(&mut tx, organisation_id).await?;
    let person = existing(ctx, organisation_id, account_id).await?;
    if person.is_administrator() {
        not_the_last_administrator(&mut tx, organisation_id, account_id).await?;
    }
    end_membership(&mut tx, organisation_id, account_id).await?;
    ctx.audit(&mut *tx, Some(organisation_id), "staff.left", Target::Account(account_id)).await?;
    tx.commit().await?;
    Ok(())
}

/// Gives a staff member their professional number, changes it or (empty) takes it away.
pub async fn set_professional_number(
    ctx: &Ctx,
    organisation_id: i64,
    account_id: i64,
    typed: &str,
) -> DomainResult<()> {
    let number = ProfessionalNumber::parse_optional(typed)?;
    existing(ctx, organisation_id, account_id).await?;
    let mut tx = ctx.db.begin().await?;
    professional_number::set(&mut *tx, organisation_id, account_id, number.as_ref()).await?;
    ctx.audit(&mut *tx, Some(organisation_id), "staff.number_set", Target::Account(account_id)).await?;
    tx.commit().await?;
    Ok(())
}

/// Lets a person suspended here work here again (and sign in again, when their account was
/// suspended with it because it belongs to this organisation alone).
pub async fn reactivate(ctx: &Ctx, organisation_id: i64, account_id: i64) -> DomainResult<()> {
    let person = existing(ctx, organisation_id, account_id).await?;
    let mut tx = ctx.db.begin().await?;
    let lifted = membership::reactivate(&mut *tx, account_id, organisation_id).await?;
    let account_too = membership::belongs_only_to(&mut *tx, account_id, organisation_id).await?
        && account::change_status(
            &mut *tx,
            account_id,
            AccountStatus::Suspended,
            AccountStatus::Active,
            "error-not-suspended",
        )
        .await
        .is_ok();
    if !lifted && !account_too {
        return Err(DomainError::conflict(None, "error-not-suspended"));
    }
    let mail = notification::reactivated_mail(person.language, &person.given_name);
    tell_and_record(tx, ctx, organisation_id, &person, mail, "account.reactivated").await
}

/// Mails the person a password-reset link (the administrator never sees or sets a password) and
/// ends their sessions.
pub async fn send_password_reset(ctx: &Ctx, organisation_id: i64, account_id: i64) -> DomainResult<()> {
    let person = existing(ctx, organisation_id, account_id).await?;
    membership::only_here(ctx, account_id, organisation_id).await?;
    if person.status != AccountStatus::Active {
        return Err(DomainError::conflict(None, "error-not-active"));
    }
    let mut tx = ctx.db.begin().await?;
    session::end_all(&mut *tx, account_id, ctx.now).await?;
    ctx.audit(&mut *tx, Some(organisation_id), "account.password_reset_sent", Target::Account(account_id))
        .await?;
    tx.commit().await?;
    password_reset::request(ctx, &person.email).await
}

/// The administrator ticks and unticks the person's services. Administration is given or taken
/// like "make / stop being administrator" (the last administrator keeps it); the other changes
/// are written together, audited, and mailed to the person with the list they now hold. Nothing
/// changed, nothing is written.
pub async fn set_services(
    ctx: &Ctx,
    organisation_id: i64,
    account_id: i64,
    wanted: &[Service],
) -> DomainResult<()> {
    let person = existing(ctx, organisation_id, account_id).await?;
    offering::refuse_unoffered(&ctx.db, organisation_id, wanted).await?;
    let wants_administration = wanted.contains(&Service::Administration);
    if wants_administration && !person.is_administrator() {
        make_administrator(ctx, organisation_id, account_id).await?;
    } else if !wants_administration && person.is_administrator() {
        end_administrator(ctx, organisation_id, account_id).await?;
    }
    let others = |list: &[Service]| -> Vec<Service> {
        list.iter().copied().filter(|s| *s != Service::Administration).collect()
    };
    let added: Vec<Service> = others(wanted).into_iter().filter(|s| !person.services.contains(s)).collect();
    let removed: Vec<Service> =
        others(&person.services).into_iter().filter(|s| !wanted.contains(s)).collect();
    if added.is_empty() && removed.is_empty() {
        return Ok(());
    }
    let mut tx = ctx.db.begin().await?;
    staff_service::grant(&mut tx, account_id, organisation_id, &added, ctx.now).await?;
    staff_service::revoke(&mut tx, account_id, organisation_id, &removed).await?;
    let now_held = staff_service::rename_by_services(&mut tx, account_id, organisation_id).await?;
    let organisation = crate::domain::organisation::name(&mut *tx, organisation_id).await?;
    let mail =
        notification::services_changed_mail(person.language, &person.given_name, &organisation, &now_held);
    tell_and_record(tx, ctx, organisation_id, &person, mail, "staff.services_changed").await
}

/// A new link and secret code for someone who has not activated yet: the old link and code stop
/// working at once, the new link is mailed, and the code is returned (with the person's name) to
/// be shown once.
pub async fn new_secret_code(
    ctx: &Ctx,
    organisation_id: i64,
    account_id: i64,
) -> DomainResult<(String, Activation)> {
    let person = existing(ctx, organisation_id, account_id).await?;
    membership::only_here(ctx, account_id, organisation_id).await?;
    if person.status != AccountStatus::Pending {
        return Err(DomainError::conflict(None, "error-already-activated"));
    }
    let tx = ctx.db.begin().await?;
    hand_over_setup_link(tx, ctx, organisation_id, person, false).await
}

/// Starts over the access of an active staff member who lost their way in (a lost phone, no
/// passkey or recovery code left) or whose phone may be in other hands: every way in stops at once
/// (`security::revoke_every_way_in`), and they set a new password and authenticator app through
/// a new link (mailed) and secret code (returned, with their name, to be handed over), as at
/// activation. The link alone, or the code alone, opens nothing. Not one's own account: the
/// support desk or another administrator does that.
pub async fn reset_sign_in(
    ctx: &Ctx,
    organisation_id: i64,
    account_id: i64,
) -> DomainResult<(String, Activation)> {
    let person = existing(ctx, organisation_id, account_id).await?;
    membership::only_here(ctx, account_id, organisation_id).await?;
    if person.status != AccountStatus::Active {
        return Err(DomainError::conflict(None, "error-not-active"));
    }
    if ctx.actor == Some(account_id) {
        return Err(DomainError::conflict(None, "error-reset-own-sign-in"));
    }
    let mut tx = ctx.db.begin().await?;
    security::revoke_every_way_in(&mut tx, account_id, ctx.now).await?;
    hand_over_setup_link(tx, ctx, organisation_id, person, true).await
}

/// Voids the person's unused setup links, makes a new one with its secret code — a `renewal` of
/// an account that was active, or its activation — mails the link, records the action and
/// commits; the person's name and the activation, whose code is shown once.
async fn hand_over_setup_link(
    mut tx: sqlx::Transaction<'_, sqlx::Any>,
    ctx: &Ctx,
    organisation_id: i64,
    person: Person,
    renewal: bool,
) -> DomainResult<(String, Activation)> {
    let account_id = person.account_id;
    setup_link::void_unused(&mut *tx, account_id, ctx.now).await?;
    let (token, code) = setup_link::issue(&mut *tx, account_id, ctx.now, renewal).await?;
    let link = setup_link::url(&ctx.public_url, &token, person.language);
    let organisation = super::name(&mut *tx, organisation_id).await?;
    let (mail, action) = match renewal {
        true => (
            notification::sign_in_reset_mail(person.language, &person.given_name, &organisation, &link),
            "staff.sign_in_reset",
        ),
        false => (
            notification::setup_link_with_code_mail(
                person.language,
                &person.given_name,
                &organisation,
                &link,
            ),
            "staff.secret_code_generated",
        ),
    };
    tell_and_record(tx, ctx, organisation_id, &person, mail, action).await?;
    let activation = Activation { account_id, link, code, expires_at: ctx.now + setup_link::VALID_SECONDS };
    Ok((person.name, activation))
}
