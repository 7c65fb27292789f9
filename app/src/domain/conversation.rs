//! Secure messaging (issue #14): a conversation is between one patient and one care team. Every
//! member of the team reads it; the patient reads it, and so does a caregiver whose grant covers
//! messages, unless the patient kept that conversation from caregivers. The patient's side may
//! write only while the team's latest message allows replies and the conversation is open.
//! Nobody learns whether a message was read: each reader's unread marker is theirs alone.
use super::caregiver::{self, Grant};
use super::store::{Db, Paging};
use super::{attachment, notification, Ctx, DomainError, DomainResult};
use crate::i18n::Lang;
use sqlx::{Any, Row};

pub const SUBJECT_MAX: usize = 200;
pub const BODY_MAX: usize = 10_000;
pub const PER_PAGE: i64 = 50;
/// At most one email per conversation per recipient in this many seconds.
pub const MAIL_EVERY_SECONDS: i64 = 3600;

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
    fn role(self) -> &'static str {
        match self {
            Self::Staff { .. } => "staff",
            Self::Patient { .. } => "patient",
            Self::Caregiver { .. } => "caregiver",
        }
    }

    /// The request, recorded in the audit trail for the patient when a caregiver acts.
    fn ctx(self, ctx: &Ctx) -> Ctx {
        match self {
            Self::Caregiver { patient_account_id, .. } => ctx.for_patient(patient_account_id),
            _ => ctx.clone(),
        }
    }

    /// The conversations (`c`) this reader may see, as conditions on `Query`.
    fn visible(self) -> Query {
        let mut query = Query::default();
        match self {
            Self::Staff { account_id, organisation_id } => {
                query.and("c.organisation_id = ", Value::Int(organisation_id));
                query.and(
                    "c.team_id IN (SELECT team_id FROM care_team_members WHERE account_id = ",
                    Value::Int(account_id),
                );
                query.sql.push(')');
            }
            Self::Patient { account_id } => {
                query.and(
                    "c.patient_id IN (SELECT id FROM patients WHERE account_id = ",
                    Value::Int(account_id),
                );
                query.sql.push(')');
            }
            Self::Caregiver { patient_id, .. } => {
                query.and("c.patient_id = ", Value::Int(patient_id));
                query.sql.push_str(" AND c.hidden_from_caregivers = 0");
            }
        }
        query
    }
}

#[derive(Clone, Debug)]
enum Value {
    Int(i64),
    Text(String),
}

/// Conditions joined by AND, with the values they bind in order (`$1`, `$2`, …).
#[derive(Default)]
struct Query {
    sql: String,
    values: Vec<Value>,
}

impl Query {
    fn and(&mut self, condition: &str, value: Value) {
        self.values.push(value);
        if !self.sql.is_empty() {
            self.sql.push_str(" AND ");
        }
        self.sql.push_str(&format!("{condition}${}", self.values.len()));
    }

    /// The placeholder of a value bound after this query's own.
    fn next(&mut self, value: Value) -> String {
        self.values.push(value);
        format!("${}", self.values.len())
    }

