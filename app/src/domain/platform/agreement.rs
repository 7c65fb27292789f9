//! The legally responsible person (LRP) signs for their organisation, through the link mailed when
//! an operator approved its request: they read the participation agreement and the terms of use,
//! type their full name as on the request, and accept. The portal records the documents'
//! versions, the name typed, the time, the address and the browser (`agreement_signatures`), then
//! creates the organisation and splits its administrator's credentials over two people: the
//! activation link to the administrator, the secret code to the LRP — each in the request's
//! language —, so that neither mail alone opens the account. An administrator whose address
//! already has a Portail account is asked to join instead, as any existing account is.
use super::document::{self, Document, Kind};
use crate::domain::organisation::staff_service::Services;
use crate::domain::organisation::{self, offering, staff_invitation};
use crate::domain::patient::search::same_name;
use crate::domain::{calendar, notification, secret, store, Ctx, DomainError, DomainResult, Target};
use crate::i18n::Lang;
use sqlx::Row;

/// The agreement link works this long after the approval.
pub const SIGN_WITHIN_SECONDS: i64 = 30 * 86_400;

/// Where an agreement link stands.
#[derive(Clone, Debug)]
pub enum Link {
    ToSign {
        legal_name: String,
        lrp_name: String,
        agreement: Document,
        terms: Document,
    },
    /// Signed already (a second tab, the back button): the organisation exists.
    Signed {
        legal_name: String,
    },
    /// No such link, or it expired.
    Unusable,
}

#[derive(sqlx::FromRow)]
struct Waiting {
    id: i64,
    state: String,
    decided_at: Option<i64>,
    legal_name: String,
    kind: String,
    address: String,
    phone: String,
    lrp_given_name: String,
    lrp_family_name: String,
    lrp_email: String,
    admin_given_name: String,
    admin_family_name: String,
    admin_email: String,
    language: String,
    #[sqlx(try_from = "String")]
    services: Services,
}

async fn waiting(db: &store::Db, token: &str) -> DomainResult<Option<Waiting>> {
    Ok(sqlx::query_as(
        "SELECT id, state, decided_at, legal_name, kind, address, phone, lrp_given_name, lrp_family_name, lrp_email,
                admin_given_name, admin_family_name, admin_email, language, services
         FROM organisation_requests WHERE agreement_token_hash = $1",
    )
    .bind(secret::hash_token(token))
    .fetch_optional(db)
    .await?)
}

pub async fn inspect(ctx: &Ctx, token: &str) -> DomainResult<Link> {
    match waiting(&ctx.db, token).await? {
        Some(request) => link_of(ctx, &request).await,
        None => Ok(Link::Unusable),
    }
}

/// Where the link of `request` stands.
async fn link_of(ctx: &Ctx, request: &Waiting) -> DomainResult<Link> {
    let legal_name = request.legal_name.clone();
    Ok(match request.state.as_str() {
        "active" => Link::Signed { legal_name },
        "agreement_pending" if request.decided_at.unwrap_or(0) + SIGN_WITHIN_SECONDS > ctx.now => {
            Link::ToSign {
                lrp_name: format!("{} {}", request.lrp_given_name, request.lrp_family_name),
                legal_name,
                agreement: document::current(&ctx.db, Kind::Agreement).await?,
                terms: document::current(&ctx.db, Kind::Terms).await?,
            }
        }
        _ => Link::Unusable,
    })
}

