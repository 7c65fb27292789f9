//! Caregivers (docs/RULES.md §1, §7): a person with their own account who may act for a patient within a
//! granted scope — a parent or tutor of a child under the age of consent, a legal representative,
//! or a trusted helper named by the patient. The care team adds them with the same two-part
//! invitation as patients. Access is checked on every request, so ending a grant (by the patient,
//! the care team, its end date or the age rule) takes effect on the caregiver's next request.
use super::invitation::{self, Invitee};
use crate::domain::calendar::{local_date, stored_date, typed_date};
use crate::domain::identity::account::Email;
use crate::domain::Target;
use crate::domain::{notification, Ctx, DomainError, DomainResult};
use crate::i18n::Lang;
pub use crate::states::GrantStatus;
use chrono::NaiveDate;
use sqlx::{Any, Executor, Row};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relationship {
    /// Parent or tutor of a minor under the age of consent; ends automatically at that age.
    Parent,
    /// Legal representative: mandate, tutorship or curatorship.
    Representative,
    /// A trusted helper named by the patient.
    Helper,
}

impl Relationship {
    pub fn parse(code: &str) -> DomainResult<Self> {
        match code {
            "parent" => Ok(Self::Parent),
            "representative" => Ok(Self::Representative),
            "helper" => Ok(Self::Helper),
            _ => Err(DomainError::invalid("relationship", "error-relationship-invalid")),
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Self::Parent => "parent",
            Self::Representative => "representative",
            Self::Helper => "helper",
        }
    }
}

/// What a caregiver may reach in the patient's file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scope {
    pub messages: bool,
    pub questionnaires: bool,
    pub profile: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    Messages,
    Questionnaires,
    Profile,
}

impl Scope {
    pub fn allows(self, area: Area) -> bool {
        match area {
            Area::Messages => self.messages,
            Area::Questionnaires => self.questionnaires,
            Area::Profile => self.profile,
        }
    }
}

/// The caregiver as the professional enters them.
pub struct NewCaregiver<'a> {
    pub given_name: &'a str,
    pub family_name: &'a str,
    pub email: &'a str,
    pub language: Lang,
    pub relationship: &'a str,
    pub scope: Scope,
    pub ends_on: &'a str,
    pub note: &'a str,
}

/// The day a patient born on `birth_date` reaches `age`.
pub fn birthday(birth_date: NaiveDate, age: u32) -> NaiveDate {
    birth_date.checked_add_months(chrono::Months::new(12 * age)).expect("date in range")
}

/// Whether a patient born on `birth_date` (as stored) has reached the age of consent on `today`.
fn reached_age_of_consent(birth_date: &str, age_of_consent: u32, today: NaiveDate) -> bool {
    stored_date(birth_date).is_some_and(|born| today >= birthday(born, age_of_consent))
}

/// Whether a grant still gives access on `today` (the organisation's local date): not past its
/// end date, and a parent's grant only until the child reaches the age of consent.
pub fn in_force(
    relationship: Relationship,
    ends_on: Option<NaiveDate>,
    birth_date: Option<NaiveDate>,
    age_of_consent: u32,
    today: NaiveDate,
) -> bool {
    let before_end = ends_on.is_none_or(|last| today <= last);
    let still_minor = match (relationship, birth_date) {
        (Relationship::Parent, Some(born)) => today < birthday(born, age_of_consent),
        _ => true,
    };
    before_end && still_minor
}

/// Checks what the professional entered, against the patient's date of birth and today's date.
pub fn check(
    new: &NewCaregiver<'_>,
    patient_birth_date: &str,
    age_of_consent: u32,
    today: NaiveDate,
) -> DomainResult<(Email, Relationship, Option<NaiveDate>)> {
    if new.given_name.trim().is_empty() {
        return Err(DomainError::invalid("given_name", "error-given-name-required"));
    }
    if new.family_name.trim().is_empty() {
        return Err(DomainError::invalid("family_name", "error-family-name-required"));
    }
    let email = Email::parse(new.email)?;
    let relationship = Relationship::parse(new.relationship)?;
    if relationship == Relationship::Parent
        && reached_age_of_consent(patient_birth_date, age_of_consent, today)
    {
        return Err(DomainError::invalid("relationship", "error-relationship-not-minor"));
    }
    Ok((email, relationship, checked_scope_and_end(new.scope, new.ends_on, today)?))
}

