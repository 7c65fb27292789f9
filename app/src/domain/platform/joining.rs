//! An organisation asks to join the portal. A few questions first (`states::Requester::eligible`):
//! only a health information custodian may, asked by its legally responsible person (LRP) or
//! someone they delegated. Then the request (`submit`): the organisation, its LRP, the administrator they
//! designate, the services wanted. It counts once the requester confirms their email through
//! the link mailed to them (`confirm`); unconfirmed requests are discarded after 24 hours by the
//! hourly job (`discard_unconfirmed`). The Join page says how far the platform has got
//! (`processing_since`: the day the oldest request still waiting was confirmed).
//!
//! Nothing here tells a visitor which organisations exist or have asked: every valid request is
//! answered the same way.
use crate::domain::identity::account::Email;
use crate::domain::patient::profile::{required_line, required_phone};
use crate::domain::{calendar, notification, secret, Ctx, DomainError, DomainResult, Target};
use crate::i18n::Lang;
use crate::states::{NoteKind, OrganisationKind, Requester, Service};
use sqlx::Row;

/// An unconfirmed request is discarded after this long (and its link stops working).
pub const CONFIRM_WITHIN_SECONDS: i64 = 24 * 3600;

/// The request as typed in the form.
#[derive(Clone, Debug, Default)]
pub struct Typed<'a> {
    pub kind: Option<OrganisationKind>,
    pub requester: Option<Requester>,
    pub legal_name: &'a str,
    pub address: &'a str,
    pub phone: &'a str,
    pub delegate_name: &'a str,
    pub delegate_email: &'a str,
    pub lrp_given_name: &'a str,
    pub lrp_family_name: &'a str,
    pub lrp_title: &'a str,
    pub lrp_email: &'a str,
    pub lrp_phone: &'a str,
    /// The LRP is also the administrator: the administrator's fields are not read.
    pub lrp_is_admin: bool,
    pub admin_given_name: &'a str,
    pub admin_family_name: &'a str,
    pub admin_email: &'a str,
    pub admin_phone: &'a str,
    pub services: Vec<Service>,
    pub attested: bool,
}

/// A request that passed every check, its texts trimmed and its phones written the usual way.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Checked {
    kind: OrganisationKind,
    requester: Requester,
    legal_name: String,
    address: String,
    phone: String,
    delegate_name: String,
    delegate_email: String,
    lrp: Person,
    lrp_title: String,
    admin: Person,
    services: Vec<Service>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Person {
    given_name: String,
    family_name: String,
    email: String,
    phone: String,
}

fn email(raw: &str, field: &'static str) -> DomainResult<String> {
    Email::parse_as(raw, field).map(|e| e.as_str().to_string())
}

