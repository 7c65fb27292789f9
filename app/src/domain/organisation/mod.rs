//! Health organisations using Portail, and the creation of one with its first administrator.
pub mod audit_trail;
pub mod details;
pub mod logo;
pub mod membership;
pub mod offering;
pub mod overview;
pub mod patient_import;
pub mod patient_invitation;
pub mod privacy_officer;
pub mod professional_number;
pub mod staff_admin;
pub mod staff_invitation;
pub mod staff_list;
pub mod staff_service;
pub mod support_contact;
pub mod support_desk;

use crate::domain::identity::account::{self, Email, NewAccount, Role};
use crate::domain::onboarding::setup_link;
use crate::domain::Target;
use crate::domain::{notification, store, Ctx, DomainResult, RequestMeta};
use crate::i18n::Lang;
use crate::states::Service;
use sqlx::{Any, Executor, Row};

/// The organisations (`o`) the account bound to `$1` belongs to: as staff, as a patient, or as
/// the active caregiver of one of its patients. What an organisation publishes to its people
/// (support desk, privacy officer) is shown to them only.
pub(crate) const READERS_ORGANISATIONS: &str = "o.id IN (SELECT organisation_id FROM memberships WHERE account_id = $1
     UNION SELECT organisation_id FROM patients WHERE account_id = $1
     UNION SELECT organisation_id FROM caregiver_grants WHERE caregiver_account_id = $1 AND status = 'active')";

/// A new organisation offering `services` (and administration).
pub async fn create(
    tx: &mut sqlx::AnyConnection,
    name: &str,
    services: &[Service],
    now: i64,
) -> DomainResult<i64> {
    let row = sqlx::query("INSERT INTO organisations (name, created_at) VALUES ($1, $2) RETURNING id")
        .bind(name.trim())
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
    let organisation_id = row.try_get("id")?;
    offering::start(tx, organisation_id, services, now).await?;
    Ok(organisation_id)
}

/// Mails each of the organisation's administrators what `mail` writes for them, given their
/// language and given name.
pub async fn tell_administrators(
    tx: &mut sqlx::AnyConnection,
    organisation_id: i64,
    now: i64,
    mail: impl Fn(Lang, &str) -> notification::Mail,
) -> DomainResult<()> {
    let administrators = sqlx::query(
        "SELECT a.email, a.given_name, a.language FROM memberships m JOIN accounts a ON a.id = m.account_id
         WHERE m.organisation_id = $1 AND m.role = 'admin'",
    )
    .bind(organisation_id)
    .fetch_all(&mut *tx)
    .await?;
    for admin in administrators {
        let lang = Lang::from_code(&admin.try_get::<String, _>("language")?);
        let written = mail(lang, &admin.try_get::<String, _>("given_name")?);
        let email: String = admin.try_get("email")?;
        notification::enqueue_for(&mut *tx, organisation_id, &email, &written, now).await?;
    }
    Ok(())
}

/// A new staff member: an account that can do nothing until its owner uses the setup link.
pub struct NewStaff<'a> {
    pub title: &'a str,
    pub email: &'a str,
    pub given_name: &'a str,
    pub family_name: &'a str,
    pub language: Lang,
}

/// A new staff member's way in: the link (mailed), and the secret code that goes with it (shown
/// once to whoever added them, never mailed).
pub struct Activation {
    pub account_id: i64,
    pub link: String,
    pub code: crate::domain::onboarding::invitation::InvitationCode,
    /// When the link and code stop working.
    pub expires_at: i64,
}

/// Who gets a new staff member's secret code, when an administrator adds them (seed 000: the
/// code may be shown to the administrator, or mailed to an authoriser they name — the person's
/// manager — so that neither the administrator nor either mail alone opens the account).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecretCodeTo<'a> {
    /// Shown once to the administrator, who hands it over.
    Administrator,
    /// Mailed to this person, in the administrator's language.
    Authoriser { name: &'a str, email: &'a str, language: Lang },
}

