//! How staff find a patient: by the start of any word of their names or email, accents and
//! capitals aside ("cote" finds Côté, "trem" Tremblay, "jean-pierre" Jean-Pierre). Each word of a
//! patient is a row of `patient_search_words` (organisation, word, patient), so a search reads a
//! range of that index, as long as what it finds, instead of every patient of the organisation;
//! `patients.search_text` holds the same words for the list read in its own order, and
//! `patient_search_word_counts` how many patients have each word, so that a common family name is
//! counted from one row.
use crate::domain::DomainResult;
use sqlx::{Any, AnyConnection, Row};
use std::collections::BTreeMap;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// A word is kept up to this many characters; nobody types more to find someone.
const LONGEST_WORD: usize = 40;
/// Past the last word that starts with a prefix, in byte order (both databases compare so).
const AFTER_EVERY_CONTINUATION: char = '\u{10FFFF}';

/// Lower case, accents and other marks removed, compatibility forms unfolded (`ﬁ` → `fi`).
fn fold(text: &str) -> String {
    text.nfkd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

/// The words of `text`, folded: runs of letters and digits.
fn words_in(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| fold(w).chars().take(LONGEST_WORD).collect::<String>())
        .filter(|w| !w.is_empty())
}

/// Whether two names are the same words (case, accents, spaces and punctuation aside): a
/// signature typed as the name on a request.
pub fn same_name(typed: &str, expected: &str) -> bool {
    words_in(typed).eq(words_in(expected))
}

/// A patient's searchable words, each once, in order.
pub fn words_of(given_name: &str, family_name: &str, email: &str) -> Vec<String> {
    let mut words: Vec<String> = [given_name, family_name, email].into_iter().flat_map(words_in).collect();
    words.sort();
    words.dedup();
    words
}

/// The stored `search_text` of these words: each preceded by a space, so that
/// `LIKE '% trem%'` is "a word starting with trem", the same test as the words' range.
fn search_text(words: &[String]) -> String {
    words.iter().map(|w| format!(" {w}")).collect()
}

/// The word starts a search looks for in what was typed (a typed `Jean-Pierre` is two).
pub fn typed_words(typed: &str) -> Vec<String> {
    words_in(typed).collect()
}

/// The SQL range of the words starting with `prefix`: `word >= low AND word < high`.
pub fn range(prefix: &str) -> (String, String) {
    (prefix.to_string(), format!("{prefix}{AFTER_EVERY_CONTINUATION}"))
}

/// The `search_text LIKE` pattern of the words starting with `prefix` (letters and digits only,
/// so never a wildcard).
pub fn pattern(prefix: &str) -> String {
    format!("% {prefix}%")
}

/// The one word of the organisation's patients starting with `prefix`, if there is exactly one
/// (a family name typed in full, usually): its patients can be read in the list's order.
pub async fn only_word(
    db: &crate::domain::store::Db,
    organisation_id: i64,
    prefix: &str,
) -> DomainResult<Option<String>> {
    let (low, high) = range(prefix);
    let row = sqlx::query(
        "SELECT (SELECT MIN(word) FROM patient_search_words WHERE organisation_id = $1 AND word >= $2 AND word < $3) AS first,
                (SELECT MAX(word) FROM patient_search_words WHERE organisation_id = $1 AND word >= $2 AND word < $3) AS last",
    )
    .bind(organisation_id)
    .bind(low)
    .bind(high)
    .fetch_one(db)
    .await?;
    let (first, last): (Option<String>, Option<String>) = (row.try_get("first")?, row.try_get("last")?);
    Ok(first.filter(|first| Some(first) == last.as_ref()))
}

/// Writes (again) the searchable words of one patient, in the caller's transaction.
pub async fn index(
    conn: &mut AnyConnection,
    organisation_id: i64,
    patient_id: i64,
    given_name: &str,
    family_name: &str,
    email: &str,
) -> DomainResult<()> {
    let mut removed: Vec<String> =
        sqlx::query_scalar("DELETE FROM patient_search_words WHERE patient_id = $1 RETURNING word")
            .bind(patient_id)
            .fetch_all(&mut *conn)
            .await?;
    // In key order, as `write` adds, so that concurrent writers never deadlock.
    removed.sort();
    for word in &removed {
        sqlx::query(
            "UPDATE patient_search_word_counts SET patients = patients - 1 WHERE organisation_id = $1 AND word = $2",
        )
        .bind(organisation_id)
        .bind(word.as_str())
        .execute(&mut *conn)
        .await?;
    }
    let patient = Indexed::of(organisation_id, patient_id, given_name.into(), family_name.into(), email);
    write(conn, &[patient]).await
}

/// How many of the organisation's patients have this word.
pub async fn patients_with_word(
    db: &crate::domain::store::Db,
    organisation_id: i64,
    word: &str,
) -> DomainResult<i64> {
    let counted: Option<i64> = sqlx::query_scalar(
        "SELECT patients FROM patient_search_word_counts WHERE organisation_id = $1 AND word = $2",
    )
    .bind(organisation_id)
    .bind(word)
    .fetch_optional(db)
    .await?;
    Ok(counted.unwrap_or(0))
}

/// A patient with their searchable words, as their words' rows carry them.
struct Indexed {
    organisation_id: i64,
    patient_id: i64,
    family_name: String,
    given_name: String,
    words: Vec<String>,
}

impl Indexed {
    fn of(
        organisation_id: i64,
        patient_id: i64,
        given_name: String,
        family_name: String,
        email: &str,
    ) -> Self {
        let words = words_of(&given_name, &family_name, email);
        Self { organisation_id, patient_id, family_name, given_name, words }
    }
}