/// A scope must cover something; an end date (optional) is today or later. Returns the end date.
fn checked_scope_and_end(scope: Scope, ends_on: &str, today: NaiveDate) -> DomainResult<Option<NaiveDate>> {
    if !(scope.messages || scope.questionnaires || scope.profile) {
        return Err(DomainError::invalid("scope", "error-scope-required"));
    }
    match ends_on.trim() {
        "" => Ok(None),
        text => Ok(Some(
            typed_date(text)
                .filter(|d| *d >= today)
                .ok_or(DomainError::invalid("ends_on", "error-ends-on-invalid"))?,
        )),
    }
}

/// A grant as the patient, the professional or the caregiver sees it.
#[derive(Clone, Debug)]
pub struct Grant {
    pub id: i64,
    pub organisation_id: i64,
    pub patient_id: i64,
    /// The patient's account, when they have one.
    pub patient_account_id: Option<i64>,
    pub patient_name: String,
    pub caregiver_account_id: Option<i64>,
    pub caregiver_name: String,
    pub email: String,
    pub relationship: Relationship,
    pub scope: Scope,
    pub ends_on: Option<NaiveDate>,
    pub note: String,
    pub status: GrantStatus,
    /// Active, and neither past its end date nor past the age of consent.
    pub in_force: bool,
    /// The staff member who added it.
    pub created_by: i64,
}

const SELECT: &str = "SELECT g.id, g.organisation_id, g.patient_id, p.account_id AS patient_account_id,
        p.given_name || ' ' || p.family_name AS patient_name, p.birth_date, g.caregiver_account_id,
        g.given_name || ' ' || g.family_name AS caregiver_name, g.email, g.relationship,
        g.scope_messages, g.scope_questionnaires, g.scope_profile, g.ends_on, g.note, g.status,
        g.created_by, o.age_of_consent, o.timezone
     FROM caregiver_grants g JOIN patients p ON p.id = g.patient_id JOIN organisations o ON o.id = g.organisation_id";

/// A grant as stored, with what judging it needs: the patient's birth date and the
/// organisation's age of consent and time zone.
#[derive(sqlx::FromRow)]
struct GrantRow {
    id: i64,
    organisation_id: i64,
    patient_id: i64,
    patient_account_id: Option<i64>,
    patient_name: String,
    birth_date: String,
    caregiver_account_id: Option<i64>,
    caregiver_name: String,
    email: String,
    relationship: String,
    scope_messages: i64,
    scope_questionnaires: i64,
    scope_profile: i64,
    ends_on: Option<String>,
    note: String,
    #[sqlx(try_from = "String")]
    status: GrantStatus,
    created_by: i64,
    age_of_consent: i64,
    timezone: String,
}

impl GrantRow {
    /// The patient reached the organisation's age of consent on or before today (local date).
    fn reached_age_of_consent(&self, now: i64) -> bool {
        reached_age_of_consent(&self.birth_date, self.age_of_consent as u32, local_date(now, &self.timezone))
    }

    fn into_grant(self, now: i64) -> DomainResult<Grant> {
        let relationship = Relationship::parse(&self.relationship)?;
        let ends_on = self.ends_on.as_deref().and_then(stored_date);
        let today = local_date(now, &self.timezone);
        let born = stored_date(&self.birth_date);
        Ok(Grant {
            in_force: self.status == GrantStatus::Active
                && in_force(relationship, ends_on, born, self.age_of_consent as u32, today),
            id: self.id,
            organisation_id: self.organisation_id,
            patient_id: self.patient_id,
            patient_account_id: self.patient_account_id,
            patient_name: self.patient_name,
            caregiver_account_id: self.caregiver_account_id,
            caregiver_name: self.caregiver_name,
            email: self.email,
            relationship,
            scope: Scope {
                messages: self.scope_messages != 0,
                questionnaires: self.scope_questionnaires != 0,
                profile: self.scope_profile != 0,
            },
            ends_on,
            note: self.note,
            status: self.status,
            created_by: self.created_by,
        })
    }
}

