//! Queries built from what someone searched: conditions joined by AND with the values they bind,
//! and the LIKE pattern of a typed word. Typed text only ever travels as a bound value.
use sqlx::any::AnyArguments;
use sqlx::query::{Query, QueryAs, QueryScalar};
use sqlx::Any;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Int(i64),
    Text(String),
}

impl From<i64> for Value {
    fn from(n: i64) -> Self {
        Self::Int(n)
    }
}

impl From<String> for Value {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

/// `$first, $first+1, …`: `count` placeholders, for an `IN (…)` list or one row of values.
pub fn placeholders(count: usize, first: usize) -> String {
    (first..first + count).map(|n| format!("${n}")).collect::<Vec<_>>().join(", ")
}

/// `(…), (…)` with `columns` placeholders a row, numbered from `$1`: the rows of a multi-row
/// insert.
pub fn values(rows: usize, columns: usize) -> String {
    (0..rows).map(|i| format!("({})", placeholders(columns, columns * i + 1))).collect::<Vec<_>>().join(", ")
}

/// Conditions joined by AND, with the values they bind in order (`$1`, `$2`, …).
#[derive(Debug, Default)]
pub struct Conditions {
    sql: String,
    values: Vec<Value>,
}

impl Conditions {
    /// Adds `condition`, whose `{}` is the placeholder of `value`.
    pub fn and(&mut self, condition: &str, value: impl Into<Value>) {
        let at = self.placeholder(value);
        self.and_fixed(&condition.replacen("{}", &at, 1));
    }

    /// Adds a condition that binds nothing (written by the code, never typed).
    pub fn and_fixed(&mut self, condition: &str) {
        if !self.sql.is_empty() {
            self.sql.push_str(" AND ");
        }
        self.sql.push_str(condition);
    }

    /// The placeholder of a value bound after the ones before it (a limit, an offset).
    pub fn placeholder(&mut self, value: impl Into<Value>) -> String {
        self.values.push(value.into());
        format!("${}", self.values.len())
    }

    /// The conditions, or `TRUE` when there are none.
    pub fn sql(&self) -> &str {
        if self.sql.is_empty() {
            "TRUE"
        } else {
            &self.sql
        }
    }

    pub fn values(&self) -> &[Value] {
        &self.values
    }

    /// `query` with every value bound, in order.
    pub fn bind<'q, Q: Binds<'q>>(&'q self, mut query: Q) -> Q {
        for value in &self.values {
            query = match value {
                Value::Int(n) => query.bind_int(*n),
                Value::Text(text) => query.bind_text(text),
            };
        }
        query
    }
}

/// The sqlx queries a `Conditions` binds its values to.
pub trait Binds<'q>: Sized {
    fn bind_int(self, n: i64) -> Self;
    fn bind_text(self, text: &'q str) -> Self;
}

impl<'q> Binds<'q> for Query<'q, Any, AnyArguments<'q>> {
    fn bind_int(self, n: i64) -> Self {
        self.bind(n)
    }
    fn bind_text(self, text: &'q str) -> Self {
        self.bind(text)
    }
}

impl<'q, O> Binds<'q> for QueryAs<'q, Any, O, AnyArguments<'q>> {
    fn bind_int(self, n: i64) -> Self {
        self.bind(n)
    }
    fn bind_text(self, text: &'q str) -> Self {
        self.bind(text)
    }
}

impl<'q, O> Binds<'q> for QueryScalar<'q, Any, O, AnyArguments<'q>> {
    fn bind_int(self, n: i64) -> Self {
        self.bind(n)
    }
    fn bind_text(self, text: &'q str) -> Self {
        self.bind(text)
    }
}

/// The words of a search that a list looks for, at most `at_most` of them.
pub fn words(search: &str, at_most: usize) -> impl Iterator<Item = &str> {
    search.split_whitespace().take(at_most)
}

/// The LIKE pattern of text found anywhere, without case: the wildcards `%` and `_` and the
/// escape `\` (PostgreSQL's default) are dropped, so typed text matches only itself.
pub fn contains(text: &str) -> String {
    format!("%{}%", text.to_lowercase().replace(['%', '_', '\\'], ""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_number_their_values_in_order() {
        let mut conditions = Conditions::default();
        assert_eq!(conditions.sql(), "TRUE");
        conditions.and("c.organisation_id = {}", 7);
        conditions.and_fixed("c.hidden = 0");
        conditions.and("c.team_id IN (SELECT team_id FROM members WHERE account_id = {})", 9);
        let limit = conditions.placeholder(20);
        assert_eq!(
            conditions.sql(),
            "c.organisation_id = $1 AND c.hidden = 0 AND c.team_id IN (SELECT team_id FROM members WHERE account_id = $2)"
        );
        assert_eq!(limit, "$3");
        assert_eq!(conditions.values(), [Value::Int(7), Value::Int(9), Value::Int(20)]);
    }

    #[test]
    fn a_typed_word_matches_only_itself() {
        assert_eq!(contains("Tré%m_b\\lay"), "%tremblay%".replace("tre", "tré"));
        assert_eq!(words(" a b  c d ", 3).collect::<Vec<_>>(), ["a", "b", "c"]);
    }
}