fn person(
    given_name: (&str, &'static str),
    family_name: (&str, &'static str),
    address: (&str, &'static str),
    number: (&str, &'static str),
) -> DomainResult<Person> {
    Ok(Person {
        given_name: required_line(given_name.0, given_name.1, "error-given-name-required")?,
        family_name: required_line(family_name.0, family_name.1, "error-family-name-required")?,
        email: email(address.0, address.1)?,
        phone: required_phone(number.0, number.1)?,
    })
}

/// Checks the form in the order it reads, so the first message is about the first field wrong.
fn check(typed: &Typed) -> DomainResult<Checked> {
    let kind = typed.kind.ok_or(DomainError::invalid("kind", "error-join-kind-required"))?;
    let requester =
        typed.requester.ok_or(DomainError::invalid("requester", "error-join-requester-required"))?;
    let legal_name = required_line(typed.legal_name, "legal_name", "error-join-legal-name-required")?;
    let address = required_line(typed.address, "address", "error-join-address-required")?;
    let org_phone = required_phone(typed.phone, "phone")?;
    let (delegate_name, delegate_email) = match requester {
        Requester::Delegate => (
            required_line(typed.delegate_name, "delegate_name", "error-join-delegate-name-required")?,
            email(typed.delegate_email, "delegate_email")?,
        ),
        Requester::Lrp => (String::new(), String::new()),
    };
    let lrp = person(
        (typed.lrp_given_name, "lrp_given_name"),
        (typed.lrp_family_name, "lrp_family_name"),
        (typed.lrp_email, "lrp_email"),
        (typed.lrp_phone, "lrp_phone"),
    )?;
    let lrp_title = required_line(typed.lrp_title, "lrp_title", "error-join-title-required")?;
    let admin = if typed.lrp_is_admin {
        lrp.clone()
    } else {
        person(
            (typed.admin_given_name, "admin_given_name"),
            (typed.admin_family_name, "admin_family_name"),
            (typed.admin_email, "admin_email"),
            (typed.admin_phone, "admin_phone"),
        )?
    };
    // Administration comes with every organisation: asking for it alone asks for nothing.
    if typed.services.iter().all(|s| *s == Service::Administration) {
        return Err(DomainError::invalid("services", "error-join-services-required"));
    }
    if !typed.attested {
        return Err(DomainError::invalid("attested", "error-join-attestation-required"));
    }
    let mut services = typed.services.clone();
    services.sort_by_key(|s| s.code());
    services.dedup();
    Ok(Checked {
        kind,
        requester,
        legal_name,
        address,
        phone: org_phone,
        delegate_name,
        delegate_email,
        lrp,
        lrp_title,
        admin,
        services,
    })
}

/// Records the request and mails its confirmation link to the requester (the LRP, or the
/// delegate who filled it) in `lang`. Returns the address the link went to.
pub async fn submit(ctx: &Ctx, typed: &Typed<'_>, lang: Lang) -> DomainResult<String> {
    let checked = check(typed)?;
    let (token, token_hash) = secret::new_token();
    let requester_email = match checked.requester {
        Requester::Lrp => checked.lrp.email.clone(),
        Requester::Delegate => checked.delegate_email.clone(),
    };
    let services: Vec<&str> = checked.services.iter().map(|s| s.code()).collect();
    let mut tx = ctx.db.begin().await?;
    let id: i64 = sqlx::query(
        "INSERT INTO organisation_requests (state, kind, legal_name, address, phone, requester,
             delegate_name, delegate_email, lrp_given_name, lrp_family_name, lrp_title, lrp_email, lrp_phone,
             admin_given_name, admin_family_name, admin_email, admin_phone, services, language,
             confirm_token_hash, created_at)
         VALUES ('unconfirmed', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
         RETURNING id",
    )
    .bind(checked.kind.code())
    .bind(&checked.legal_name)
    .bind(&checked.address)
    .bind(&checked.phone)
    .bind(checked.requester.code())
    .bind(&checked.delegate_name)
    .bind(&checked.delegate_email)
    .bind(&checked.lrp.given_name)
    .bind(&checked.lrp.family_name)
    .bind(&checked.lrp_title)
    .bind(&checked.lrp.email)
    .bind(&checked.lrp.phone)
    .bind(&checked.admin.given_name)
    .bind(&checked.admin.family_name)
    .bind(&checked.admin.email)
    .bind(&checked.admin.phone)
    .bind(services.join(","))
    .bind(lang.code())
    .bind(&token_hash)
    .bind(ctx.now)
    .fetch_one(&mut *tx)
    .await?
    .try_get("id")?;
    let link = ctx.link(&format!("/join/confirm/{token}"));
    let mail = notification::organisation_request_confirmation_mail(lang, &checked.legal_name, &link);
    notification::enqueue(&mut *tx, &requester_email, &mail, ctx.now).await?;
    ctx.audit(&mut *tx, None, "organisation-request.submitted", Target::OrganisationRequest(id)).await?;
    tx.commit().await?;
    Ok(requester_email)
}

/// Where a confirmation link stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Link {
    /// The request of `legal_name` waits for this confirmation.
    Waiting { legal_name: String },
    /// Already confirmed (a second click, another tab): the request counts.
    Confirmed { legal_name: String },
    /// No such link, or its request was discarded or has expired.
    Unusable,
}

pub async fn inspect(ctx: &Ctx, token: &str) -> DomainResult<Link> {
    let row = sqlx::query(
        "SELECT legal_name, state, created_at FROM organisation_requests WHERE confirm_token_hash = $1",
    )
    .bind(secret::hash_token(token))
    .fetch_optional(&ctx.db)
    .await?;
    let Some(row) = row else { return Ok(Link::Unusable) };
    let (legal_name, state, created_at): (String, String, i64) =
        (row.try_get("legal_name")?, row.try_get("state")?, row.try_get("created_at")?);
    Ok(match state.as_str() {
        "unconfirmed" if ctx.now - created_at > CONFIRM_WITHIN_SECONDS => Link::Unusable,
        "unconfirmed" => Link::Waiting { legal_name },
        _ => Link::Confirmed { legal_name },
    })
}

/// The requester confirms their email: the request now waits for the platform's decision. A
/// link already used confirms nothing more and is not an error.
pub async fn confirm(ctx: &Ctx, token: &str) -> DomainResult<Link> {
    let mut tx = ctx.db.begin().await?;
    let confirmed = sqlx::query(
        "UPDATE organisation_requests SET state = 'submitted', confirmed_at = $2
         WHERE confirm_token_hash = $1 AND state = 'unconfirmed' AND created_at >= $3
         RETURNING id, legal_name",
    )
    .bind(secret::hash_token(token))
    .bind(ctx.now)
    .bind(ctx.now - CONFIRM_WITHIN_SECONDS)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = confirmed else {
        tx.rollback().await?;
        return inspect(ctx, token).await;
    };
    let id: i64 = row.try_get("id")?;
    ctx.audit(&mut *tx, None, "organisation-request.confirmed", Target::OrganisationRequest(id)).await?;
    tx.commit().await?;
    Ok(Link::Confirmed { legal_name: row.try_get("legal_name")? })
}

/// Where the link that answers an operator's question stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerLink {
    /// The request of `legal_name` waits for the answer to `question`.
    Open { legal_name: String, question: String },
    /// Answered already (a second tab, the back button): the request waits for the operator.
    Answered { legal_name: String },
    /// No such link, or a newer question or a decision replaced it.
    Unusable,
}

pub async fn answer_link(ctx: &Ctx, token: &str) -> DomainResult<AnswerLink> {
    let row = sqlx::query(
        "SELECT r.legal_name, r.state,
                (SELECT n.body FROM organisation_request_notes n
                  WHERE n.request_id = r.id AND n.kind = 'question' ORDER BY n.id DESC LIMIT 1) AS question
         FROM organisation_requests r WHERE r.answer_token_hash = $1",
    )
    .bind(secret::hash_token(token))
    .fetch_optional(&ctx.db)
    .await?;
    let Some(row) = row else { return Ok(AnswerLink::Unusable) };
    let legal_name: String = row.try_get("legal_name")?;
    Ok(match row.try_get::<String, _>("state")?.as_str() {
        "information_requested" => AnswerLink::Open {
            legal_name,
            question: row.try_get::<Option<String>, _>("question")?.unwrap_or_default(),
        },
        "submitted" => AnswerLink::Answered { legal_name },
        _ => AnswerLink::Unusable,
    })
}

/// The requester answers the operator's question: the request waits for a decision again, in its
/// place by the date it was first received.
pub async fn answer(ctx: &Ctx, token: &str, text: &str) -> DomainResult<AnswerLink> {
    let text = super::review::note(text, "answer", "error-join-answer-required")?;
    let mut tx = ctx.db.begin().await?;
    let answered = sqlx::query(
        "UPDATE organisation_requests SET state = 'submitted'
         WHERE answer_token_hash = $1 AND state = 'information_requested' RETURNING id, legal_name",
    )
    .bind(secret::hash_token(token))
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = answered else {
        tx.rollback().await?;
        return match answer_link(ctx, token).await? {
            AnswerLink::Unusable => Ok(AnswerLink::Unusable),
            _ => Err(DomainError::conflict(None, "error-answer-already-sent")),
        };
    };
    let id: i64 = row.try_get("id")?;
    super::review::add_note(&mut *tx, id, NoteKind::Answer, None, &text, ctx.now).await?;
    ctx.audit(&mut *tx, None, "organisation-request.answered", Target::OrganisationRequest(id)).await?;
    tx.commit().await?;
    Ok(AnswerLink::Answered { legal_name: row.try_get("legal_name")? })
}

/// Deletes the requests nobody confirmed within 24 hours (the hourly job); returns how many.
pub async fn discard_unconfirmed(ctx: &Ctx) -> DomainResult<u64> {
    let discarded =
        sqlx::query("DELETE FROM organisation_requests WHERE state = 'unconfirmed' AND created_at < $1")
            .bind(ctx.now - CONFIRM_WITHIN_SECONDS)
            .execute(&ctx.db)
            .await?
            .rows_affected();
    Ok(discarded)
}

/// "Today we are processing requests received on or before …": the local day the oldest request
/// still waiting for a decision was confirmed, or today when none waits.
pub async fn processing_since(ctx: &Ctx) -> DomainResult<chrono::NaiveDate> {
    let oldest: Option<i64> = sqlx::query(
        "SELECT MIN(confirmed_at) AS oldest FROM organisation_requests WHERE state IN ('submitted', 'information_requested')",
    )
    .fetch_one(&ctx.db)
    .await?
    .try_get("oldest")?;
    Ok(calendar::local_date(oldest.unwrap_or(ctx.now), calendar::DEFAULT_TIMEZONE))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete() -> Typed<'static> {
        Typed {
            kind: Some(OrganisationKind::Clinic),
            requester: Some(Requester::Lrp),
            legal_name: " Clinique du Parc inc. ",
            address: "123, rue du Parc, Montréal (Québec) H2X 1Y4",
            phone: "514 555 0100",
            lrp_given_name: "Hélène",
            lrp_family_name: "Gagnon",
            lrp_title: "Directrice médicale",
            lrp_email: "helene.gagnon@example.org",
            lrp_phone: "(514) 555-0101",
            lrp_is_admin: false,
            admin_given_name: "Luc",
            admin_family_name: "Roy",
            admin_email: "luc.roy@example.org",
            admin_phone: "514-555-0102",
            services: vec![Service::Messaging, Service::Invitations, Service::Messaging],
            attested: true,
            ..Typed::default()
        }
    }

    fn refusal(typed: &Typed) -> Option<&'static str> {
        match check(typed) {
            Err(DomainError::Invalid { field, .. }) => field,
            _ => None,
        }
    }

    #[test]
    fn a_complete_request_is_trimmed_and_its_phones_written_the_usual_way() {
        let checked = check(&complete()).unwrap();
        assert_eq!(checked.legal_name, "Clinique du Parc inc.");
        assert_eq!(checked.phone, "514-555-0100");
        assert_eq!(checked.lrp.phone, "514-555-0101");
        assert_eq!(checked.services, vec![Service::Invitations, Service::Messaging], "once each");
        assert_eq!(checked.delegate_email, "", "the LRP asks: no delegate");
    }

    #[test]
    fn the_lrp_may_be_the_administrator() {
        let typed = Typed { lrp_is_admin: true, admin_given_name: "", admin_email: "not read", ..complete() };
        let checked = check(&typed).unwrap();
        assert_eq!(checked.admin, checked.lrp);
    }

    #[test]
    fn each_missing_or_wrong_field_is_named() {
        let cases: Vec<(Typed, &str)> = vec![
            (Typed { kind: None, ..complete() }, "kind"),
            (Typed { legal_name: "  ", ..complete() }, "legal_name"),
            (Typed { address: "", ..complete() }, "address"),
            (Typed { phone: "", ..complete() }, "phone"),
            (Typed { phone: "call me", ..complete() }, "phone"),
            (Typed { requester: Some(Requester::Delegate), ..complete() }, "delegate_name"),
            (
                Typed {
                    requester: Some(Requester::Delegate),
                    delegate_name: "Ana Lima",
                    delegate_email: "ana@",
                    ..complete()
                },
                "delegate_email",
            ),
            (Typed { lrp_given_name: "", ..complete() }, "lrp_given_name"),
            (Typed { lrp_email: "helene", ..complete() }, "lrp_email"),
            (Typed { lrp_title: "", ..complete() }, "lrp_title"),
            (Typed { admin_family_name: "", ..complete() }, "admin_family_name"),
            (Typed { admin_phone: "12", ..complete() }, "admin_phone"),
            (Typed { services: vec![], ..complete() }, "services"),
            (Typed { services: vec![Service::Administration], ..complete() }, "services"),
            (Typed { attested: false, ..complete() }, "attested"),
            (Typed { legal_name: "Clinique\u{0}", ..complete() }, "legal_name"),
        ];
        for (typed, field) in cases {
            assert_eq!(refusal(&typed), Some(field), "{typed:?}");
        }
        let long = "x".repeat(crate::domain::patient::profile::LINE_MAX + 1);
        assert_eq!(refusal(&Typed { legal_name: &long, ..complete() }), Some("legal_name"));
    }
}
