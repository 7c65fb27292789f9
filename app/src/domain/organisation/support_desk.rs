//! The support desk helps callers with their account: it finds anyone of the organisation
//! (patients, caregivers, staff) by name, email or date of birth and sees personal data only —
//! never messages, questionnaires or what a caregiver may do. It can unlock an account, send
//! password-reset instructions and send a patient a new invitation. Every view and action is in
//! the person's access log ("Support desk viewed your account").
use super::membership;
use crate::domain::identity::account::{self, AccountStatus};
use crate::domain::identity::password_reset;
use crate::domain::identity::session;
use crate::domain::onboarding::invitation::{self, InvitationState};
use crate::domain::Target;
use crate::domain::{notification, Ctx, DomainError, DomainResult};
use crate::i18n::Lang;

/// Whom a search result or a record is about: an account, or a patient who has none yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    Account(i64),
    Patient(i64),
}

impl Subject {
    /// The audit target, which the person's access log reads.
    fn target(self) -> Target {
        match self {
            Self::Account(id) => Target::Account(id),
            Self::Patient(id) => Target::Patient(id),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub subject: Subject,
    pub name: String,
    pub email: String,
}

#[derive(sqlx::FromRow)]
struct FoundRow {
    account_id: Option<i64>,
    patient_id: Option<i64>,
    given_name: String,
    family_name: String,
    email: String,
}

/// At most this many people per search: the desk narrows the search rather than pages.
pub const MAX_FOUND: i64 = 50;

/// The organisation's people matching `q`: part of a name or an email, or a date of birth as
/// typed (`1988-02-29` or `29/02/1988`). Nothing for an empty search.
pub async fn search(
    db: &crate::domain::store::Db,
    organisation_id: i64,
    q: &str,
) -> DomainResult<Vec<Found>> {
    let q = q.trim();
    if q.is_empty() {
        return Ok(Vec::new());
    }
    let like = crate::domain::sql::contains(q);
    let born =
        crate::domain::calendar::typed_date(q).map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
    let rows: Vec<FoundRow> = sqlx::query_as(
        "SELECT a.id AS account_id, CAST(NULL AS BIGINT) AS patient_id, a.given_name, a.family_name, a.email
         FROM accounts a
         WHERE (EXISTS (SELECT 1 FROM memberships m WHERE m.account_id = a.id AND m.organisation_id = $1)
                OR EXISTS (SELECT 1 FROM caregiver_grants g WHERE g.caregiver_account_id = a.id AND g.organisation_id = $1))
           AND (LOWER(a.given_name || ' ' || a.family_name) LIKE $2 OR a.email_key LIKE $2
                OR EXISTS (SELECT 1 FROM patients p WHERE p.account_id = a.id AND p.organisation_id = $1 AND p.birth_date = $3))
         UNION ALL
         SELECT CAST(NULL AS BIGINT), p.id, p.given_name, p.family_name, p.email
         FROM patients p
         WHERE p.organisation_id = $1 AND p.account_id IS NULL
           AND (LOWER(p.given_name || ' ' || p.family_name) LIKE $2 OR p.email_key LIKE $2 OR p.birth_date = $3)
         ORDER BY family_name, given_name LIMIT $4",
    )
    .bind(organisation_id)
    .bind(&like)
    .bind(&born)
    .bind(MAX_FOUND)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let subject = match (r.account_id, r.patient_id) {
                (Some(id), _) => Subject::Account(id),
                (None, Some(id)) => Subject::Patient(id),
                _ => return None,
            };
            Some(Found { subject, name: format!("{} {}", r.given_name, r.family_name), email: r.email })
        })
        .collect())
}

/// What the desk sees of a person: personal data and where their access stands, nothing clinical.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub subject: Subject,
    pub name: String,
    /// What mails call them ("Hello Léa").
    pub given_name: String,
    pub email: String,
    pub language: Lang,
    pub mobile: String,
    pub home_phone: String,
    /// A patient's date of birth (`YYYY-MM-DD`), when they are one here.
    pub birth_date: Option<String>,
    /// `None` for a patient without an account.
    pub status: Option<AccountStatus>,
    pub locked_until: Option<i64>,
    pub last_sign_in: Option<i64>,
    /// The latest invitation of a patient without an account, and until when it works.
    pub invitation: Option<(InvitationState, i64)>,
    /// The last security events (sign-ins, codes, resets, locks, account changes), newest first.
    pub security_events: Vec<(i64, String)>,
    /// Whether the desk may act on the whole account (unlock, reset): it belongs to this
    /// organisation alone. Always for a patient without an account.
    pub only_here: bool,
    /// The account works on some organisation's staff: its administrators suspend it, not the desk.
    pub staff: bool,
}

#[derive(sqlx::FromRow)]
struct AccountRow {
    given_name: String,
    family_name: String,
    email: String,
    #[sqlx(try_from = "String")]
    language: Lang,
    mobile_phone: String,
    home_phone: String,
    #[sqlx(try_from = "String")]
    status: AccountStatus,
    locked_until: Option<i64>,
    last_sign_in: Option<i64>,
    birth_date: Option<String>,
}