/// The grants `filter` selects, its placeholders bound to `ids` in order.
async fn select(
    db: &crate::domain::store::Db,
    filter: &'static str,
    ids: &[i64],
    now: i64,
) -> DomainResult<Vec<Grant>> {
    let sql = format!("{SELECT} WHERE {filter} ORDER BY g.id");
    let rows: Vec<GrantRow> =
        ids.iter().fold(sqlx::query_as(&sql), |q, id| q.bind(*id)).fetch_all(db).await?;
    rows.into_iter().map(|r| r.into_grant(now)).collect()
}

/// Grant `grant_id` of the organisation, if it is in `status`; "not found" otherwise.
async fn one_in(ctx: &Ctx, organisation_id: i64, grant_id: i64, status: GrantStatus) -> DomainResult<Grant> {
    select(&ctx.db, "g.id = $1 AND g.organisation_id = $2", &[grant_id, organisation_id], ctx.now)
        .await?
        .into_iter()
        .find(|grant| grant.status == status)
        .ok_or(DomainError::NotFound)
}

/// The caregivers of one of the organisation's patients (ended ones too), for the care team.
pub async fn for_patient_record(
    db: &crate::domain::store::Db,
    organisation_id: i64,
    patient_id: i64,
    now: i64,
) -> DomainResult<Vec<Grant>> {
    select(db, "g.patient_id = $1 AND g.organisation_id = $2", &[patient_id, organisation_id], now).await
}

/// Who can act for the patient holding this account (grants not ended), for the patient.
pub async fn for_patient_account(
    db: &crate::domain::store::Db,
    account_id: i64,
    now: i64,
) -> DomainResult<Vec<Grant>> {
    select(db, "p.account_id = $1 AND g.status <> 'ended'", &[account_id], now).await
}

/// The patients this account may act for now.
pub async fn assisted_by(
    db: &crate::domain::store::Db,
    caregiver_account_id: i64,
    now: i64,
) -> DomainResult<Vec<Grant>> {
    Ok(select(db, "g.caregiver_account_id = $1 AND g.status = 'active'", &[caregiver_account_id], now)
        .await?
        .into_iter()
        .filter(|g| g.in_force)
        .collect())
}

/// The grant a caregiver acts under, checked on every request: theirs, in force, and covering
/// `area`. Anything else is "not found", so nothing tells what exists.
pub async fn access(
    db: &crate::domain::store::Db,
    caregiver_account_id: i64,
    grant_id: i64,
    area: Option<Area>,
    now: i64,
) -> DomainResult<Grant> {
    let grant =
        select(db, "g.id = $1", &[grant_id], now).await?.into_iter().next().ok_or(DomainError::NotFound)?;
    let allowed = grant.caregiver_account_id == Some(caregiver_account_id)
        && grant.in_force
        && area.is_none_or(|a| grant.scope.allows(a));
    if allowed {
        Ok(grant)
    } else {
        Err(DomainError::NotFound)
    }
}

/// What adding a caregiver did.
#[derive(Clone, Debug)]
pub enum Addition {
    /// Invited: the code to hand over.
    Invited(invitation::Issued),
    /// The address belongs to staff of this organisation: a second staff member must confirm
    /// before anyone is invited.
    AwaitingConfirmation,
}

