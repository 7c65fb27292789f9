//! Writing: starting a conversation with a care team, replying, and the email that tells the
//! other side (at most one an hour per conversation and person).
use super::{find, mark_read, Reader, Status, Summary, BODY_MAX, SUBJECT_MAX};
use crate::domain::messaging::attachment;
use crate::domain::onboarding::caregiver;
use crate::domain::store::Db;
use crate::domain::{notification, Ctx, DomainError, DomainResult};
use crate::door::{ConversationId, Door, GrantId};
use crate::i18n::Lang;
use crate::paths::Page;
use sqlx::{Any, Row};

/// At most one email per conversation per recipient in this many seconds.
pub const MAIL_EVERY_SECONDS: i64 = 3600;

/// A text someone wrote: trimmed, not empty (`required`), at most `max` characters (`too_long`).
fn checked<'t>(
    text: &'t str,
    field: &'static str,
    max: usize,
    [required, too_long]: [&'static str; 2],
) -> DomainResult<&'t str> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DomainError::invalid(field, required));
    }
    if text.chars().count() > max {
        return Err(DomainError::invalid(field, too_long));
    }
    Ok(text)
}

fn checked_subject(subject: &str) -> DomainResult<&str> {
    checked(subject, "subject", SUBJECT_MAX, ["error-subject-required", "error-subject-too-long"])
}

fn checked_body(body: &str) -> DomainResult<&str> {
    checked(body, "body", BODY_MAX, ["error-message-required", "error-message-too-long"])
}

/// A new conversation as its first author writes it.
pub struct NewConversation<'a> {
    pub team_id: i64,
    /// The patient's record (staff); the patient side finds it from the team.
    pub patient_id: Option<i64>,
    pub subject: &'a str,
    pub body: &'a str,
    /// Staff only: whether the patient may reply (`None`: the team's default).
    pub replies_allowed: Option<bool>,
    pub files: Vec<attachment::Checked>,
}

/// Starts a conversation with its first message. Staff: a member of the team, writing to a
/// patient on the team's list. The patient's side: only with a team on their list that lets
/// patients start conversations.
pub async fn start(ctx: &Ctx, reader: Reader, new: NewConversation<'_>) -> DomainResult<i64> {
    let subject = checked_subject(new.subject)?;
    let body = checked_body(new.body)?;
    let (organisation_id, patient_id, replies_by_default) = match reader {
        Reader::Staff { account_id, organisation_id } => {
            let team = crate::domain::messaging::care_team::find(&ctx.db, organisation_id, new.team_id)
                .await
                .map_err(|_| DomainError::invalid("team_id", "error-team-invalid"))?;
            if !crate::domain::messaging::care_team::is_member(&ctx.db, team.id, account_id).await? {
                return Err(DomainError::invalid("team_id", "error-team-invalid"));
            }
            // The team's list holds only its own organisation's patients (the database refuses
            // anything else), so following the patient keeps the conversation in this organisation.
            let patient_id = new.patient_id.ok_or(DomainError::NotFound)?;
            if !crate::domain::messaging::care_team::follows(&ctx.db, team.id, patient_id).await? {
                return Err(DomainError::invalid("team_id", "error-team-not-following"));
            }
            (organisation_id, patient_id, team.replies_by_default)
        }
        _ => {
            let team = startable_teams(&ctx.db, reader)
                .await?
                .into_iter()
                .find(|t| t.team_id == new.team_id)
                .ok_or(DomainError::invalid("team_id", "error-team-invalid"))?;
            (team.organisation_id, team.patient_id, true)
        }
    };
    let replies_allowed =
        if reader.is_staff() { new.replies_allowed.unwrap_or(replies_by_default) } else { true };
    let mut tx = ctx.db.begin().await?;
    let id: i64 = sqlx::query(
        "INSERT INTO conversations (organisation_id, team_id, patient_id, subject, replies_allowed, started_by, created_at, last_message_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
    )
    .bind(organisation_id)
    .bind(new.team_id)
    .bind(patient_id)
    .bind(subject)
    .bind(replies_allowed as i64)
    .bind(reader.account_id())
    .bind(ctx.now)
    .fetch_one(&mut *tx)
    .await?
    .try_get("id")?;
    let conversation = find(&mut *tx, reader, id).await?;
    conversation.audit(&reader.ctx(ctx), &mut tx, "conversation.started").await?;
    write(ctx, tx, reader, &conversation, body, new.files, replies_allowed).await?;
    Ok(id)
}