#[derive(sqlx::FromRow)]
struct PatientRow {
    given_name: String,
    family_name: String,
    email: String,
    #[sqlx(try_from = "String")]
    language: Lang,
    mobile: String,
    birth_date: String,
    invitation_status: Option<String>,
    failed_attempts: Option<i64>,
    expires_at: Option<i64>,
}

/// Events a support desk may see: how the person gets in, never what they read or wrote.
const SECURITY_EVENTS: &str = "(e.action LIKE 'sign_in.%' OR e.action LIKE 'verification_code.%'
    OR e.action LIKE 'password_reset.%' OR e.action LIKE 'account.%' OR e.action LIKE 'support.%'
    OR e.action LIKE 'invitation.%' OR e.action LIKE 'setup_link.%')";

/// A person of the organisation as the desk sees them (`None`: not of this organisation), and the
/// view written to their access log under the desk member's name.
pub async fn view(ctx: &Ctx, organisation_id: i64, subject: Subject) -> DomainResult<Option<Record>> {
    let Some(record) = read(ctx, organisation_id, subject).await? else { return Ok(None) };
    ctx.audit(&ctx.db, Some(organisation_id), "support.viewed", subject.target()).await?;
    Ok(Some(record))
}

async fn read(ctx: &Ctx, organisation_id: i64, subject: Subject) -> DomainResult<Option<Record>> {
    let db = &ctx.db;
    match subject {
        Subject::Account(account_id) => {
            let row: Option<AccountRow> = sqlx::query_as(
                "SELECT a.given_name, a.family_name, a.email, a.language, a.mobile_phone, a.home_phone, a.status,
                        a.locked_until,
                        (SELECT MAX(s.created_at) FROM sessions s WHERE s.account_id = a.id) AS last_sign_in,
                        (SELECT MIN(p.birth_date) FROM patients p WHERE p.account_id = a.id AND p.organisation_id = $2) AS birth_date
                 FROM accounts a
                 WHERE a.id = $1
                   AND (EXISTS (SELECT 1 FROM memberships m WHERE m.account_id = a.id AND m.organisation_id = $2)
                        OR EXISTS (SELECT 1 FROM caregiver_grants g WHERE g.caregiver_account_id = a.id AND g.organisation_id = $2))",
            )
            .bind(account_id)
            .bind(organisation_id)
            .fetch_optional(db)
            .await?;
            let Some(r) = row else { return Ok(None) };
            let only_here = membership::belongs_only_to(db, account_id, organisation_id).await?;
            let staff = account::is_staff(db, account_id).await?;
            let events = security_events(db, organisation_id, subject, only_here).await?;
            Ok(Some(Record {
                subject,
                name: format!("{} {}", r.given_name, r.family_name),
                given_name: r.given_name,
                email: r.email,
                language: r.language,
                mobile: r.mobile_phone,
                home_phone: r.home_phone,
                birth_date: r.birth_date,
                status: Some(r.status),
                locked_until: r.locked_until.filter(|until| *until > ctx.now),
                last_sign_in: r.last_sign_in,
                invitation: None,
                security_events: events,
                only_here,
                staff,
            }))
        }
        Subject::Patient(patient_id) => {
            let row: Option<PatientRow> = sqlx::query_as(
                "SELECT p.given_name, p.family_name, p.email, p.language, p.mobile, p.birth_date,
                        i.status AS invitation_status, i.failed_attempts, i.expires_at
                 FROM patients p
                 LEFT JOIN invitations i ON i.id = (SELECT MAX(j.id) FROM invitations j
                                                    WHERE j.patient_id = p.id AND j.grant_id IS NULL)
                 WHERE p.id = $1 AND p.organisation_id = $2 AND p.account_id IS NULL",
            )
            .bind(patient_id)
            .bind(organisation_id)
            .fetch_optional(db)
            .await?;
            let Some(r) = row else { return Ok(None) };
            let invitation = match (r.invitation_status, r.failed_attempts, r.expires_at) {
                (Some(status), Some(failed), Some(expires)) => {
                    Some((invitation::state(&status, failed, expires, ctx.now), expires))
                }
                _ => None,
            };
            let events = security_events(db, organisation_id, subject, false).await?;
            Ok(Some(Record {
                subject,
                name: format!("{} {}", r.given_name, r.family_name),
                given_name: r.given_name,
                email: r.email,
                language: r.language,
                mobile: r.mobile,
                home_phone: String::new(),
                birth_date: Some(r.birth_date),
                status: None,
                locked_until: None,
                last_sign_in: None,
                invitation,
                security_events: events,
                only_here: true,
                staff: false,
            }))
        }
    }
}