/// The care team adds a caregiver to a patient's file and invites them (link + code), unless the
/// address belongs to staff of the organisation: then the grant waits for a colleague's
/// confirmation (`confirm`).
pub async fn add(
    ctx: &Ctx,
    organisation_id: i64,
    patient_id: i64,
    new: NewCaregiver<'_>,
    added_by: i64,
) -> DomainResult<Addition> {
    let (db, now) = (&ctx.db, ctx.now);
    let patient = sqlx::query(
        "SELECT p.birth_date, o.age_of_consent, o.timezone
         FROM patients p JOIN organisations o ON o.id = p.organisation_id
         WHERE p.id = $1 AND p.organisation_id = $2",
    )
    .bind(patient_id)
    .bind(organisation_id)
    .fetch_optional(db)
    .await?
    .ok_or(DomainError::NotFound)?;
    let today = local_date(now, &patient.try_get::<String, _>("timezone")?);
    let birth_date: String = patient.try_get("birth_date")?;
    let age_of_consent = patient.try_get::<i64, _>("age_of_consent")? as u32;
    let (email, relationship, ends_on) = check(&new, &birth_date, age_of_consent, today)?;
    // Nobody grants themselves access to a patient's file: it would read the patient's messages
    // with every team, in their own name but by their own decision.
    let adder = crate::domain::identity::account::find_by_id(db, added_by).await?;
    if adder.has_address(&email) {
        return Err(DomainError::invalid("email", "error-caregiver-self"));
    }
    let awaiting = staff_address(db, organisation_id, &email).await?;
    let status = if awaiting { GrantStatus::Awaiting } else { GrantStatus::Invited };
    let mut tx = db.begin().await?;
    let grant_id: i64 = sqlx::query(
        "INSERT INTO caregiver_grants (organisation_id, patient_id, given_name, family_name, email, email_key, language, relationship,
                                       scope_messages, scope_questionnaires, scope_profile, ends_on, note, created_by, created_at, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id",
    )
    .bind(organisation_id)
    .bind(patient_id)
    .bind(new.given_name.trim())
    .bind(new.family_name.trim())
    .bind(email.as_str())
    .bind(email.key())
    .bind(new.language.code())
    .bind(relationship.code())
    .bind(new.scope.messages as i64)
    .bind(new.scope.questionnaires as i64)
    .bind(new.scope.profile as i64)
    .bind(ends_on.map(|d| d.to_string()))
    .bind(new.note.trim())
    .bind(added_by)
    .bind(now)
    .bind(status.code())
    .fetch_one(&mut *tx)
    .await?
    .try_get("id")?;
    let addition = if awaiting {
        ctx.audit(
            &mut *tx,
            Some(organisation_id),
            "caregiver.confirmation_asked",
            Target::Patient(patient_id),
        )
        .await?;
        Addition::AwaitingConfirmation
    } else {
        Addition::Invited(invite_and_tell(&mut tx, ctx, grant_id, added_by).await?)
    };
    tx.commit().await?;
    Ok(addition)
}

/// Whether `email` is the address of a staff member of the organisation.
async fn staff_address(
    db: &crate::domain::store::Db,
    organisation_id: i64,
    email: &Email,
) -> DomainResult<bool> {
    let found = sqlx::query(
        "SELECT 1 FROM accounts a JOIN memberships m ON m.account_id = a.id
         WHERE a.email_key = $1 AND m.organisation_id = $2",
    )
    .bind(email.key())
    .bind(organisation_id)
    .fetch_optional(db)
    .await?;
    Ok(found.is_some())
}

/// A second staff member confirms a caregiver added for a colleague's address: the invitation
/// goes out (its code shown to them) and the patient is told. Neither the one who added it nor
/// the person it is for may confirm it.
pub async fn confirm(
    ctx: &Ctx,
    organisation_id: i64,
    grant_id: i64,
    by: i64,
) -> DomainResult<(String, invitation::Issued)> {
    let db = &ctx.db;
    let grant = one_in(ctx, organisation_id, grant_id, GrantStatus::Awaiting).await?;
    let confirmer = crate::domain::identity::account::find_by_id(db, by).await?;
    let for_themselves = Email::parse(&grant.email).is_ok_and(|theirs| confirmer.has_address(&theirs));
    if grant.created_by == by || for_themselves {
        return Err(DomainError::conflict(None, "error-caregiver-confirm-own"));
    }
    let mut tx = db.begin().await?;
    let moved = sqlx::query(
        "UPDATE caregiver_grants SET status = 'invited', confirmed_by = $1 WHERE id = $2 AND status = 'awaiting'",
    )
    .bind(by)
    .bind(grant_id)
    .execute(&mut *tx)
    .await?;
    if moved.rows_affected() != 1 {
        return Err(DomainError::NotFound);
    }
    ctx.audit(&mut *tx, Some(organisation_id), "caregiver.confirmed", Target::Patient(grant.patient_id))
        .await?;
    let issued = invite_and_tell(&mut tx, ctx, grant_id, by).await?;
    tx.commit().await?;
    Ok((grant.caregiver_name, issued))
}

