//! Secure messaging (issue #14): a conversation is between one patient and one care team. Every
//! member of the team reads it; the patient reads it, and so does a caregiver whose grant covers
//! messages, unless the patient kept that conversation from caregivers. The patient's side may
//! write only while the team's latest message allows replies and the conversation is open.
//! Nobody learns whether a message was read: each reader's unread marker is theirs alone.
//!
//! Here: who reads (`Reader`), one conversation and its thread, and what staff change on it;
//! the lists in `inbox`, writing in `writing`, what mail people want in `mail`.
use super::attachment;
use crate::domain::onboarding::caregiver::Grant;
use crate::domain::sql::Conditions;
use crate::domain::store::Db;
use crate::domain::Target;
use crate::domain::{Ctx, DomainError, DomainResult};
use crate::states::Author;
use sqlx::{Any, Row};

pub mod inbox;
pub mod mail;
pub mod writing;

pub const SUBJECT_MAX: usize = 200;
pub const BODY_MAX: usize = 10_000;
pub const PER_PAGE: i64 = 50;

/// Who reads or writes, and through which door. The api layer builds it after its own checks
/// (a staff role, a caregiver's grant covering messages); every query here narrows to what it
/// may see, so a conversation outside it is "not found".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    /// A professional or administrator: the conversations of the teams they are a member of.
    Staff { account_id: i64, organisation_id: i64 },
    /// The patient: their own conversations, in every organisation.
    Patient { account_id: i64 },
    /// A caregiver acting under a grant that covers messages.
    Caregiver { account_id: i64, patient_id: i64, patient_account_id: Option<i64>, grant_id: i64 },
}

impl Reader {
    pub fn caregiver(account_id: i64, grant: &Grant) -> Self {
        Self::Caregiver {
            account_id,
            patient_id: grant.patient_id,
            patient_account_id: grant.patient_account_id,
            grant_id: grant.id,
        }
    }

    pub fn account_id(self) -> i64 {
        match self {
            Self::Staff { account_id, .. }
            | Self::Patient { account_id }
            | Self::Caregiver { account_id, .. } => account_id,
        }
    }

    fn is_staff(self) -> bool {
        matches!(self, Self::Staff { .. })
    }

    /// What the messages table records as the author's side.
    fn role(self) -> Author {
        match self {
            Self::Staff { .. } => Author::Staff,
            Self::Patient { .. } => Author::Patient,
            Self::Caregiver { .. } => Author::Caregiver,
        }
    }

    /// The request, recorded in the audit trail for the patient when a caregiver acts.
    fn ctx(self, ctx: &Ctx) -> Ctx {
        match self {
            Self::Caregiver { patient_account_id, .. } => ctx.for_patient(patient_account_id),
            _ => ctx.clone(),
        }
    }

    /// The conversations (`c`) this reader may see.
    fn visible(self) -> Conditions {
        let mut query = Conditions::default();
        match self {
            Self::Staff { account_id, organisation_id } => {
                query.and("c.organisation_id = {}", organisation_id);
                query.and(
                    "c.team_id IN (SELECT team_id FROM care_team_members WHERE account_id = {})",
                    account_id,
                );
            }
            Self::Patient { account_id } => {
                query.and("c.patient_id IN (SELECT id FROM patients WHERE account_id = {})", account_id);
            }
            Self::Caregiver { patient_id, .. } => {
                query.and("c.patient_id = {}", patient_id);
                query.and_fixed("c.hidden_from_caregivers = 0");
            }
        }
        query
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Open,
    Closed,
}

/// A conversation in a list, and the heading of its page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub id: i64,
    pub organisation_id: i64,
    /// The organisation's name: a patient followed by several reads where each conversation is.
    pub organisation_name: String,
    pub team_id: i64,
    pub team_name: String,
    pub team_phone: String,
    /// The team's default for "the patient may reply" to a new message of theirs.
    pub team_replies_by_default: bool,
    pub patient_id: i64,
    pub patient_name: String,
    pub subject: String,
    pub status: Status,
    pub replies_allowed: bool,
    pub hidden_from_caregivers: bool,
    pub assigned_to: Option<i64>,
    pub assigned_name: Option<String>,
    pub last_message_at: i64,
    pub last_message_id: i64,
    /// The reader has not seen the latest message (their own marker).
    pub unread: bool,
}

impl Summary {
    /// Records `action` about this conversation: in the trail of its patient's file (and so in
    /// their access log), under the request's actor.
    async fn audit(
        &self,
        ctx: &Ctx,
        tx: &mut sqlx::Transaction<'_, Any>,
        action: &'static str,
    ) -> DomainResult<()> {
        ctx.audit(&mut **tx, Some(self.organisation_id), action, Target::Patient(self.patient_id)).await
    }

