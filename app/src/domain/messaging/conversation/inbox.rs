//! The lists of conversations a reader sees (all, unread, assigned to them, searched) and the
//! unread count in the header.
use super::{summary_columns, Reader, Summary, FROM, PER_PAGE};
use crate::domain::sql::{self, Conditions};
use crate::domain::store::{Db, Paging};
use crate::domain::DomainResult;
use sqlx::Row;

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
fn selection(reader: Reader, filter: Filter, search: &str) -> (Conditions, String) {
    let mut query = reader.visible();
    let me = query.placeholder(reader.account_id());
    match filter {
        Filter::All => {}
        Filter::Unread => query.and_fixed("c.last_message_id > COALESCE(r.last_read_id, 0)"),
        Filter::Mine => query.and_fixed(&format!("c.assigned_to = {me}")),
    }
    for word in sql::words(search, 3) {
        let searched = if reader.is_staff() {
            "lower(c.subject || ' ' || p.given_name || ' ' || p.family_name) LIKE {}"
        } else {
            "lower(c.subject) LIKE {}"
        };
        query.and(searched, sql::contains(word));
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
        .bind(sqlx::query(&format!("SELECT COUNT(*) AS n {from} WHERE {}", query.sql())))
        .fetch_one(db)
        .await?
        .try_get("n")?;
    let paging = Paging::of(total, PER_PAGE, page);
    let (limit, offset) = (query.placeholder(PER_PAGE), query.placeholder(paging.offset));
    const NEWEST_FIRST: &str = "ORDER BY c.last_message_at DESC, c.id DESC";
    let sql = format!(
        "SELECT {} {FROM} WHERE c.id IN (SELECT c.id {from} WHERE {} {NEWEST_FIRST} LIMIT {limit} OFFSET {offset})
         {NEWEST_FIRST}",
        summary_columns(&me),
        query.sql()
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
        .bind(sqlx::query(&format!("SELECT COUNT(*) AS n {from} WHERE {}", query.sql())))
        .fetch_one(db)
        .await?
        .try_get("n")?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_reader_sees_through_its_own_door() {
        let staff = Reader::Staff { account_id: 7, organisation_id: 3 }.visible();
        assert!(staff.sql().contains("c.organisation_id = $1") && staff.sql().contains("account_id = $2"));
        let caregiver =
            Reader::Caregiver { account_id: 9, patient_id: 4, patient_account_id: None, grant_id: 1 }
                .visible();
        assert!(caregiver.sql().contains("hidden_from_caregivers = 0"));
        let (search, _) = selection(Reader::Patient { account_id: 5 }, Filter::Unread, "rendez-vous 100%");
        assert_eq!(search.values().len(), 4, "the account, the marker, two words");
        assert!(search.sql().contains("last_message_id >"));
    }
}