/// Who hands a new staff member the secret code that goes with their setup link.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CodeHandedBy<'a> {
    /// An administrator of the organisation, who added them.
    Administrator,
    /// The authoriser the administrator named, to whom it was mailed.
    Authoriser(&'a str),
    /// Whoever ran `portail bootstrap` and read the code on the console (the first administrator).
    Installer,
    /// The organisation's legally responsible person, named, to whom it was mailed (the first
    /// administrator of an organisation that joined through a request).
    ResponsiblePerson(&'a str),
}

/// Adds a staff member to an organisation and mails the one-time setup link.
async fn add_staff_member(
    tx: &mut sqlx::AnyConnection,
    organisation_id: i64,
    new: &NewStaff<'_>,
    services: &[Service],
    handed_by: CodeHandedBy<'_>,
    public_url: &str,
    now: i64,
) -> DomainResult<Activation> {
    let email = Email::parse(new.email)?;
    let role = Role::of_services(services);
    if new.given_name.trim().is_empty() {
        return Err(crate::domain::DomainError::invalid("given_name", "error-given-name-required"));
    }
    if new.family_name.trim().is_empty() {
        return Err(crate::domain::DomainError::invalid("family_name", "error-family-name-required"));
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
    crate::domain::organisation::staff_service::grant(tx, account_id, organisation_id, services, now).await?;
    let (token, code) = setup_link::create_with_code(&mut *tx, account_id, now).await?;
    let link = setup_link::url(public_url, &token, new.language);
    let given_name = new.given_name.trim();
    let organisation_name = name(&mut *tx, organisation_id).await?;
    let organisation_name = organisation_name.as_str();
    let mail = match handed_by {
        CodeHandedBy::Administrator => {
            notification::setup_link_with_code_mail(new.language, given_name, organisation_name, &link)
        }
        CodeHandedBy::Installer => {
            notification::setup_link_mail(new.language, given_name, organisation_name, &link)
        }
        CodeHandedBy::ResponsiblePerson(responsible) => notification::setup_link_code_with_responsible_mail(
            new.language,
            given_name,
            organisation_name,
            responsible,
            &link,
        ),
        CodeHandedBy::Authoriser(authoriser) => notification::setup_link_code_with_authoriser_mail(
            new.language,
            given_name,
            organisation_name,
            authoriser,
            &link,
        ),
    };
    notification::enqueue_for(&mut *tx, organisation_id, email.as_str(), &mail, now).await?;
    Ok(Activation { account_id, link, code, expires_at: now + setup_link::VALID_SECONDS })
}

/// The authoriser as typed: a name, and an address that is not the new person's own (their code
/// would then arrive beside their link).
fn check_authoriser(code_to: SecretCodeTo<'_>, staff_email: &str) -> DomainResult<Option<Email>> {
    let SecretCodeTo::Authoriser { name, email, .. } = code_to else { return Ok(None) };
    if name.trim().is_empty() {
        return Err(crate::domain::DomainError::invalid("authoriser_name", "error-authoriser-name-required"));
    }
    let email = Email::parse_as(email, "authoriser_email")?;
    if Email::parse(staff_email).is_ok_and(|staff| staff.key() == email.key()) {
        return Err(crate::domain::DomainError::invalid("authoriser_email", "error-authoriser-same-email"));
    }
    Ok(Some(email))
}

/// An administrator adds a staff member to their organisation with the services ticked and their
/// professional number if typed; returns the mailed link and the secret code — to hand over, or
/// already mailed to the authoriser named in `code_to`.
pub async fn add_professional(
    ctx: &Ctx,
    organisation_id: i64,
    added_by: i64,
    new: NewStaff<'_>,
    services: &[Service],
    number: &str,
    code_to: SecretCodeTo<'_>,
) -> DomainResult<Activation> {
    let number =
        crate::domain::organisation::professional_number::ProfessionalNumber::parse_optional(number)?;
    if services.is_empty() {
        return Err(crate::domain::DomainError::invalid("services", "error-services-required"));
    }
    let authoriser_email = check_authoriser(code_to, new.email)?;
    let handed_by = match code_to {
        SecretCodeTo::Administrator => CodeHandedBy::Administrator,
        SecretCodeTo::Authoriser { name, .. } => CodeHandedBy::Authoriser(name.trim()),
    };
    let (db, now) = (&ctx.db, ctx.now);
    // Read before the transaction: its name and clock, for the authoriser's mail.
    let organisation = details::of(db, organisation_id).await?;
    let mut tx = db.begin().await?;
    let activation =
        add_staff_member(&mut tx, organisation_id, &new, services, handed_by, &ctx.public_url, now).await?;
    let account_id = activation.account_id;
    if let (SecretCodeTo::Authoriser { name, language, .. }, Some(email)) = (code_to, &authoriser_email) {
        let expires = crate::domain::calendar::local_time(activation.expires_at, &organisation.timezone);
        let staff_name = format!("{} {}", new.given_name.trim(), new.family_name.trim());
        let mail = notification::staff_code_mail(
            language,
            name.trim(),
            &organisation.name,
            &staff_name,
            activation.code.as_str(),
            expires,
        );
        notification::enqueue_for(&mut *tx, organisation_id, email.as_str(), &mail, now).await?;
    }
    if let Some(number) = &number {
        crate::domain::organisation::professional_number::set(
            &mut *tx,
            organisation_id,
            account_id,
            Some(number),
        )
        .await?;
    }
    ctx.by(added_by)
        .audit(&mut *tx, Some(organisation_id), "staff.added", Target::Account(account_id))
        .await?;
    tx.commit().await?;
    Ok(activation)
}

pub struct Bootstrap<'a> {
    pub organisation: &'a str,
    pub email: &'a str,
    pub given_name: &'a str,
    pub family_name: &'a str,
    pub language: Lang,
}

/// What an approved request says of the organisation that joins (`platform::agreement`).
pub struct Joined<'a> {
    pub name: &'a str,
    pub kind: &'a str,
    pub address: &'a str,
    pub phone: &'a str,
    /// The legally responsible person's name: the administrator's mail says they have the code.
    pub responsible: &'a str,
    /// The services asked for: the organisation offers them (and administration).
    pub services: &'a [Service],
}