/// Rows written per statement: far below both databases' limit on bound values.
const ROWS_PER_STATEMENT: usize = 300;

use crate::domain::sql::values;

/// Writes the words' rows, their counts and the `search_text` of these patients.
async fn write(conn: &mut AnyConnection, patients: &[Indexed]) -> DomainResult<()> {
    let rows: Vec<(&Indexed, &str)> =
        patients.iter().flat_map(|p| p.words.iter().map(move |w| (p, w.as_str()))).collect();
    // Only the rows written count; in key order, so that concurrent writers never deadlock.
    let mut written: BTreeMap<(i64, String), i64> = BTreeMap::new();
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        let sql = format!(
            "INSERT INTO patient_search_words (organisation_id, word, patient_id, family_name, given_name)
             VALUES {} ON CONFLICT DO NOTHING RETURNING organisation_id, word",
            values(chunk.len(), 5)
        );
        let mut query = sqlx::query::<Any>(&sql);
        for (patient, word) in chunk {
            query = query
                .bind(patient.organisation_id)
                .bind(*word)
                .bind(patient.patient_id)
                .bind(patient.family_name.as_str())
                .bind(patient.given_name.as_str());
        }
        for row in query.fetch_all(&mut *conn).await? {
            *written.entry((row.try_get("organisation_id")?, row.try_get("word")?)).or_default() += 1;
        }
    }
    let counts: Vec<_> = written.into_iter().collect();
    for chunk in counts.chunks(ROWS_PER_STATEMENT) {
        let sql = format!(
            "INSERT INTO patient_search_word_counts (organisation_id, word, patients) VALUES {}
             ON CONFLICT (organisation_id, word)
             DO UPDATE SET patients = patient_search_word_counts.patients + excluded.patients",
            values(chunk.len(), 3)
        );
        let mut query = sqlx::query::<Any>(&sql);
        for ((organisation_id, word), patients) in chunk {
            query = query.bind(*organisation_id).bind(word.as_str()).bind(*patients);
        }
        query.execute(&mut *conn).await?;
    }
    for chunk in patients.chunks(ROWS_PER_STATEMENT) {
        let sql = format!(
            "WITH texts (id, search_text) AS (VALUES {})
             UPDATE patients SET search_text = (SELECT t.search_text FROM texts t WHERE t.id = patients.id)
             WHERE id IN (SELECT id FROM texts)",
            values(chunk.len(), 2)
        );
        let mut query = sqlx::query::<Any>(&sql);
        for patient in chunk {
            query = query.bind(patient.patient_id).bind(search_text(&patient.words));
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Patients indexed per transaction when filling in the words of earlier patients.
const PATIENTS_PER_BATCH: i64 = 2_000;

/// Gives the patients written before the search words existed (or by a bulk load) their words;
/// how many. Run at start, before requests are served.
pub async fn index_missing(db: &crate::domain::store::Db) -> DomainResult<u64> {
    let mut indexed = 0;
    loop {
        let mut tx = db.begin().await?;
        let rows = sqlx::query(
            "SELECT id, organisation_id, given_name, family_name, email FROM patients
             WHERE search_text IS NULL ORDER BY id LIMIT $1",
        )
        .bind(PATIENTS_PER_BATCH)
        .fetch_all(&mut *tx)
        .await?;
        if rows.is_empty() {
            return Ok(indexed);
        }
        let patients = rows
            .iter()
            .map(|row| {
                Ok(Indexed::of(
                    row.try_get("organisation_id")?,
                    row.try_get("id")?,
                    row.try_get("given_name")?,
                    row.try_get("family_name")?,
                    row.try_get::<&str, _>("email")?,
                ))
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()?;
        write(&mut tx, &patients).await?;
        tx.commit().await?;
        indexed += patients.len() as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_split_and_kept_once() {
        assert_eq!(
            words_of("Jean-Pierre", "Côté", "JP.Cote@Exemple.QC.ca"),
            ["ca", "cote", "exemple", "jean", "jp", "pierre", "qc"]
        );
        assert_eq!(words_of("Zoë", "O'Neil", "z@x.org"), ["neil", "o", "org", "x", "z", "zoe"]);
        assert_eq!(words_of("Ǆemal", "Œuvré", "a@b.c"), ["a", "b", "c", "dzemal", "œuvre"]);
        assert_eq!(search_text(&words_of("Léa", "Tremblay", "lea@example.org")), " example lea org tremblay");
    }

    #[test]
    fn typed_words_are_found_as_stored() {
        assert_eq!(typed_words("  CÔTÉ "), ["cote"]);
        assert_eq!(typed_words("jean-pierre"), ["jean", "pierre"]);
        assert_eq!(typed_words("l%a_"), ["l", "a"], "wildcards are not words");
        assert!(typed_words("%_-").is_empty());
    }

    #[test]
    fn a_range_holds_exactly_the_words_starting_with_its_prefix() {
        let (low, high) = range("trem");
        for word in ["trem", "tremblay", "tremʒ", "trem\u{10FFFE}"] {
            assert!(low.as_str() <= word && word < high.as_str(), "{word}");
        }
        for word in ["tre", "trel", "tren", "tr"] {
            assert!(!(low.as_str() <= word && word < high.as_str()), "{word}");
        }
        assert_eq!(pattern("trem"), "% trem%");
    }

    #[test]
    fn rows_are_numbered_in_order() {
        assert_eq!(values(2, 3), "($1, $2, $3), ($4, $5, $6)");
    }
}