/// The LRP signs: `typed_name` must be their name as on the request (case, accents and spaces
/// aside). Returns where the link stands after it.
pub async fn sign(ctx: &Ctx, token: &str, typed_name: &str, accepted: bool) -> DomainResult<Link> {
    let Some(request) = waiting(&ctx.db, token).await? else { return Ok(Link::Unusable) };
    let (agreement, terms) = match link_of(ctx, &request).await? {
        Link::ToSign { agreement, terms, .. } => (agreement, terms),
        signed_or_unusable => return Ok(signed_or_unusable),
    };
    let lrp_name = format!("{} {}", request.lrp_given_name, request.lrp_family_name);
    if typed_name.trim().is_empty() {
        return Err(DomainError::invalid("signed_name", "error-signature-required"));
    }
    if !same_name(typed_name, &lrp_name) {
        return Err(DomainError::invalid("signed_name", "error-signature-name"));
    }
    if !accepted {
        return Err(DomainError::invalid("accepted", "error-agreement-accept-required"));
    }
    let lang = Lang::from_code(&request.language);
    let mut tx = ctx.db.begin().await?;
    let moved = sqlx::query(
        "UPDATE organisation_requests SET state = 'active' WHERE id = $1 AND state = 'agreement_pending'",
    )
    .bind(request.id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if moved != 1 {
        tx.rollback().await?;
        return inspect(ctx, token).await;
    }
    let admin = organisation::NewStaff {
        title: "",
        email: &request.admin_email,
        given_name: &request.admin_given_name,
        family_name: &request.admin_family_name,
        language: lang,
    };
    let joined = organisation::Joined {
        name: &request.legal_name,
        kind: &request.kind,
        address: &request.address,
        phone: &request.phone,
        responsible: &lrp_name,
        services: &request.services.0,
    };
    let created = organisation::create_joined(&mut tx, &joined, &admin, &ctx.public_url, ctx.now).await?;
    sqlx::query(
        "INSERT INTO agreement_signatures (request_id, organisation_id, agreement_id, terms_id, language, signed_name,
             signed_at, ip, user_agent)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(request.id)
    .bind(created.organisation_id)
    .bind(agreement.id)
    .bind(terms.id)
    .bind(lang.code())
    .bind(typed_name.trim())
    .bind(ctx.now)
    .bind(&ctx.meta.ip)
    .bind(&ctx.meta.user_agent)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE organisation_requests SET organisation_id = $1 WHERE id = $2")
        .bind(created.organisation_id)
        .bind(request.id)
        .execute(&mut *tx)
        .await?;
    if let Some(activation) = &created.activation {
        let expires = calendar::local_time(activation.expires_at, calendar::DEFAULT_TIMEZONE);
        let mail = notification::administrator_code_mail(
            lang,
            &request.legal_name,
            &format!("{} {}", request.admin_given_name, request.admin_family_name),
            activation.code.as_str(),
            expires,
        );
        notification::enqueue_for(&mut *tx, created.organisation_id, &request.lrp_email, &mail, ctx.now)
            .await?;
    }
    let organisation_id = Some(created.organisation_id);
    ctx.audit(
        &mut *tx,
        organisation_id,
        "organisation.agreement_signed",
        Target::Organisation(created.organisation_id),
    )
    .await?;
    tx.commit().await?;
    if created.activation.is_none() {
        // Their account exists: they are asked to join as administrator, and accept signed in.
        staff_invitation::ask(
            ctx,
            created.organisation_id,
            &request.admin_email,
            &offering::with_administration(&request.services.0),
        )
        .await?;
    }
    Ok(Link::Signed { legal_name: request.legal_name })
}

/// A signed agreement as its organisation's administrators and the operators read and print it.
#[derive(Clone, Debug)]
pub struct SignedAgreement {
    pub legal_name: String,
    pub signed_name: String,
    pub signed_at: i64,
    pub ip: String,
    pub user_agent: String,
    pub language: Lang,
    pub agreement: Document,
    pub terms: Document,
}

/// The agreement signed for the organisation (`organisation_id`) or for the request
/// (`request_id`): "not found" if none was.
pub async fn signed(db: &store::Db, by: Signer) -> DomainResult<SignedAgreement> {
    let (column, id) = match by {
        Signer::Organisation(id) => ("organisation_id", id),
        Signer::Request(id) => ("request_id", id),
    };
    let row = sqlx::query(&format!(
        "SELECT r.legal_name, s.signed_name, s.signed_at, s.ip, s.user_agent, s.language, s.agreement_id, s.terms_id
         FROM agreement_signatures s JOIN organisation_requests r ON r.id = s.request_id WHERE s.{column} = $1"
    ))
    .bind(id)
    .fetch_optional(db)
    .await?
    .ok_or(DomainError::NotFound)?;
    Ok(SignedAgreement {
        legal_name: row.try_get("legal_name")?,
        signed_name: row.try_get("signed_name")?,
        signed_at: row.try_get("signed_at")?,
        ip: row.try_get("ip")?,
        user_agent: row.try_get("user_agent")?,
        language: Lang::from_code(&row.try_get::<String, _>("language")?),
        agreement: document::by_id(db, row.try_get("agreement_id")?).await?,
        terms: document::by_id(db, row.try_get("terms_id")?).await?,
    })
}

/// Whose signed agreement.
#[derive(Clone, Copy, Debug)]
pub enum Signer {
    Organisation(i64),
    Request(i64),
}