/// Invites the caregiver of grant `grant_id` (link + code) and tells the patient — and, for a
/// minor, the parents already acting for them — in their language.
async fn invite_and_tell(
    tx: &mut sqlx::AnyConnection,
    ctx: &Ctx,
    grant_id: i64,
    by: i64,
) -> DomainResult<invitation::Issued> {
    let row = sqlx::query(
        "SELECT g.patient_id, g.organisation_id, g.given_name || ' ' || g.family_name AS caregiver, g.relationship,
                g.scope_messages, g.scope_questionnaires, g.scope_profile,
                p.birth_date, p.given_name, p.email, p.language, o.age_of_consent, o.timezone, o.name AS organisation
         FROM caregiver_grants g JOIN patients p ON p.id = g.patient_id JOIN organisations o ON o.id = g.organisation_id
         WHERE g.id = $1",
    )
    .bind(grant_id)
    .fetch_one(&mut *tx)
    .await?;
    let (patient_id, organisation_id): (i64, i64) =
        (row.try_get("patient_id")?, row.try_get("organisation_id")?);
    let issued = invitation::issue(&mut *tx, ctx, patient_id, Invitee::Caregiver { grant_id }, by).await?;
    let added = Added {
        caregiver: row.try_get("caregiver")?,
        relationship: Relationship::parse(&row.try_get::<String, _>("relationship")?)?,
        scope: Scope {
            messages: row.try_get::<i64, _>("scope_messages")? != 0,
            questionnaires: row.try_get::<i64, _>("scope_questionnaires")? != 0,
            profile: row.try_get::<i64, _>("scope_profile")? != 0,
        },
        organisation: row.try_get("organisation")?,
    };
    let patient_lang = Lang::parse(&row.try_get::<String, _>("language")?).unwrap_or_default();
    let mut told =
        vec![(row.try_get::<String, _>("email")?, patient_lang, row.try_get::<String, _>("given_name")?)];
    let today = local_date(ctx.now, &row.try_get::<String, _>("timezone")?);
    let age_of_consent = row.try_get::<i64, _>("age_of_consent")? as u32;
    if !reached_age_of_consent(&row.try_get::<String, _>("birth_date")?, age_of_consent, today) {
        told.extend(parents_on_file(&mut *tx, patient_id, grant_id).await?);
    }
    for (recipient, lang, name) in told {
        let mail = notification::caregiver_added_mail(lang, &name, &added.words(lang));
        notification::enqueue_for(&mut *tx, organisation_id, &recipient, &mail, ctx.now).await?;
    }
    Ok(issued)
}

/// A new caregiver as the patient is told about them.
struct Added {
    caregiver: String,
    relationship: Relationship,
    scope: Scope,
    organisation: String,
}

impl Added {
    /// The mail's arguments in `lang`: who, as what, with access to what, added by whom.
    fn words(&self, lang: Lang) -> notification::CaregiverAdded {
        use crate::i18n::text;
        let scope: Vec<String> = [
            (self.scope.messages, "scope-messages"),
            (self.scope.questionnaires, "scope-questionnaires"),
            (self.scope.profile, "scope-profile"),
        ]
        .into_iter()
        .filter(|(held, _)| *held)
        .map(|(_, key)| text(lang, key))
        .collect();
        notification::CaregiverAdded {
            caregiver: self.caregiver.clone(),
            relationship: text(lang, &format!("relationship-{}", self.relationship.code())),
            scope: scope.join(", "),
            organisation: self.organisation.clone(),
        }
    }
}

