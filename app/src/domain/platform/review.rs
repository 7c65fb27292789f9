//! The operator's side of organisations' requests to join: the requests by state, oldest first,
//! one request with what was said about it, and the decision — approve, refuse with a reason, or
//! ask the requester for information (mailed with a link they answer through,
//! `joining::answer`). Only a request still waiting may be decided, and two operators deciding
//! at once cannot both win: the state moves in one statement that checks it.
use crate::domain::{notification, secret, store, Ctx, DomainError, DomainResult, Target};
use crate::i18n::Lang;
use crate::states::{NoteKind, OrganisationKind, RequestState, Requester, Service};
use sqlx::Row;

/// The longest reason or question an operator writes, and the longest answer taken.
pub const NOTE_MAX: usize = 4000;

/// A request as the console lists it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Listed {
    pub id: i64,
    pub legal_name: String,
    #[sqlx(try_from = "String")]
    pub kind: OrganisationKind,
    /// When its requester confirmed it: the date it was received.
    pub received_at: i64,
}

/// The requests in `state`, the oldest first (the order they are processed in).
pub async fn list(db: &store::Db, state: RequestState) -> DomainResult<Vec<Listed>> {
    Ok(sqlx::query_as(
        "SELECT id, legal_name, kind, confirmed_at AS received_at FROM organisation_requests
         WHERE state = $1 AND confirmed_at IS NOT NULL ORDER BY confirmed_at, id",
    )
    .bind(state.code())
    .fetch_all(db)
    .await?)
}

/// How many requests each listed state holds (a state without any is absent).
pub async fn counts(db: &store::Db) -> DomainResult<Vec<(RequestState, i64)>> {
    let rows = sqlx::query(
        "SELECT state, COUNT(*) AS n FROM organisation_requests WHERE confirmed_at IS NOT NULL GROUP BY state",
    )
    .fetch_all(db)
    .await?;
    let mut counts = Vec::new();
    for row in rows {
        if let Some(state) = RequestState::parse(&row.try_get::<String, _>("state")?) {
            counts.push((state, row.try_get("n")?));
        }
    }
    Ok(counts)
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Note {
    #[sqlx(try_from = "String")]
    pub kind: NoteKind,
    /// The operator who wrote it; `None` for the requester.
    pub author: Option<String>,
    pub body: String,
    #[sqlx(rename = "created_at")]
    pub at: i64,
}

/// One person a request names.
#[derive(Clone, Debug)]
pub struct Named {
    pub given_name: String,
    pub family_name: String,
    pub email: String,
    pub phone: String,
}

/// A request with everything its requester typed and what was said since.
#[derive(Clone, Debug)]
pub struct Request {
    pub id: i64,
    pub state: RequestState,
    pub kind: OrganisationKind,
    pub legal_name: String,
    pub address: String,
    pub phone: String,
    pub requester: Requester,
    pub delegate_name: String,
    pub delegate_email: String,
    pub lrp: Named,
    pub lrp_title: String,
    pub admin: Named,
    pub services: Vec<Service>,
    pub language: Lang,
    pub received_at: i64,
    pub decided_at: Option<i64>,
    pub decided_by: Option<String>,
    pub notes: Vec<Note>,
}

/// One confirmed request; an unconfirmed one does not exist for the operator.
pub async fn one(db: &store::Db, id: i64) -> DomainResult<Request> {
    let row = sqlx::query(
        "SELECT r.*, d.given_name || ' ' || d.family_name AS decider FROM organisation_requests r
         LEFT JOIN accounts d ON d.id = r.decided_by
         WHERE r.id = $1 AND r.confirmed_at IS NOT NULL",
    )
    .bind(id)
    .fetch_optional(db)
    .await?
    .ok_or(DomainError::NotFound)?;
    let named = |prefix: &str| -> DomainResult<Named> {
        Ok(Named {
            given_name: row.try_get(format!("{prefix}_given_name").as_str())?,
            family_name: row.try_get(format!("{prefix}_family_name").as_str())?,
            email: row.try_get(format!("{prefix}_email").as_str())?,
            phone: row.try_get(format!("{prefix}_phone").as_str())?,
        })
    };
    let unknown = |_| DomainError::Db(sqlx::Error::Decode("unknown code".into()));
    let services: String = row.try_get("services")?;
    let notes = sqlx::query_as(
        "SELECT n.kind, n.body, n.created_at, a.given_name || ' ' || a.family_name AS author
         FROM organisation_request_notes n LEFT JOIN accounts a ON a.id = n.author_id
         WHERE n.request_id = $1 ORDER BY n.id",
    )
    .bind(id)
    .fetch_all(db)
    .await?;
    Ok(Request {
        id,
        state: RequestState::try_from(row.try_get::<String, _>("state")?).map_err(unknown)?,
        kind: OrganisationKind::try_from(row.try_get::<String, _>("kind")?).map_err(unknown)?,
        legal_name: row.try_get("legal_name")?,
        address: row.try_get("address")?,
        phone: row.try_get("phone")?,
        requester: Requester::parse(&row.try_get::<String, _>("requester")?).unwrap_or(Requester::Lrp),
        delegate_name: row.try_get("delegate_name")?,
        delegate_email: row.try_get("delegate_email")?,
        lrp: named("lrp")?,
        lrp_title: row.try_get("lrp_title")?,
        admin: named("admin")?,
        services: services.split(',').filter_map(Service::parse).collect(),
        language: Lang::from_code(&row.try_get::<String, _>("language")?),
        received_at: row.try_get("confirmed_at")?,
        decided_at: row.try_get("decided_at")?,
        decided_by: row.try_get("decider")?,
        notes,
    })
}

/// The operator's decision on a request still waiting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Refuse {
        reason: String,
    },
    /// Ask the requester a question; the request waits for their answer.
    Ask {
        question: String,
    },
}