    fn of(row: &sqlx::any::AnyRow) -> DomainResult<Self> {
        Ok(Self {
            id: row.try_get("id")?,
            organisation_id: row.try_get("organisation_id")?,
            organisation_name: row.try_get("organisation_name")?,
            team_id: row.try_get("team_id")?,
            team_name: row.try_get("team_name")?,
            team_phone: row.try_get("team_phone")?,
            team_replies_by_default: row.try_get::<i64, _>("team_replies_by_default")? != 0,
            patient_id: row.try_get("patient_id")?,
            patient_name: row.try_get("patient_name")?,
            subject: row.try_get("subject")?,
            status: if row.try_get::<String, _>("status")? == "closed" {
                Status::Closed
            } else {
                Status::Open
            },
            replies_allowed: row.try_get::<i64, _>("replies_allowed")? != 0,
            hidden_from_caregivers: row.try_get::<i64, _>("hidden_from_caregivers")? != 0,
            assigned_to: row.try_get("assigned_to")?,
            assigned_name: row.try_get("assigned_name")?,
            last_message_at: row.try_get("last_message_at")?,
            last_message_id: row.try_get("last_message_id")?,
            unread: row.try_get::<i64, _>("last_read_id")? < row.try_get::<i64, _>("last_message_id")?,
        })
    }
}

/// The columns of `Summary` for the reader whose marker is bound at `me`.
fn summary_columns(me: &str) -> String {
    format!(
        "c.id, c.organisation_id, (SELECT o.name FROM organisations o WHERE o.id = c.organisation_id) AS organisation_name,
         c.team_id, t.name AS team_name, t.phone AS team_phone,
         t.replies_by_default AS team_replies_by_default, c.patient_id,
         p.given_name || ' ' || p.family_name AS patient_name, c.subject, c.status, c.replies_allowed,
         c.hidden_from_caregivers, c.assigned_to,
         (SELECT TRIM(a.title || ' ' || a.given_name || ' ' || a.family_name) FROM accounts a WHERE a.id = c.assigned_to) AS assigned_name,
         c.last_message_at, c.last_message_id,
         COALESCE((SELECT r.last_read_id FROM conversation_reads r WHERE r.conversation_id = c.id AND r.account_id = {me}), 0) AS last_read_id"
    )
}

const FROM: &str =
    "FROM conversations c JOIN care_teams t ON t.id = c.team_id JOIN patients p ON p.id = c.patient_id";

/// One conversation the reader may see.
async fn find<'e>(
    exec: impl sqlx::Executor<'e, Database = Any>,
    reader: Reader,
    conversation_id: i64,
) -> DomainResult<Summary> {
    let mut query = reader.visible();
    let me = query.placeholder(reader.account_id());
    let id = query.placeholder(conversation_id);
    let sql = format!("SELECT {} {FROM} WHERE {} AND c.id = {id}", summary_columns(&me), query.sql());
    let row = query.bind(sqlx::query(&sql)).fetch_optional(exec).await?.ok_or(DomainError::NotFound)?;
    Summary::of(&row)
}

/// A file sent in a conversation the reader sees ("not found" for anybody else); each download
/// is recorded in the audit trail.
pub async fn download(ctx: &Ctx, reader: Reader, attachment_id: i64) -> DomainResult<attachment::File> {
    let (conversation_id, file) = attachment::find(&ctx.db, attachment_id).await?;
    let conversation = find(&ctx.db, reader, conversation_id).await?;
    let mut tx = ctx.db.begin().await?;
    conversation.audit(&reader.ctx(ctx), &mut tx, "attachment.downloaded").await?;
    tx.commit().await?;
    Ok(file)
}

/// The newest message's id of a conversation the reader sees (an open page asks every few
/// seconds whether to show more).
pub async fn latest_message_id(db: &Db, reader: Reader, conversation_id: i64) -> DomainResult<i64> {
    Ok(find(db, reader, conversation_id).await?.last_message_id)
}

/// A message as its readers see it.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Message {
    pub id: i64,
    pub author_id: i64,
    pub author_name: String,
    #[sqlx(try_from = "String")]
    pub author_role: Author,
    /// A professional's number in the conversation's organisation.
    pub author_number: Option<String>,
    pub body: String,
    pub created_at: i64,
}

pub struct Thread {
    pub conversation: Summary,
    pub messages: Vec<Message>,
    /// The files sent with its messages.
    pub attachments: Vec<attachment::Line>,
    /// The first message the reader had not seen when they opened it, if any.
    pub first_unread: Option<i64>,
}