/// The parents already acting for a child (other than grant `except`): email, language, name.
async fn parents_on_file(
    exec: impl Executor<'_, Database = Any>,
    patient_id: i64,
    except: i64,
) -> DomainResult<Vec<(String, Lang, String)>> {
    let rows = sqlx::query(
        "SELECT email, language, given_name FROM caregiver_grants
         WHERE patient_id = $1 AND id <> $2 AND relationship = 'parent' AND status = 'active'",
    )
    .bind(patient_id)
    .bind(except)
    .fetch_all(exec)
    .await?;
    rows.iter()
        .map(|r| {
            let lang = Lang::parse(&r.try_get::<String, _>("language")?).unwrap_or_default();
            Ok((r.try_get("email")?, lang, r.try_get("given_name")?))
        })
        .collect()
}

/// A new link and code for a caregiver who has not joined yet.
pub async fn reissue(
    ctx: &Ctx,
    organisation_id: i64,
    grant_id: i64,
    by: i64,
) -> DomainResult<(String, invitation::Issued)> {
    let db = &ctx.db;
    let grant = one_in(ctx, organisation_id, grant_id, GrantStatus::Invited).await?;
    let mut tx = db.begin().await?;
    let issued =
        invitation::issue(&mut tx, ctx, grant.patient_id, Invitee::Caregiver { grant_id: grant.id }, by)
            .await?;
    tx.commit().await?;
    Ok((grant.caregiver_name, issued))
}

/// The caregiver's invitation was redeemed: their account now holds the grant.
pub async fn activate(
    tx: &mut sqlx::AnyConnection,
    ctx: &Ctx,
    grant_id: i64,
    organisation_id: i64,
    patient_id: i64,
    account_id: i64,
) -> DomainResult<()> {
    // A staff member who sent the invitation cannot redeem it themselves, whatever address it went
    // to; nor can any staff member of the organisation unless a second one confirmed the grant.
    let row = sqlx::query(
        "SELECT g.created_by, g.confirmed_by,
                (SELECT COUNT(*) FROM memberships m WHERE m.account_id = $2 AND m.organisation_id = g.organisation_id) AS staff
         FROM caregiver_grants g WHERE g.id = $1",
    )
    .bind(grant_id)
    .bind(account_id)
    .fetch_one(&mut *tx)
    .await?;
    if row.try_get::<i64, _>("created_by")? == account_id {
        return Err(DomainError::conflict(None, "error-caregiver-own-invitation"));
    }
    if row.try_get::<i64, _>("staff")? > 0 && row.try_get::<Option<i64>, _>("confirmed_by")?.is_none() {
        return Err(DomainError::conflict(None, "error-caregiver-staff-unconfirmed"));
    }
    sqlx::query("UPDATE caregiver_grants SET caregiver_account_id = $1, status = 'active' WHERE id = $2 AND status = 'invited'")
        .bind(account_id)
        .bind(grant_id)
        .execute(&mut *tx)
        .await?;
    ctx.by(account_id)
        .audit(&mut *tx, Some(organisation_id), "caregiver.joined", Target::Patient(patient_id))
        .await
}

/// Who ends a grant: the patient it is about, or the patient's care team.
#[derive(Clone, Copy, Debug)]
pub enum EndedBy {
    Patient { account_id: i64 },
    Staff { account_id: i64, organisation_id: i64 },
}

/// Ends a grant at once; false when it was not theirs to end or already ended.
pub async fn end(ctx: &Ctx, grant_id: i64, by: EndedBy) -> DomainResult<bool> {
    let (db, now) = (&ctx.db, ctx.now);
    let (filter, owner, actor, reason) = match by {
        EndedBy::Patient { account_id } => {
            ("g.id = $1 AND p.account_id = $2", account_id, account_id, "patient")
        }
        EndedBy::Staff { account_id, organisation_id } => {
            ("g.id = $1 AND g.organisation_id = $2", organisation_id, account_id, "staff")
        }
    };
    let mut tx = db.begin().await?;
    let row = sqlx::query(&format!(
        "UPDATE caregiver_grants SET status = 'ended', ended_at = $3, end_reason = $4
         WHERE status <> 'ended' AND id IN (SELECT g.id FROM caregiver_grants g JOIN patients p ON p.id = g.patient_id WHERE {filter})
         RETURNING patient_id, organisation_id"
    ))
    .bind(grant_id)
    .bind(owner)
    .bind(now)
    .bind(reason)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else { return Ok(false) };
    ctx.by(actor)
        .audit(
            &mut *tx,
            row.try_get("organisation_id")?,
            "caregiver.ended",
            Target::Patient(row.try_get::<i64, _>("patient_id")?),
        )
        .await?;
    tx.commit().await?;
    Ok(true)
}