    fn bind<'q>(
        &'q self,
        mut query: sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>>,
    ) -> sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>> {
        for value in &self.values {
            query = match value {
                Value::Int(n) => query.bind(*n),
                Value::Text(text) => query.bind(text.as_str()),
            };
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
        ctx.audit(&mut **tx, Some(self.organisation_id), action, format!("patient:{}", self.patient_id)).await
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

/// What a list's count and page select from: the conversations alone (the team inbox reads them
/// from `conversations_inbox` without visiting a row), with their patients for a search, and with
/// the reader's markers (`me`) for the unread ones — joined, so that PostgreSQL matches them all at
/// once rather than looking each one up.
fn selected_from(filter: Filter, search: &str, me: &str) -> String {
    let mut from = String::from("FROM conversations c");
    if search.split_whitespace().next().is_some() {
        from.push_str(" JOIN patients p ON p.id = c.patient_id");
    }
    if filter == Filter::Unread {
        from.push_str(&format!(
            " LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.account_id = {me}"
        ));
    }
    from
}

/// Which conversations a list shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Filter {
    #[default]
    All,
    Unread,
    /// Assigned to the reader (staff).
    Mine,
}

impl Filter {
    pub fn parse(code: &str) -> Self {
        match code {
            "unread" => Self::Unread,
            "mine" => Self::Mine,
            _ => Self::All,
        }
    }
}

/// What a list or a count selects (from `selected_from`), the reader's marker bound as the first
/// value after its own.
fn selection(reader: Reader, filter: Filter, search: &str) -> (Query, String) {
    let mut query = reader.visible();
    let me = query.next(Value::Int(reader.account_id()));
    match filter {
        Filter::All => {}
        Filter::Unread => query.sql.push_str(" AND c.last_message_id > COALESCE(r.last_read_id, 0)"),
        Filter::Mine => query.sql.push_str(&format!(" AND c.assigned_to = {me}")),
    }
    for word in search.split_whitespace().take(3) {
        let pattern = format!("%{}%", word.to_lowercase().replace(['%', '_', '\\'], ""));
        let searched = if reader.is_staff() {
            "lower(c.subject || ' ' || p.given_name || ' ' || p.family_name)"
        } else {
            "lower(c.subject)"
        };
        let at = query.next(Value::Text(pattern));
        query.sql.push_str(&format!(" AND {searched} LIKE {at}"));
    }
    (query, me)
}

pub struct Page {
    pub conversations: Vec<Summary>,
    pub total: i64,
    pub paging: Paging,
}

/// One page (from 1) of the conversations the reader sees, newest message first: the page's ids
/// first, then only their details.
pub async fn list(db: &Db, reader: Reader, filter: Filter, search: &str, page: i64) -> DomainResult<Page> {
    let (mut query, me) = selection(reader, filter, search);
    let from = selected_from(filter, search, &me);
    let total: i64 = query
        .bind(sqlx::query(&format!("SELECT COUNT(*) AS n {from} WHERE {}", query.sql)))
        .fetch_one(db)
        .await?
        .try_get("n")?;
    let paging = Paging::of(total, PER_PAGE, page);
    let (limit, offset) = (query.next(Value::Int(PER_PAGE)), query.next(Value::Int(paging.offset)));
    const NEWEST_FIRST: &str = "ORDER BY c.last_message_at DESC, c.id DESC";
    let sql = format!(
        "SELECT {} {FROM} WHERE c.id IN (SELECT c.id {from} WHERE {} {NEWEST_FIRST} LIMIT {limit} OFFSET {offset})
         {NEWEST_FIRST}",
        summary_columns(&me),
        query.sql
    );
    let rows = query.bind(sqlx::query(&sql)).fetch_all(db).await?;
    let conversations = rows.iter().map(Summary::of).collect::<DomainResult<_>>()?;
    Ok(Page { conversations, total, paging })
}

/// How many conversations have a message the reader has not seen (header and home page).
pub async fn unread_count(db: &Db, reader: Reader) -> DomainResult<i64> {
    let (query, me) = selection(reader, Filter::Unread, "");
    let from = selected_from(Filter::Unread, "", &me);
    Ok(query
        .bind(sqlx::query(&format!("SELECT COUNT(*) AS n {from} WHERE {}", query.sql)))
        .fetch_one(db)
        .await?
        .try_get("n")?)
}

/// One conversation the reader may see.
async fn find<'e>(
    exec: impl sqlx::Executor<'e, Database = Any>,
    reader: Reader,
    conversation_id: i64,
) -> DomainResult<Summary> {
    let mut query = reader.visible();
    let me = query.next(Value::Int(reader.account_id()));
    let id = query.next(Value::Int(conversation_id));
    let sql = format!("SELECT {} {FROM} WHERE {} AND c.id = {id}", summary_columns(&me), query.sql);
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
    /// `staff`, `patient` or `caregiver`.
    pub author_role: String,
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
pub async fn start(
    ctx: &Ctx,
    reader: Reader,
    new: NewConversation<'_>,
    public_url: &str,
) -> DomainResult<i64> {
    let subject = checked_subject(new.subject)?;
    let body = checked_body(new.body)?;
    let (organisation_id, patient_id, replies_by_default) = match reader {
        Reader::Staff { account_id, organisation_id } => {
            let team = super::care_team::find(&ctx.db, organisation_id, new.team_id)
                .await
                .map_err(|_| DomainError::invalid("team_id", "error-team-invalid"))?;
            if !super::care_team::is_member(&ctx.db, team.id, account_id).await? {
                return Err(DomainError::invalid("team_id", "error-team-invalid"));
            }
            // The team's list holds only its own organisation's patients (the database refuses
            // anything else), so following the patient keeps the conversation in this organisation.
            let patient_id = new.patient_id.ok_or(DomainError::NotFound)?;
            if !super::care_team::follows(&ctx.db, team.id, patient_id).await? {
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
    write(ctx, tx, reader, &conversation, body, new.files, replies_allowed, public_url).await?;
    Ok(id)
}

/// The teams the patient's side may start a conversation with.
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
         WHERE {condition} AND t.patients_may_start <> 0 AND t.organisation_id = p.organisation_id ORDER BY t.name"
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
    public_url: &str,
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
    write(ctx, tx, reader, &conversation, body, files, replies_allowed, public_url).await
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
    public_url: &str,
) -> DomainResult<()> {
    let staff_says = reader.is_staff().then_some(replies_allowed as i64);
    let message_id: i64 = sqlx::query(
        "INSERT INTO messages (conversation_id, author_id, author_role, body, replies_allowed, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(conversation.id)
    .bind(reader.account_id())
    .bind(reader.role())
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
        tell(&mut tx, conversation, &recipient, public_url, ctx.now).await?;
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
    let id = conversation.id;
    if !author.is_staff() {
        let mut team: Vec<Recipient> = sqlx::query_as(&format!(
            "SELECT a.id AS account_id, a.email, a.given_name, a.language
             FROM care_team_members m JOIN accounts a ON a.id = m.account_id
             WHERE m.team_id = $1 AND {WANTS_MAIL}"
        ))
        .bind(conversation.team_id)
        .fetch_all(db)
        .await?;
        team.iter_mut().for_each(|r| r.path = format!("/staff/conversations/{id}"));
        return Ok(team);
    }
    let mut side: Vec<Recipient> = sqlx::query_as(&format!(
        "SELECT a.id AS account_id, a.email, a.given_name, a.language
         FROM patients p JOIN accounts a ON a.id = p.account_id WHERE p.id = $1 AND {WANTS_MAIL}"
    ))
    .bind(conversation.patient_id)
    .fetch_all(db)
    .await?;
    side.iter_mut().for_each(|r| r.path = format!("/messages/{id}"));
    if !conversation.hidden_from_caregivers {
        let grants =
            caregiver::for_patient_record(db, conversation.organisation_id, conversation.patient_id, now)
                .await?
                .into_iter()
                .filter(|g| g.in_force && g.scope.messages);
        for grant in grants {
            let Some(caregiver_id) = grant.caregiver_account_id else { continue };
            let found: Option<Recipient> = sqlx::query_as(&format!(
                "SELECT a.id AS account_id, a.email, a.given_name, a.language FROM accounts a WHERE a.id = $1 AND {WANTS_MAIL}"
            ))
            .bind(caregiver_id)
            .fetch_optional(db)
            .await?;
            side.extend(found.map(|r| Recipient { path: format!("/for/{}/messages/{id}", grant.id), ..r }));
        }
    }
    Ok(side)
}

/// Queues the "new message" email unless this recipient got one for this conversation in the
/// last hour (the claim is one statement, so two messages at once send one email).
async fn tell(
    tx: &mut sqlx::Transaction<'_, Any>,
    conversation: &Summary,
    recipient: &Recipient,
    public_url: &str,
    now: i64,
) -> DomainResult<()> {
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
        let link = format!("{}{}", public_url.trim_end_matches('/'), recipient.path);
        let mail = notification::new_message_mail(recipient.language, &recipient.given_name, &link);
        notification::enqueue_for(&mut **tx, conversation.organisation_id, &recipient.email, &mail, now)
            .await?;
    }
    Ok(())
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

/// How a person hears of new messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailChoice {
    /// No email.
    Off,
    /// An email when a message arrives, at most one per conversation per hour (the default).
    Each,
    /// One summary a day of the conversations with unread messages (staff).
    Daily,
}

impl MailChoice {
    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "off" => Some(Self::Off),
            "each" => Some(Self::Each),
            "daily" => Some(Self::Daily),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Off => "off",
            Self::Each => "each",
            Self::Daily => "daily",
        }
    }

    /// The stored number (`accounts.message_emails`).
    fn stored(self) -> i64 {
        match self {
            Self::Off => 0,
            Self::Each => 1,
            Self::Daily => 2,
        }
    }
}

pub async fn mail_choice(db: &Db, account_id: i64) -> DomainResult<MailChoice> {
    let stored: i64 = sqlx::query("SELECT message_emails FROM accounts WHERE id = $1")
        .bind(account_id)
        .fetch_one(db)
        .await?
        .try_get("message_emails")?;
    Ok([MailChoice::Off, MailChoice::Each, MailChoice::Daily]
        .into_iter()
        .find(|c| c.stored() == stored)
        .unwrap_or(MailChoice::Each))
}

/// Sets how one's own account hears of new messages; the daily summary is for staff, who read
/// many conversations (a patient or caregiver who asks for it is refused on the field).
pub async fn set_mail_choice(
    ctx: &Ctx,
    account_id: i64,
    choice: MailChoice,
    staff: bool,
) -> DomainResult<()> {
    if choice == MailChoice::Daily && !staff {
        return Err(DomainError::invalid("choice", "error-mail-choice-invalid"));
    }
    let mut tx = ctx.db.begin().await?;
    sqlx::query("UPDATE accounts SET message_emails = $2 WHERE id = $1")
        .bind(account_id)
        .bind(choice.stored())
        .execute(&mut *tx)
        .await?;
    let action = match choice {
        MailChoice::Off => "message_emails.off",
        MailChoice::Each => "message_emails.each",
        MailChoice::Daily => "message_emails.daily",
    };
    ctx.audit(&mut *tx, None, action, format!("account:{account_id}")).await?;
    tx.commit().await?;
    Ok(())
}

/// A daily summary goes at most this often (the job runs hourly, so about once a day).
pub const DIGEST_EVERY_SECONDS: i64 = 23 * 3600;

/// Sends the daily summary to each staff member who chose it, is in a team, and whose last one
/// is at least `DIGEST_EVERY_SECONDS` old: how many of their teams' conversations have unread
/// messages for them, and a link to the inbox — no names, no subjects. A summary with nothing to
/// say is not sent (the clock still moves). Each is claimed in one statement, so two servers
/// never send the same one. Returns how many were sent.
pub async fn send_digests(ctx: &Ctx, public_url: &str) -> DomainResult<usize> {
    #[derive(sqlx::FromRow)]
    struct Due {
        account_id: i64,
        email: String,
        given_name: String,
        #[sqlx(try_from = "String")]
        language: Lang,
        organisation_id: i64,
    }
    let due: Vec<Due> = sqlx::query_as(
        "SELECT a.id AS account_id, a.email, a.given_name, a.language, MIN(t.organisation_id) AS organisation_id
         FROM accounts a JOIN care_team_members m ON m.account_id = a.id JOIN care_teams t ON t.id = m.team_id
         WHERE a.status = 'active' AND a.message_emails = 2 AND a.digest_sent_at <= $1
         GROUP BY a.id, a.email, a.given_name, a.language",
    )
    .bind(ctx.now - DIGEST_EVERY_SECONDS)
    .fetch_all(&ctx.db)
    .await?;
    let mut sent = 0;
    for person in due {
        let reader = Reader::Staff { account_id: person.account_id, organisation_id: person.organisation_id };
        let unread = unread_count(&ctx.db, reader).await?;
        let mut tx = ctx.db.begin().await?;
        let claimed =
            sqlx::query("UPDATE accounts SET digest_sent_at = $2 WHERE id = $1 AND digest_sent_at <= $3")
                .bind(person.account_id)
                .bind(ctx.now)
                .bind(ctx.now - DIGEST_EVERY_SECONDS)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                == 1;
        if claimed && unread > 0 {
            let link = format!("{public_url}/staff/inbox?filter=unread");
            let mail = notification::message_digest_mail(person.language, &person.given_name, unread, &link);
            notification::enqueue(&mut *tx, &person.email, &mail, ctx.now).await?;
            sent += 1;
        }
        tx.commit().await?;
    }
    Ok(sent)
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

    #[test]
    fn each_reader_sees_through_its_own_door() {
        let staff = Reader::Staff { account_id: 7, organisation_id: 3 }.visible();
        assert!(staff.sql.contains("c.organisation_id = $1") && staff.sql.contains("account_id = $2"));
        let caregiver =
            Reader::Caregiver { account_id: 9, patient_id: 4, patient_account_id: None, grant_id: 1 }
                .visible();
        assert!(caregiver.sql.contains("hidden_from_caregivers = 0"));
        let (search, _) = selection(Reader::Patient { account_id: 5 }, Filter::Unread, "rendez-vous 100%");
        assert_eq!(search.values.len(), 4, "the account, the marker, two words");
        assert!(search.sql.contains("last_message_id >"));
    }
}