/// An organisation created from a request, and its administrator's way in when a new account was
/// made for them (`None`: their address has an account, which is asked to join instead).
pub struct Created {
    pub organisation_id: i64,
    pub activation: Option<Activation>,
}

/// Creates an organisation that joined through a request, with the shipped questionnaires and
/// its designated administrator's account and setup link, unless their address already has one.
pub async fn create_joined(
    tx: &mut sqlx::AnyConnection,
    joined: &Joined<'_>,
    admin: &NewStaff<'_>,
    public_url: &str,
    now: i64,
) -> DomainResult<Created> {
    let organisation_id = create(&mut *tx, joined.name, joined.services, now).await?;
    sqlx::query("UPDATE organisations SET kind = $1, address = $2, phone = $3 WHERE id = $4")
        .bind(joined.kind)
        .bind(joined.address)
        .bind(joined.phone)
        .bind(organisation_id)
        .execute(&mut *tx)
        .await?;
    crate::domain::questionnaire::library::install_shipped(tx, organisation_id, now).await?;
    if account::find_by_email(&mut *tx, admin.email).await?.is_some() {
        return Ok(Created { organisation_id, activation: None });
    }
    let handed_by = CodeHandedBy::ResponsiblePerson(joined.responsible);
    let services = offering::with_administration(joined.services);
    let activation =
        add_staff_member(tx, organisation_id, admin, &services, handed_by, public_url, now).await?;
    Ok(Created { organisation_id, activation: Some(activation) })
}

/// The age at which a parent's access to a child's file ends (Québec: 14, consent to care).
pub async fn age_of_consent(db: &store::Db, organisation_id: i64) -> DomainResult<i64> {
    Ok(sqlx::query("SELECT age_of_consent FROM organisations WHERE id = $1")
        .bind(organisation_id)
        .fetch_one(db)
        .await?
        .try_get("age_of_consent")?)
}

/// The organisation's name, as its people's mails say it.
pub async fn name<'e>(exec: impl Executor<'e, Database = Any>, organisation_id: i64) -> DomainResult<String> {
    Ok(sqlx::query("SELECT name FROM organisations WHERE id = $1")
        .bind(organisation_id)
        .fetch_one(exec)
        .await?
        .try_get("name")?)
}

/// The administrator sets the age of consent of their province; 12 to 19 covers Canada's rules.
pub async fn set_age_of_consent(ctx: &Ctx, organisation_id: i64, age: &str, by: i64) -> DomainResult<i64> {
    let db = &ctx.db;
    let age: i64 = age
        .trim()
        .parse()
        .ok()
        .filter(|a| (12..=19).contains(a))
        .ok_or(crate::domain::DomainError::invalid("age", "error-age-of-consent-invalid"))?;
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
            Target::Organisation(organisation_id),
        )
        .await?;
    tx.commit().await?;
    Ok(age)
}

/// Creates the organisation, its first administrator and a one-time setup link, mails the link
/// and records it all, in one transaction. Returns the link and its secret code, which only the
/// console shows: whoever reads the mail first (a scanner's preview) cannot see the secret behind it.
pub async fn bootstrap(db: &store::Db, public_url: &str, new: Bootstrap<'_>) -> DomainResult<Activation> {
    if new.organisation.trim().is_empty() {
        return Err(crate::domain::DomainError::refused("error-organisation-required"));
    }
    let now = store::now();
    let mut tx = db.begin().await?;
    let organisation_id = create(&mut tx, new.organisation, &Service::ALL, now).await?;
    crate::domain::questionnaire::library::install_shipped(&mut tx, organisation_id, now).await?;
    let staff = NewStaff {
        title: "",
        email: new.email,
        given_name: new.given_name,
        family_name: new.family_name,
        language: new.language,
    };
    let activation = add_staff_member(
        &mut tx,
        organisation_id,
        &staff,
        Role::Admin.bundle(),
        CodeHandedBy::Installer,
        public_url,
        now,
    )
    .await?;
    let console = Ctx::new(db.clone(), RequestMeta { ip: "console".into(), user_agent: String::new() }, now);
    console
        .audit(&mut *tx, Some(organisation_id), "bootstrap", Target::Account(activation.account_id))
        .await?;
    tx.commit().await?;
    Ok(activation)
}