/// The teams the patient's side may start a conversation with (in organisations that offer
/// messaging).
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Startable {
    pub team_id: i64,
    pub team_name: String,
    pub organisation_id: i64,
    pub patient_id: i64,
}

pub async fn startable_teams(db: &Db, reader: Reader) -> DomainResult<Vec<Startable>> {
    let (condition, id) = match reader {
        Reader::Staff { .. } => return Ok(Vec::new()),
        Reader::Patient { account_id } => ("p.account_id = $1", account_id),
        Reader::Caregiver { patient_id, .. } => ("p.id = $1", patient_id),
    };
    Ok(sqlx::query_as(&format!(
        "SELECT t.id AS team_id, t.name AS team_name, t.organisation_id, p.id AS patient_id
         FROM patient_teams pt JOIN care_teams t ON t.id = pt.team_id JOIN patients p ON p.id = pt.patient_id
         WHERE {condition} AND t.patients_may_start <> 0 AND t.organisation_id = p.organisation_id
           AND EXISTS (SELECT 1 FROM organisation_services s
                       WHERE s.organisation_id = t.organisation_id AND s.service = 'messaging')
         ORDER BY t.name"
    ))
    .bind(id)
    .fetch_all(db)
    .await?)
}

/// Writes a message in a conversation the reader sees. The patient's side is refused (409) when
/// the conversation is closed or the team's latest message did not allow replies; staff write
/// only in an open conversation and say whether the patient may reply (`None`: the team's default).
pub async fn reply(
    ctx: &Ctx,
    reader: Reader,
    conversation_id: i64,
    body: &str,
    files: Vec<attachment::Checked>,
    replies_allowed: Option<bool>,
) -> DomainResult<()> {
    let body = checked_body(body)?;
    let mut tx = ctx.db.begin().await?;
    // Written first so that a close, or a message turning replies off, committed meanwhile is seen.
    sqlx::query("UPDATE conversations SET status = status WHERE id = $1")
        .bind(conversation_id)
        .execute(&mut *tx)
        .await?;
    let conversation = find(&mut *tx, reader, conversation_id).await?;
    if conversation.status == Status::Closed {
        return Err(DomainError::conflict(Some("body"), "error-conversation-closed"));
    }
    let replies_allowed = if reader.is_staff() {
        replies_allowed.unwrap_or(conversation.team_replies_by_default)
    } else if !conversation.replies_allowed {
        return Err(DomainError::conflict(Some("body"), "error-replies-off"));
    } else {
        true
    };
    write(ctx, tx, reader, &conversation, body, files, replies_allowed).await
}