/// A reason, a question or an answer: required, bounded, kept as written (line breaks too).
pub(super) fn note(raw: &str, field: &'static str, missing: &'static str) -> DomainResult<String> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(DomainError::invalid(field, missing));
    }
    if text.chars().count() > NOTE_MAX {
        return Err(DomainError::invalid(field, "error-note-too-long"));
    }
    Ok(text.to_string())
}

/// Adds what `author` (an operator; `None` for the requester) said about request `id`.
pub(super) async fn add_note<'e>(
    exec: impl sqlx::Executor<'e, Database = sqlx::Any>,
    id: i64,
    kind: NoteKind,
    author: Option<i64>,
    body: &str,
    now: i64,
) -> DomainResult<()> {
    sqlx::query(
        "INSERT INTO organisation_request_notes (request_id, kind, author_id, body, created_at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(kind.code())
    .bind(author)
    .bind(body)
    .bind(now)
    .execute(exec)
    .await?;
    Ok(())
}

/// Records the decision of the operator `ctx.actor` on request `id` and mails the requester in
/// the request's language: approved, refused with the reason, or the question with the link to
/// answer it. 409 when the request no longer waits (another operator decided first).
pub async fn decide(ctx: &Ctx, id: i64, decision: Decision) -> DomainResult<RequestState> {
    let (state, action, written) = match decision {
        Decision::Approve => (RequestState::AgreementPending, "organisation-request.approved", None),
        Decision::Refuse { reason } => (
            RequestState::Refused,
            "organisation-request.refused",
            Some((NoteKind::Refusal, note(&reason, "reason", "error-reason-required")?)),
        ),
        Decision::Ask { question } => (
            RequestState::InformationRequested,
            "organisation-request.information_requested",
            Some((NoteKind::Question, note(&question, "question", "error-question-required")?)),
        ),
    };
    // A question comes with the requester's link to answer it, an approval with the LRP's link
    // to the agreement.
    let (token, token_hash) = secret::new_token();
    let (answer_hash, agreement_hash) = match state {
        RequestState::InformationRequested => (Some(token_hash), None),
        RequestState::AgreementPending => (None, Some(token_hash)),
        _ => (None, None),
    };
    let mut tx = ctx.db.begin().await?;
    let moved = sqlx::query(
        "UPDATE organisation_requests
         SET state = $1, decided_at = $2, decided_by = $3, answer_token_hash = $4, agreement_token_hash = $5
         WHERE id = $6 AND state IN ('submitted', 'information_requested')
         RETURNING legal_name, language, requester, lrp_email, lrp_given_name, delegate_email",
    )
    .bind(state.code())
    .bind(ctx.now)
    .bind(ctx.actor)
    .bind(&answer_hash)
    .bind(&agreement_hash)
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = moved else {
        tx.rollback().await?;
        // Unknown (404), or decided meanwhile (409: the page shows the decision made).
        one(&ctx.db, id).await?;
        return Err(DomainError::conflict(None, "error-request-already-decided"));
    };
    let legal_name: String = row.try_get("legal_name")?;
    let lang = Lang::from_code(&row.try_get::<String, _>("language")?);
    let lrp_email: String = row.try_get("lrp_email")?;
    let delegate = Requester::parse(&row.try_get::<String, _>("requester")?) == Some(Requester::Delegate);
    let requester_email: String = if delegate { row.try_get("delegate_email")? } else { lrp_email.clone() };
    if let Some((kind, body)) = &written {
        add_note(&mut *tx, id, *kind, ctx.actor, body, ctx.now).await?;
    }
    let text = written.as_ref().map(|(_, body)| body.as_str()).unwrap_or_default();
    let to_requester = match state {
        RequestState::InformationRequested => Some(notification::organisation_request_question_mail(
            lang,
            &legal_name,
            text,
            &ctx.link(&format!("/join/answer/{token}")),
        )),
        RequestState::Refused => {
            Some(notification::organisation_request_refused_mail(lang, &legal_name, text))
        }
        _ => {
            let lrp_name: String = row.try_get("lrp_given_name")?;
            let link = ctx.link(&format!("/join/agreement/{token}?lang={}", lang.code()));
            let agreement = notification::organisation_agreement_mail(lang, &lrp_name, &legal_name, &link);
            notification::enqueue(&mut *tx, &lrp_email, &agreement, ctx.now).await?;
            // The LRP's mail says it is approved; a delegate who asked is told too.
            delegate.then(|| notification::organisation_request_approved_mail(lang, &legal_name))
        }
    };
    if let Some(mail) = to_requester {
        notification::enqueue(&mut *tx, &requester_email, &mail, ctx.now).await?;
    }
    ctx.audit(&mut *tx, None, action, Target::OrganisationRequest(id)).await?;
    tx.commit().await?;
    Ok(state)
}
