//! The platform's operators: above organisations, they decide on organisations' requests to join
//! and never see patients' or staff's clinical data. The first is created by whoever installs the
//! portal (`portail bootstrap`, its code printed on the console); operators add operators (the
//! code shown once to the one who adds). An operator's account is theirs alone — a new account,
//! never one that is staff, patient or caregiver somewhere —, activated through a setup link with
//! an authenticator app like staff.
use crate::domain::identity::account::{self, Email, NewAccount};
use crate::domain::onboarding::setup_link;
use crate::domain::organisation::Activation;
use crate::domain::patient::profile;
use crate::domain::{notification, store, Ctx, DomainError, DomainResult, RequestMeta, Target};
use crate::i18n::Lang;
use sqlx::Row;

/// A new operator as typed.
pub struct NewOperator<'a> {
    pub email: &'a str,
    pub given_name: &'a str,
    pub family_name: &'a str,
    pub language: Lang,
}

/// The longest given or family name taken.
const NAME_MAX: usize = 200;

/// Who hands the new operator their secret code.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CodeHandedBy {
    /// Whoever installed the portal read it on the console.
    Installer,
    /// The operator who added them was shown it once.
    Operator,
}

pub use crate::domain::identity::account::is_operator;

/// Whether the platform has an operator yet.
pub async fn any(db: &store::Db) -> DomainResult<bool> {
    Ok(sqlx::query("SELECT 1 AS one FROM operators LIMIT 1").fetch_optional(db).await?.is_some())
}

async fn create(
    tx: &mut sqlx::AnyConnection,
    new: &NewOperator<'_>,
    added_by: Option<i64>,
    handed_by: CodeHandedBy,
    public_url: &str,
    now: i64,
) -> DomainResult<Activation> {
    let email = Email::parse(new.email)?;
    let given_name = profile::line(new.given_name, NAME_MAX)
        .ok_or(DomainError::invalid("given_name", "error-line-too-long"))?;
    let family_name = profile::line(new.family_name, NAME_MAX)
        .ok_or(DomainError::invalid("family_name", "error-line-too-long"))?;
    if given_name.is_empty() {
        return Err(DomainError::invalid("given_name", "error-given-name-required"));
    }
    if family_name.is_empty() {
        return Err(DomainError::invalid("family_name", "error-family-name-required"));
    }
    // A dedicated account: an operator's session never opens a patient's or a staff member's space.
    let account_id = account::create(
        &mut *tx,
        NewAccount {
            email: &email,
            given_name: &given_name,
            family_name: &family_name,
            language: new.language,
        },
        now,
    )
    .await
    .map_err(|error| match error {
        DomainError::Conflict { .. } => DomainError::conflict(Some("email"), "error-operator-email-taken"),
        other => other,
    })?;
    sqlx::query("INSERT INTO operators (account_id, added_by, created_at) VALUES ($1, $2, $3)")
        .bind(account_id)
        .bind(added_by)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    let (token, code) = setup_link::create_with_code(&mut *tx, account_id, now).await?;
    let link = setup_link::url(public_url, &token, new.language);
    let mail = notification::operator_setup_mail(
        new.language,
        &given_name,
        &link,
        handed_by == CodeHandedBy::Operator,
    );
    notification::enqueue(&mut *tx, email.as_str(), &mail, now).await?;
    Ok(Activation { account_id, link, code, expires_at: now + setup_link::VALID_SECONDS })
}

/// The platform's first operator, by whoever installs it; refused once there is one (operators
/// then add operators).
pub async fn first(db: &store::Db, public_url: &str, new: NewOperator<'_>) -> DomainResult<Activation> {
    let now = store::now();
    let mut tx = db.begin().await?;
    if sqlx::query("SELECT 1 AS one FROM operators LIMIT 1").fetch_optional(&mut *tx).await?.is_some() {
        return Err(DomainError::refused("error-operator-exists"));
    }
    let activation = create(&mut tx, &new, None, CodeHandedBy::Installer, public_url, now).await?;
    let console = Ctx::new(db.clone(), RequestMeta { ip: "console".into(), user_agent: String::new() }, now);
    console.audit(&mut *tx, None, "operator.bootstrap", Target::Account(activation.account_id)).await?;
    tx.commit().await?;
    Ok(activation)
}

/// An operator adds another: the link is mailed, the code shown once to the one who adds.
pub async fn add(ctx: &Ctx, new: NewOperator<'_>) -> DomainResult<Activation> {
    let mut tx = ctx.db.begin().await?;
    let activation =
        create(&mut tx, &new, ctx.actor, CodeHandedBy::Operator, &ctx.public_url, ctx.now).await?;
    ctx.audit(&mut *tx, None, "operator.added", Target::Account(activation.account_id)).await?;
    tx.commit().await?;
    Ok(activation)
}

/// An operator as the console lists them.
#[derive(Clone, Debug)]
pub struct Listed {
    pub account_id: i64,
    pub given_name: String,
    pub family_name: String,
    pub email: String,
    /// Still to use their setup link.
    pub pending: bool,
    pub created_at: i64,
}

/// Every operator, by name.
pub async fn list(db: &store::Db) -> DomainResult<Vec<Listed>> {
    let rows = sqlx::query(
        "SELECT a.id, a.given_name, a.family_name, a.email, a.status, o.created_at
         FROM operators o JOIN accounts a ON a.id = o.account_id
         ORDER BY a.family_name, a.given_name, a.id",
    )
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(Listed {
                account_id: row.try_get("id")?,
                given_name: row.try_get("given_name")?,
                family_name: row.try_get("family_name")?,
                email: row.try_get("email")?,
                pending: row.try_get::<String, _>("status")? == "pending",
                created_at: row.try_get("created_at")?,
            })
        })
        .collect()
}
