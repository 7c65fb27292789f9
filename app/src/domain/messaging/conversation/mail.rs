//! What mail a person wants about messages (each one, a daily summary, none) and the daily
//! summary itself.
use super::inbox::unread_count;
use super::Reader;
use crate::domain::store::Db;
use crate::domain::Target;
use crate::domain::{notification, Ctx, DomainError, DomainResult};
use crate::i18n::Lang;
use sqlx::Row;

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
    ctx.audit(&mut *tx, None, action, Target::Account(account_id)).await?;
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
pub async fn send_digests(ctx: &Ctx) -> DomainResult<usize> {
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
            let link = ctx.link("/staff/inbox?filter=unread");
            let mail = notification::message_digest_mail(person.language, &person.given_name, unread, &link);
            notification::enqueue(&mut *tx, &person.email, &mail, ctx.now).await?;
            sent += 1;
        }
        tx.commit().await?;
    }
    Ok(sent)
}
