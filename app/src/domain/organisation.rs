//! Health organisations using Portail, and the creation of one with its first administrator.
use super::account::{self, Email, NewAccount, Role};
use super::{notification, setup_link, store, Ctx, DomainResult, RequestMeta};
use crate::i18n::Lang;
use sqlx::{Any, Executor, Row};

pub async fn create<'e>(exec: impl Executor<'e, Database = Any>, name: &str, now: i64) -> DomainResult<i64> {
    let row = sqlx::query("INSERT INTO organisations (name, created_at) VALUES ($1, $2) RETURNING id")
        .bind(name.trim())
        .bind(now)
        .fetch_one(exec)
        .await?;
    Ok(row.try_get("id")?)
}

/// A new staff member: an account that can do nothing until its owner uses the setup link.
pub struct NewStaff<'a> {
    pub title: &'a str,
    pub email: &'a str,
    pub given_name: &'a str,
    pub family_name: &'a str,
    pub language: Lang,
}

/// Adds a staff member to an organisation and mails the one-time setup link (returned too).
async fn add_staff_member(
    tx: &mut sqlx::AnyConnection,
    organisation_id: i64,
    organisation_name: &str,
    new: &NewStaff<'_>,
    role: Role,
    public_url: &str,
    now: i64,
) -> DomainResult<(i64, String)> {
    let email = Email::parse(new.email)?;
    if new.given_name.trim().is_empty() {
        return Err(super::DomainError::invalid("given_name", "error-given-name-required"));
    }
    if new.family_name.trim().is_empty() {
        return Err(super::DomainError::invalid("family_name", "error-family-name-required"));
    }
    let account_id = account::create(
        &mut *tx,
        NewAccount {
            email: &email,
            given_name: new.given_name,
            family_name: new.family_name,
            language: new.language,
        },
        now,
    )
    .await?;
    sqlx::query("UPDATE accounts SET title = $1 WHERE id = $2")
        .bind(new.title.trim())
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    account::add_membership(&mut *tx, account_id, organisation_id, role, now).await?;
    let token = setup_link::create(&mut *tx, account_id, now).await?;
    let link = setup_link::url(public_url, &token, new.language);
    let mail = notification::setup_link_mail(new.language, new.given_name.trim(), organisation_name, &link);
    notification::enqueue(&mut *tx, email.as_str(), &mail, now).await?;
    Ok((account_id, link))
}

/// An administrator adds a professional to their organisation, with their professional number if
/// typed; returns the mailed setup link.
pub async fn add_professional(
    ctx: &Ctx,
    organisation_id: i64,
    added_by: i64,
    public_url: &str,
    new: NewStaff<'_>,
    number: &str,
) -> DomainResult<String> {
    let number = super::professional_number::ProfessionalNumber::parse_optional(number)?;
    let (db, now) = (&ctx.db, ctx.now);
    let mut tx = db.begin().await?;
    let name = name(&mut *tx, organisation_id).await?;
    let (account_id, link) =
        add_staff_member(&mut tx, organisation_id, &name, &new, Role::Professional, public_url, now).await?;
    if let Some(number) = &number {
        super::professional_number::set(&mut *tx, organisation_id, account_id, Some(number)).await?;
    }
    ctx.by(added_by)
        .audit(&mut *tx, Some(organisation_id), "staff.added", format!("account:{account_id}"))
        .await?;
    tx.commit().await?;
    Ok(link)
}

pub struct Bootstrap<'a> {
    pub organisation: &'a str,
    pub email: &'a str,
    pub given_name: &'a str,
    pub family_name: &'a str,
    pub language: Lang,
}

/// The age at which a parent's access to a child's file ends (Québec: 14, consent to care).
pub async fn age_of_consent(db: &store::Db, organisation_id: i64) -> DomainResult<i64> {
    Ok(sqlx::query("SELECT age_of_consent FROM organisations WHERE id = $1")
        .bind(organisation_id)
        .fetch_one(db)
        .await?
        .try_get("age_of_consent")?)
}

/// The organisation's time zone (IANA name): its local dates and times.
/// The organisation's name, as its people's mails say it.
pub async fn name<'e>(exec: impl Executor<'e, Database = Any>, organisation_id: i64) -> DomainResult<String> {
    Ok(sqlx::query("SELECT name FROM organisations WHERE id = $1")
        .bind(organisation_id)
        .fetch_one(exec)
        .await?
        .try_get("name")?)
}

pub async fn timezone(db: &store::Db, organisation_id: i64) -> DomainResult<String> {
    Ok(sqlx::query("SELECT timezone FROM organisations WHERE id = $1")
        .bind(organisation_id)
        .fetch_one(db)
        .await?
        .try_get("timezone")?)
}

/// The administrator sets the age of consent of their province; 12 to 19 covers Canada's rules.
pub async fn set_age_of_consent(ctx: &Ctx, organisation_id: i64, age: &str, by: i64) -> DomainResult<i64> {
    let db = &ctx.db;
    let age: i64 = age
        .trim()
        .parse()
        .ok()
        .filter(|a| (12..=19).contains(a))
        .ok_or(super::DomainError::invalid("age", "error-age-of-consent-invalid"))?;
    let mut tx = db.begin().await?;
    sqlx::query("UPDATE organisations SET age_of_consent = $1 WHERE id = $2")
        .bind(age)
        .bind(organisation_id)
        .execute(&mut *tx)
        .await?;
    ctx.by(by)
        .audit(
            &mut *tx,
            Some(organisation_id),
            "organisation.age_of_consent_changed",
            format!("organisation:{organisation_id}"),
        )
        .await?;
    tx.commit().await?;
    Ok(age)
}

/// Creates the organisation, its first administrator and a one-time setup link, mails the link
/// and records it all, in one transaction. Returns the link (shown once on the console).
pub async fn bootstrap(db: &store::Db, public_url: &str, new: Bootstrap<'_>) -> DomainResult<String> {
    if new.organisation.trim().is_empty() {
        return Err(super::DomainError::refused("error-organisation-required"));
    }
    let now = store::now();
    let mut tx = db.begin().await?;
    let organisation_id = create(&mut *tx, new.organisation, now).await?;
    let staff = NewStaff {
        title: "",
        email: new.email,
        given_name: new.given_name,
        family_name: new.family_name,
        language: new.language,
    };
    let (account_id, link) = add_staff_member(
        &mut tx,
        organisation_id,
        new.organisation.trim(),
        &staff,
        Role::Admin,
        public_url,
        now,
    )
    .await?;
    let console = Ctx::new(db.clone(), RequestMeta { ip: "console".into(), user_agent: String::new() }, now);
    console.audit(&mut *tx, Some(organisation_id), "bootstrap", format!("account:{account_id}")).await?;
    tx.commit().await?;
    Ok(link)
}
