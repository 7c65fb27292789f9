//! Reminders of a questionnaire not yet sent back: two days before its due date and on the date
//! itself, in the organisation's calendar, once each. The hourly job runs on every instance: each
//! reminder is claimed by one statement, so two instances send it once.
use super::sending;
use crate::domain::{calendar, notification, Ctx, DomainResult};
use crate::i18n::Lang;
use crate::paths::Page;
use chrono::{Duration, NaiveDate};

/// The first reminder goes this many days before the due date.
pub const DAYS_BEFORE: i64 = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reminder {
    /// `DAYS_BEFORE` days before the due date (or the day after, if the job missed that day).
    Before,
    OnTheDay,
}

impl Reminder {
    /// The reminder due `today` for a questionnaire due on `due`, if any.
    fn for_day(due: NaiveDate, today: NaiveDate) -> Option<Self> {
        let days_left = (due - today).num_days();
        match days_left {
            0 => Some(Self::OnTheDay),
            1..=DAYS_BEFORE => Some(Self::Before),
            _ => None,
        }
    }

    fn column(self) -> &'static str {
        match self {
            Self::Before => "reminded_before",
            Self::OnTheDay => "reminded_due",
        }
    }
}

#[derive(sqlx::FromRow)]
struct Open {
    id: i64,
    organisation_id: i64,
    patient_id: i64,
    due_on: String,
}

/// Sends the reminders due now; returns how many questionnaires were reminded.
pub async fn send_due(ctx: &Ctx) -> DomainResult<usize> {
    // A day either side of the server's date covers every organisation's calendar.
    let server_today =
        chrono::DateTime::from_timestamp(ctx.now, 0).map(|t| t.date_naive()).unwrap_or_default();
    let open: Vec<Open> = sqlx::query_as(
        "SELECT id, organisation_id, patient_id, due_on FROM questionnaire_requests
         WHERE submitted_at IS NULL AND due_on IS NOT NULL AND due_on >= $1 AND due_on <= $2
           AND (reminded_before = 0 OR reminded_due = 0)",
    )
    .bind((server_today - Duration::days(1)).to_string())
    .bind((server_today + Duration::days(DAYS_BEFORE + 1)).to_string())
    .fetch_all(&ctx.db)
    .await?;
    let mut reminded = 0;
    for questionnaire in open {
        let Some(due) = calendar::stored_date(&questionnaire.due_on) else { continue };
        let timezone = calendar::organisation_timezone(&ctx.db, questionnaire.organisation_id).await?;
        let Some(reminder) = Reminder::for_day(due, calendar::local_date(ctx.now, &timezone)) else {
            continue;
        };
        let mut tx = ctx.db.begin().await?;
        let column = reminder.column();
        let claimed = sqlx::query(&format!(
            "UPDATE questionnaire_requests SET {column} = $2 WHERE id = $1 AND {column} = 0 AND submitted_at IS NULL"
        ))
        .bind(questionnaire.id)
        .bind(ctx.now)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if claimed {
            let recipients =
                sending::recipients(ctx, questionnaire.organisation_id, questionnaire.patient_id).await?;
            for (recipient, door) in recipients {
                let lang = Lang::from_code(&recipient.language);
                let link = ctx.link(&Page::Questionnaires { door }.href());
                let mail = notification::questionnaire_reminder_mail(lang, &recipient.given_name, due, &link);
                notification::enqueue_for(
                    &mut *tx,
                    questionnaire.organisation_id,
                    &recipient.email,
                    &mail,
                    ctx.now,
                )
                .await?;
            }
            reminded += 1;
        }
        tx.commit().await?;
    }
    Ok(reminded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reminders_two_days_before_and_on_the_day() {
        let due = NaiveDate::from_ymd_opt(2027, 3, 10).unwrap();
        let day = |d: u32| NaiveDate::from_ymd_opt(2027, 3, d).unwrap();
        assert_eq!(Reminder::for_day(due, day(7)), None);
        assert_eq!(Reminder::for_day(due, day(8)), Some(Reminder::Before));
        assert_eq!(Reminder::for_day(due, day(9)), Some(Reminder::Before));
        assert_eq!(Reminder::for_day(due, day(10)), Some(Reminder::OnTheDay));
        assert_eq!(Reminder::for_day(due, day(11)), None);
    }
}