/// Opens a conversation: its messages, oldest first, and the reader's marker moved to the latest.
/// The first time a person opens it is recorded in the audit trail (and in the patient's access
/// log); later views are not.
pub async fn open(ctx: &Ctx, reader: Reader, conversation_id: i64) -> DomainResult<Thread> {
    let conversation = find(&ctx.db, reader, conversation_id).await?;
    let messages: Vec<Message> = sqlx::query_as(
        "SELECT m.id, m.author_id, m.author_role, m.body, m.created_at, n.number AS author_number,
                TRIM(a.title || ' ' || a.given_name || ' ' || a.family_name) AS author_name
         FROM messages m JOIN accounts a ON a.id = m.author_id
         LEFT JOIN professional_numbers n ON n.account_id = m.author_id AND n.organisation_id = $2
                                         AND m.author_role = 'staff'
         WHERE m.conversation_id = $1 ORDER BY m.id",
    )
    .bind(conversation_id)
    .bind(conversation.organisation_id)
    .fetch_all(&ctx.db)
    .await?;
    let last_read = sqlx::query(
        "SELECT last_read_id FROM conversation_reads WHERE conversation_id = $1 AND account_id = $2",
    )
    .bind(conversation_id)
    .bind(reader.account_id())
    .fetch_optional(&ctx.db)
    .await?
    .map(|row| row.try_get::<i64, _>("last_read_id"))
    .transpose()?
    .unwrap_or(0);
    let first_unread =
        messages.iter().find(|m| m.id > last_read && m.author_id != reader.account_id()).map(|m| m.id);
    let mut tx = ctx.db.begin().await?;
    if mark_read(&mut tx, conversation_id, reader.account_id(), conversation.last_message_id, ctx.now).await?
    {
        conversation.audit(&reader.ctx(ctx), &mut tx, "conversation.read").await?;
    }
    tx.commit().await?;
    let attachments = attachment::of_conversation(&ctx.db, conversation_id).await?;
    Ok(Thread { conversation, messages, attachments, first_unread })
}

/// Moves the reader's marker forward to `message_id`; true the first time they read it.
async fn mark_read(
    tx: &mut sqlx::Transaction<'_, Any>,
    conversation_id: i64,
    account_id: i64,
    message_id: i64,
    now: i64,
) -> DomainResult<bool> {
    let first = sqlx::query(
        "INSERT INTO conversation_reads (conversation_id, account_id, last_read_id, first_read_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    )
    .bind(conversation_id)
    .bind(account_id)
    .bind(message_id)
    .bind(now)
    .execute(&mut **tx)
    .await?
    .rows_affected()
        == 1;
    if !first {
        sqlx::query(
            "UPDATE conversation_reads SET last_read_id = $3
             WHERE conversation_id = $1 AND account_id = $2 AND last_read_id < $3",
        )
        .bind(conversation_id)
        .bind(account_id)
        .bind(message_id)
        .execute(&mut **tx)
        .await?;
    }
    Ok(first)
}

/// A staff member of the team closes or reopens a conversation (closed: the patient's side can
/// no longer write in it).
pub async fn set_closed(ctx: &Ctx, reader: Reader, conversation_id: i64, closed: bool) -> DomainResult<()> {
    if !reader.is_staff() {
        return Err(DomainError::NotFound);
    }
    let conversation = find(&ctx.db, reader, conversation_id).await?;
    let (status, action) =
        if closed { ("closed", "conversation.closed") } else { ("open", "conversation.reopened") };
    let mut tx = ctx.db.begin().await?;
    let changed = sqlx::query("UPDATE conversations SET status = $2 WHERE id = $1 AND status <> $2")
        .bind(conversation_id)
        .bind(status)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if changed == 1 {
        conversation.audit(ctx, &mut tx, action).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// A staff member of the team takes the conversation (or lets it go).
pub async fn assign_to_self(ctx: &Ctx, reader: Reader, conversation_id: i64, take: bool) -> DomainResult<()> {
    let Reader::Staff { account_id, .. } = reader else { return Err(DomainError::NotFound) };
    let conversation = find(&ctx.db, reader, conversation_id).await?;
    let mut tx = ctx.db.begin().await?;
    sqlx::query("UPDATE conversations SET assigned_to = $2 WHERE id = $1")
        .bind(conversation_id)
        .bind(take.then_some(account_id))
        .execute(&mut *tx)
        .await?;
    let action = if take { "conversation.assigned" } else { "conversation.unassigned" };
    conversation.audit(ctx, &mut tx, action).await?;
    tx.commit().await?;
    Ok(())
}

/// The patient keeps a conversation from their caregivers, or shows it to them again.
pub async fn set_hidden_from_caregivers(
    ctx: &Ctx,
    reader: Reader,
    conversation_id: i64,
    hidden: bool,
) -> DomainResult<()> {
    if !matches!(reader, Reader::Patient { .. }) {
        return Err(DomainError::NotFound);
    }
    let conversation = find(&ctx.db, reader, conversation_id).await?;
    let mut tx = ctx.db.begin().await?;
    sqlx::query("UPDATE conversations SET hidden_from_caregivers = $2 WHERE id = $1")
        .bind(conversation_id)
        .bind(hidden as i64)
        .execute(&mut *tx)
        .await?;
    let action =
        if hidden { "conversation.hidden_from_caregivers" } else { "conversation.shown_to_caregivers" };
    conversation.audit(ctx, &mut tx, action).await?;
    tx.commit().await?;
    Ok(())
}