/// Adds the message and its files, moves the conversation's latest message and the author's own
/// marker, tells the other side by email and records it, then commits.
#[allow(clippy::too_many_arguments)]
async fn write(
    ctx: &Ctx,
    mut tx: sqlx::Transaction<'_, Any>,
    reader: Reader,
    conversation: &Summary,
    body: &str,
    files: Vec<attachment::Checked>,
    replies_allowed: bool,
) -> DomainResult<()> {
    let staff_says = reader.is_staff().then_some(replies_allowed as i64);
    let message_id: i64 = sqlx::query(
        "INSERT INTO messages (conversation_id, author_id, author_role, body, replies_allowed, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(conversation.id)
    .bind(reader.account_id())
    .bind(reader.role().code())
    .bind(body)
    .bind(staff_says)
    .bind(ctx.now)
    .fetch_one(&mut *tx)
    .await?
    .try_get("id")?;
    sqlx::query(
        "UPDATE conversations SET last_message_at = $2,
                last_message_id = CASE WHEN last_message_id < $3 THEN $3 ELSE last_message_id END,
                replies_allowed = CASE WHEN $4 < 0 THEN replies_allowed ELSE $4 END
         WHERE id = $1",
    )
    .bind(conversation.id)
    .bind(ctx.now)
    .bind(message_id)
    .bind(staff_says.unwrap_or(-1))
    .execute(&mut *tx)
    .await?;
    mark_read(&mut tx, conversation.id, reader.account_id(), message_id, ctx.now).await?;
    for recipient in recipients(&ctx.db, reader, conversation, ctx.now).await? {
        tell(&mut tx, ctx, conversation, &recipient).await?;
    }
    conversation.audit(&reader.ctx(ctx), &mut tx, "message.sent").await?;
    if !files.is_empty() {
        attachment::store(&mut tx, message_id, files, ctx.now).await?;
        conversation.audit(&reader.ctx(ctx), &mut tx, "attachment.added").await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Someone to tell about a new message, and where their link leads.
#[derive(Clone, Debug, sqlx::FromRow)]
struct Recipient {
    account_id: i64,
    email: String,
    given_name: String,
    #[sqlx(try_from = "String")]
    language: Lang,
    #[sqlx(skip)]
    path: String,
}

/// The other side of the conversation, who want emails: after the team writes, the patient and
/// the caregivers who may read it; after the patient's side writes, the team's members.
async fn recipients(
    db: &Db,
    author: Reader,
    conversation: &Summary,
    now: i64,
) -> DomainResult<Vec<Recipient>> {
    const WANTS_MAIL: &str = "a.status = 'active' AND a.message_emails = 1";
    let id = ConversationId::new(conversation.id).ok_or(DomainError::NotFound)?;
    let address = |door| Page::Conversation { door, id }.href();
    if !author.is_staff() {
        let mut team: Vec<Recipient> = sqlx::query_as(&format!(
            "SELECT a.id AS account_id, a.email, a.given_name, a.language
             FROM care_team_members m JOIN accounts a ON a.id = m.account_id
             WHERE m.team_id = $1 AND {WANTS_MAIL}"
        ))
        .bind(conversation.team_id)
        .fetch_all(db)
        .await?;
        team.iter_mut().for_each(|r| r.path = address(Door::Staff));
        return Ok(team);
    }
    let mut side: Vec<Recipient> = sqlx::query_as(&format!(
        "SELECT a.id AS account_id, a.email, a.given_name, a.language
         FROM patients p JOIN accounts a ON a.id = p.account_id WHERE p.id = $1 AND {WANTS_MAIL}"
    ))
    .bind(conversation.patient_id)
    .fetch_all(db)
    .await?;
    side.iter_mut().for_each(|r| r.path = address(Door::Patient));
    if !conversation.hidden_from_caregivers {
        let grants =
            caregiver::for_patient_record(db, conversation.organisation_id, conversation.patient_id, now)
                .await?
                .into_iter()
                .filter(|g| g.in_force && g.scope.messages);
        for grant in grants {
            let (Some(caregiver_id), Some(grant)) = (grant.caregiver_account_id, GrantId::new(grant.id))
            else {
                continue;
            };
            let found: Option<Recipient> = sqlx::query_as(&format!(
                "SELECT a.id AS account_id, a.email, a.given_name, a.language FROM accounts a WHERE a.id = $1 AND {WANTS_MAIL}"
            ))
            .bind(caregiver_id)
            .fetch_optional(db)
            .await?;
            side.extend(found.map(|r| Recipient { path: address(Door::Caregiver { grant }), ..r }));
        }
    }
    Ok(side)
}

/// Queues the "new message" email unless this recipient got one for this conversation in the
/// last hour (the claim is one statement, so two messages at once send one email).
async fn tell(
    tx: &mut sqlx::Transaction<'_, Any>,
    ctx: &Ctx,
    conversation: &Summary,
    recipient: &Recipient,
) -> DomainResult<()> {
    let now = ctx.now;
    let claimed = sqlx::query(
        "INSERT INTO message_mails (conversation_id, account_id, sent_at) VALUES ($1, $2, $3)
         ON CONFLICT (conversation_id, account_id) DO UPDATE SET sent_at = excluded.sent_at
         WHERE message_mails.sent_at <= $4",
    )
    .bind(conversation.id)
    .bind(recipient.account_id)
    .bind(now)
    .bind(now - MAIL_EVERY_SECONDS)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if claimed == 1 {
        let link = ctx.link(&recipient.path);
        let mail = notification::new_message_mail(recipient.language, &recipient.given_name, &link);
        notification::enqueue_for(&mut **tx, conversation.organisation_id, &recipient.email, &mail, now)
            .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_and_messages_are_checked_in_characters() {
        assert!(matches!(
            checked_subject("  "),
            Err(DomainError::Invalid { key: "error-subject-required", .. })
        ));
        assert!(checked_subject(&"é".repeat(SUBJECT_MAX)).is_ok());
        assert!(checked_subject(&"é".repeat(SUBJECT_MAX + 1)).is_err());
        assert_eq!(checked_body("  Bonjour \n").unwrap(), "Bonjour");
        assert!(checked_body(&"é".repeat(BODY_MAX)).is_ok());
        assert!(matches!(
            checked_body(&"é".repeat(BODY_MAX + 1)),
            Err(DomainError::Invalid { key: "error-message-too-long", .. })
        ));
    }
}