/// The last 10 security events about the person (and, for an account, done by them) in this
/// organisation; events of no organisation (signing in, codes) only for an account that belongs to
/// this organisation alone (`whole_account`), since they are the whole account's.
async fn security_events(
    db: &crate::domain::store::Db,
    organisation_id: i64,
    subject: Subject,
    whole_account: bool,
) -> DomainResult<Vec<(i64, String)>> {
    let actor = match subject {
        Subject::Account(id) => id,
        // No account acts as a patient who has none.
        Subject::Patient(_) => 0,
    };
    Ok(sqlx::query_as(&format!(
        "SELECT e.at, e.action FROM audit_events e
         WHERE (e.target = $1 OR e.actor_id = $2) AND {SECURITY_EVENTS}
           AND (e.organisation_id = $3 OR (e.organisation_id IS NULL AND $4 = 1))
         ORDER BY e.id DESC LIMIT 10"
    ))
    .bind(subject.target().to_string())
    .bind(actor)
    .bind(organisation_id)
    .bind(whole_account as i64)
    .fetch_all(db)
    .await?)
}

async fn existing(ctx: &Ctx, organisation_id: i64, subject: Subject) -> DomainResult<Record> {
    read(ctx, organisation_id, subject).await?.ok_or(DomainError::NotFound)
}

/// Lifts a lock for a caller the desk has identified; mailed to them and in their access log.
pub async fn unlock(ctx: &Ctx, organisation_id: i64, account_id: i64) -> DomainResult<()> {
    let record = existing(ctx, organisation_id, Subject::Account(account_id)).await?;
    membership::only_here(ctx, account_id, organisation_id).await?;
    if record.locked_until.is_none() {
        return Err(DomainError::conflict(None, "error-not-locked"));
    }
    let mut tx = ctx.db.begin().await?;
    crate::domain::identity::lock::lift(&mut *tx, account_id).await?;
    let mail = notification::unlocked_mail(record.language, &record.given_name);
    notification::enqueue_for(&mut *tx, organisation_id, &record.email, &mail, ctx.now).await?;
    ctx.audit(&mut *tx, Some(organisation_id), "support.unlocked", Target::Account(account_id)).await?;
    tx.commit().await?;
    Ok(())
}

/// Deactivates a patient's or caregiver's account reported as used by someone else (seed 000):
/// it can no longer sign in, its sessions end, its owner is told by mail, the desk's action is
/// audited. Only an account that belongs to this organisation alone, and not a staff account
/// (its administrators suspend those).
pub async fn deactivate(ctx: &Ctx, organisation_id: i64, account_id: i64) -> DomainResult<()> {
    let change = StatusChange {
        from: AccountStatus::Active,
        to: AccountStatus::Suspended,
        refusal: "error-not-active",
        action: "support.account_deactivated",
        mail: notification::deactivated_by_desk_mail,
    };
    change_status(ctx, organisation_id, account_id, change).await
}

/// Gives back an account the desk deactivated, once its owner is identified; mailed and audited.
pub async fn reactivate(ctx: &Ctx, organisation_id: i64, account_id: i64) -> DomainResult<()> {
    let change = StatusChange {
        from: AccountStatus::Suspended,
        to: AccountStatus::Active,
        refusal: "error-not-suspended",
        action: "support.account_reactivated",
        mail: notification::reactivated_by_desk_mail,
    };
    change_status(ctx, organisation_id, account_id, change).await
}

/// A status the desk moves an account from and to, what it says when it cannot, what the audit
/// trail records and what the owner is mailed (in their language, naming the organisation).
struct StatusChange {
    from: AccountStatus,
    to: AccountStatus,
    refusal: &'static str,
    action: &'static str,
    mail: fn(Lang, &str, &str) -> notification::Mail,
}

async fn change_status(
    ctx: &Ctx,
    organisation_id: i64,
    account_id: i64,
    change: StatusChange,
) -> DomainResult<()> {
    let record = existing(ctx, organisation_id, Subject::Account(account_id)).await?;
    membership::only_here(ctx, account_id, organisation_id).await?;
    if account::is_staff(&ctx.db, account_id).await? {
        return Err(DomainError::conflict(None, "error-deactivate-staff"));
    }
    let mut tx = ctx.db.begin().await?;
    account::change_status(&mut *tx, account_id, change.from, change.to, change.refusal).await?;
    if change.to != AccountStatus::Active {
        session::end_all(&mut *tx, account_id, ctx.now).await?;
    }
    let organisation = super::name(&mut *tx, organisation_id).await?;
    let mail = (change.mail)(record.language, &record.given_name, &organisation);
    notification::enqueue_for(&mut *tx, organisation_id, &record.email, &mail, ctx.now).await?;
    ctx.audit(&mut *tx, Some(organisation_id), change.action, Target::Account(account_id)).await?;
    tx.commit().await?;
    Ok(())
}

/// Sends password-reset instructions to the account's own email (the desk never sees or sets a
/// password).
pub async fn send_password_reset(ctx: &Ctx, organisation_id: i64, account_id: i64) -> DomainResult<()> {
    let record = existing(ctx, organisation_id, Subject::Account(account_id)).await?;
    membership::only_here(ctx, account_id, organisation_id).await?;
    if record.status != Some(AccountStatus::Active) {
        return Err(DomainError::conflict(None, "error-not-active"));
    }
    ctx.audit(&ctx.db, Some(organisation_id), "support.password_reset_sent", Target::Account(account_id))
        .await?;
    password_reset::request(ctx, &record.email).await
}