/// A grant ended by the closure of an account on either side of it.
pub struct Ended {
    pub organisation_id: i64,
    pub patient_id: i64,
}

/// Ends every grant given for the account's patient records or held by the account (its holder
/// closes it); the caller audits each.
pub async fn end_all_of(tx: &mut sqlx::AnyConnection, account_id: i64, now: i64) -> DomainResult<Vec<Ended>> {
    let rows = sqlx::query(
        "UPDATE caregiver_grants SET status = 'ended', ended_at = $2, end_reason = 'closed'
         WHERE status <> 'ended'
           AND (caregiver_account_id = $1 OR patient_id IN (SELECT id FROM patients WHERE account_id = $1))
         RETURNING organisation_id, patient_id",
    )
    .bind(account_id)
    .bind(now)
    .fetch_all(&mut *tx)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(Ended {
                organisation_id: row.try_get("organisation_id")?,
                patient_id: row.try_get("patient_id")?,
            })
        })
        .collect()
}

/// The care team changes what a caregiver may reach, or until when.
pub async fn edit(
    ctx: &Ctx,
    organisation_id: i64,
    grant_id: i64,
    scope: Scope,
    ends_on: &str,
    by: i64,
) -> DomainResult<()> {
    let (db, now) = (&ctx.db, ctx.now);
    let filter = "g.id = $1 AND g.organisation_id = $2 AND g.status <> 'ended'";
    let grant = select(db, filter, &[grant_id, organisation_id], now)
        .await?
        .into_iter()
        .next()
        .ok_or(DomainError::NotFound)?;
    let timezone = crate::domain::calendar::organisation_timezone(db, organisation_id).await?;
    let ends_on = checked_scope_and_end(scope, ends_on, local_date(now, &timezone))?;
    let mut tx = db.begin().await?;
    sqlx::query("UPDATE caregiver_grants SET scope_messages = $1, scope_questionnaires = $2, scope_profile = $3, ends_on = $4 WHERE id = $5")
        .bind(scope.messages as i64)
        .bind(scope.questionnaires as i64)
        .bind(scope.profile as i64)
        .bind(ends_on.map(|d| d.to_string()))
        .bind(grant.id)
        .execute(&mut *tx)
        .await?;
    ctx.by(by)
        .audit(&mut *tx, Some(organisation_id), "caregiver.changed", Target::Patient(grant.patient_id))
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The daily age rule: a parent's grant ends when the child reaches the organisation's age of
/// consent; the teen and the parent are told, each in their language. Access already stops at
/// that date (`in_force`); this records it and sends the notices. Returns how many ended.
pub async fn end_at_age_of_consent(ctx: &Ctx) -> DomainResult<usize> {
    let (db, now) = (&ctx.db, ctx.now);
    let sql = format!("{SELECT} WHERE g.status = 'active' AND g.relationship = 'parent'");
    let rows: Vec<GrantRow> = sqlx::query_as(&sql).fetch_all(db).await?;
    let mut ended = 0;
    for row in rows.into_iter().filter(|row| row.reached_age_of_consent(now)) {
        let grant = row.into_grant(now)?;
        let mut tx = db.begin().await?;
        let done = sqlx::query("UPDATE caregiver_grants SET status = 'ended', ended_at = $1, end_reason = 'age' WHERE id = $2 AND status = 'active'")
            .bind(now)
            .bind(grant.id)
            .execute(&mut *tx)
            .await?
            .rows_affected()
            == 1;
        if done {
            let patient = sqlx::query("SELECT given_name, email, language FROM patients WHERE id = $1")
                .bind(grant.patient_id)
                .fetch_one(&mut *tx)
                .await?;
            let (teen, teen_email): (String, String) =
                (patient.try_get("given_name")?, patient.try_get("email")?);
            let teen_lang = Lang::from_code(&patient.try_get::<String, _>("language")?);
            let parent = sqlx::query("SELECT given_name, language FROM caregiver_grants WHERE id = $1")
                .bind(grant.id)
                .fetch_one(&mut *tx)
                .await?;
            let parent_lang = Lang::from_code(&parent.try_get::<String, _>("language")?);
            notification::enqueue_for(
                &mut *tx,
                grant.organisation_id,
                &teen_email,
                &notification::age_of_consent_teen_mail(teen_lang, &teen, &grant.caregiver_name),
                now,
            )
            .await?;
            notification::enqueue_for(
                &mut *tx,
                grant.organisation_id,
                &grant.email,
                &notification::age_of_consent_parent_mail(
                    parent_lang,
                    &parent.try_get::<String, _>("given_name")?,
                    &grant.patient_name,
                ),
                now,
            )
            .await?;
            ctx.audit(
                &mut *tx,
                Some(grant.organisation_id),
                "caregiver.ended_at_age",
                Target::Patient(grant.patient_id),
            )
            .await?;
            ended += 1;
        }
        tx.commit().await?;
    }
    Ok(ended)
}

/// Records what a caregiver did for a patient: both are in the audit trail.
pub async fn record_action<'e>(
    exec: impl Executor<'e, Database = Any>,
    ctx: &Ctx,
    grant: &Grant,
    caregiver_account_id: i64,
    action: &'static str,
) -> DomainResult<()> {
    ctx.by(caregiver_account_id)
        .for_patient(grant.patient_account_id)
        .audit(exec, Some(grant.organisation_id), action, Target::Patient(grant.patient_id))
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        stored_date(text).unwrap()
    }

    #[test]
    fn a_parents_access_ends_on_the_childs_birthday() {
        let born = Some(day("2012-11-23"));
        assert!(
            in_force(Relationship::Parent, None, born, 14, day("2026-11-22")),
            "the day before the 14th birthday"
        );
        assert!(!in_force(Relationship::Parent, None, born, 14, day("2026-11-23")), "on the birthday");
        assert!(
            in_force(Relationship::Helper, None, born, 14, day("2026-11-23")),
            "other relationships do not end with age"
        );
        assert!(
            in_force(Relationship::Parent, None, born, 16, day("2026-11-23")),
            "the age is the organisation's"
        );
        // Born on 29 February: the birthday is 28 February in other years.
        assert_eq!(birthday(day("2012-02-29"), 14), day("2026-02-28"));
    }

    #[test]
    fn an_end_date_is_the_last_day_of_access() {
        assert!(in_force(Relationship::Helper, Some(day("2026-12-31")), None, 14, day("2026-12-31")));
        assert!(!in_force(Relationship::Helper, Some(day("2026-12-31")), None, 14, day("2027-01-01")));
    }

    #[test]
    fn what_the_professional_enters_is_checked() {
        let today = day("2026-11-22");
        let new = |relationship: &'static str, scope: Scope, ends_on: &'static str| NewCaregiver {
            given_name: "Marie",
            family_name: "Tremblay",
            email: "marie@example.org",
            language: Lang::Fr,
            relationship,
            scope,
            ends_on,
            note: "",
        };
        let messages = Scope { messages: true, ..Scope::default() };
        assert!(check(&new("parent", messages, ""), "2015-01-01", 14, today).is_ok());
        assert!(matches!(
            check(&new("parent", messages, ""), "2000-01-01", 14, today),
            Err(DomainError::Invalid { key: "error-relationship-not-minor", .. })
        ));
        assert!(check(&new("helper", messages, "2027-06-30"), "2000-01-01", 14, today).is_ok());
        assert!(matches!(
            check(&new("helper", Scope::default(), ""), "2000-01-01", 14, today),
            Err(DomainError::Invalid { key: "error-scope-required", .. })
        ));
        assert!(matches!(
            check(&new("helper", messages, "2026-11-21"), "2000-01-01", 14, today),
            Err(DomainError::Invalid { key: "error-ends-on-invalid", .. })
        ));
        assert!(matches!(
            check(&new("cousin", messages, ""), "2000-01-01", 14, today),
            Err(DomainError::Invalid { key: "error-relationship-invalid", .. })
        ));
    }
}
