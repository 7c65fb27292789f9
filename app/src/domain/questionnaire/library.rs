//! An organisation's library: its questionnaires, one row per version. The scored instruments
//! ship ready (`app/data/questionnaires/`, each naming the published version it reproduces) and
//! every organisation gets them; the library holds any other definition the same way.
use super::definition::Definition;
use super::FormError;
use crate::domain::{store::Db, Ctx, DomainError, DomainResult, Target};
use sqlx::{Any, AnyConnection, Executor};

/// The instruments every organisation's library starts with.
const SHIPPED: [(&str, &str); 3] = [
    ("phq-9", include_str!("../../../data/questionnaires/phq-9.json")),
    ("gad-7", include_str!("../../../data/questionnaires/gad-7.json")),
    ("esas-r", include_str!("../../../data/questionnaires/esas-r.json")),
];

/// A shipped instrument's definition.
pub fn shipped(instrument: &str) -> Option<Definition> {
    SHIPPED
        .iter()
        .find(|(key, _)| *key == instrument)
        .map(|(_, json)| Definition::parse(json).expect("a shipped questionnaire is a valid definition"))
}

/// Adds the shipped instruments an organisation's library lacks (its first version of each).
pub async fn install_shipped(conn: &mut AnyConnection, organisation_id: i64, now: i64) -> DomainResult<()> {
    for (instrument, json) in SHIPPED {
        add_first_version(&mut *conn, organisation_id, instrument, json, now).await?;
    }
    Ok(())
}

async fn add_first_version<'e>(
    exec: impl Executor<'e, Database = Any>,
    organisation_id: i64,
    instrument: &str,
    json: &str,
    now: i64,
) -> DomainResult<u64> {
    let definition =
        Definition::parse(json).map_err(|_| DomainError::refused("error-questionnaire-definition"))?;
    Ok(sqlx::query(
        "INSERT INTO questionnaires (organisation_id, instrument, version, title_fr, title_en, definition, created_at)
         SELECT $1, $2, 1, $3, $4, $5, $6
         WHERE NOT EXISTS (SELECT 1 FROM questionnaires WHERE organisation_id = $1 AND instrument = $2)",
    )
    .bind(organisation_id)
    .bind(instrument)
    .bind(&definition.title.fr)
    .bind(&definition.title.en)
    .bind(json)
    .bind(now)
    .execute(exec)
    .await?
    .rows_affected())
}

/// At start: the shipped instruments for organisations created before them. Returns how many
/// were added.
pub async fn install_everywhere(db: &Db, now: i64) -> DomainResult<u64> {
    let organisations: Vec<i64> = sqlx::query_scalar("SELECT id FROM organisations").fetch_all(db).await?;
    let mut added = 0;
    for organisation_id in organisations {
        for (instrument, json) in SHIPPED {
            added += add_first_version(db, organisation_id, instrument, json, now).await?;
        }
    }
    Ok(added)
}

/// A questionnaire that can be sent: the latest version of each instrument not archived.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Entry {
    pub id: i64,
    pub instrument: String,
    pub version: i64,
    pub title_fr: String,
    pub title_en: String,
}

pub async fn current(db: &Db, organisation_id: i64) -> DomainResult<Vec<Entry>> {
    latest(db, organisation_id, false).await
}

/// The archived questionnaires: the latest version of each, to bring back.
pub async fn archived(db: &Db, organisation_id: i64) -> DomainResult<Vec<Entry>> {
    latest(db, organisation_id, true).await
}

async fn latest(db: &Db, organisation_id: i64, archived: bool) -> DomainResult<Vec<Entry>> {
    Ok(sqlx::query_as(
        "SELECT q.id, q.instrument, q.version, q.title_fr, q.title_en FROM questionnaires q
         WHERE q.organisation_id = $1 AND q.archived = $2
           AND q.version = (SELECT MAX(v.version) FROM questionnaires v
                            WHERE v.organisation_id = q.organisation_id AND v.instrument = q.instrument)
         ORDER BY q.instrument",
    )
    .bind(organisation_id)
    .bind(i64::from(archived))
    .fetch_all(db)
    .await?)
}

/// The definition of one version, as stored.
pub async fn definition(db: &Db, questionnaire_id: i64) -> DomainResult<Definition> {
    let json: String = sqlx::query_scalar("SELECT definition FROM questionnaires WHERE id = $1")
        .bind(questionnaire_id)
        .fetch_optional(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    Definition::parse(&json).map_err(|_| DomainError::refused("error-questionnaire-definition"))
}

/// One version of the organisation's library, with its definition.
pub async fn version(db: &Db, organisation_id: i64, id: i64) -> DomainResult<(Entry, bool, Definition)> {
    let row: Option<(i64, String, i64, String, String, i64, String)> = sqlx::query_as(
        "SELECT id, instrument, version, title_fr, title_en, archived, definition FROM questionnaires
         WHERE id = $1 AND organisation_id = $2",
    )
    .bind(id)
    .bind(organisation_id)
    .fetch_optional(db)
    .await?;
    let (id, instrument, version, title_fr, title_en, archived, json) = row.ok_or(DomainError::NotFound)?;
    let definition =
        Definition::parse(&json).map_err(|_| DomainError::refused("error-questionnaire-definition"))?;
    Ok((Entry { id, instrument, version, title_fr, title_en }, archived != 0, definition))
}

/// Adds a definition (read from a FHIR Questionnaire, or published from the builder) to the
/// organisation's library: a new instrument, or the next version of the one with the same key
/// (answers stay tied to the version answered). Refused when it is the library's latest version
/// as is. `action` names it in the audit trail.
pub async fn add_version(
    ctx: &Ctx,
    organisation_id: i64,
    definition: Definition,
    action: &'static str,
) -> Result<Entry, FormError> {
    let json = serde_json::to_string(&definition)
        .map_err(|_| DomainError::refused("error-questionnaire-definition"))?;
    let mut tx = ctx.db.begin().await?;
    let latest: Option<(i64, String)> = sqlx::query_as(
        "SELECT version, definition FROM questionnaires WHERE organisation_id = $1 AND instrument = $2
         ORDER BY version DESC LIMIT 1",
    )
    .bind(organisation_id)
    .bind(&definition.key)
    .fetch_optional(&mut *tx)
    .await?;
    if latest.as_ref().is_some_and(|(_, stored)| Definition::parse(stored).ok().as_ref() == Some(&definition))
    {
        return Err(DomainError::conflict(None, "error-questionnaire-same-version").into());
    }
    let version = latest.map_or(1, |(v, _)| v + 1);
    // Two imports of the same key at once: the unique (organisation, instrument, version) refuses
    // the second.
    let inserted = sqlx::query_scalar(
        "INSERT INTO questionnaires (organisation_id, instrument, version, title_fr, title_en, definition, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(organisation_id)
    .bind(&definition.key)
    .bind(version)
    .bind(&definition.title.fr)
    .bind(&definition.title.en)
    .bind(&json)
    .bind(ctx.now)
    .fetch_one(&mut *tx)
    .await;
    let id: i64 = match inserted {
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            return Err(DomainError::conflict(None, "error-questionnaire-same-version").into())
        }
        other => other?,
    };
    ctx.audit(&mut *tx, Some(organisation_id), action, Target::Organisation(organisation_id)).await?;
    tx.commit().await?;
    Ok(Entry {
        id,
        instrument: definition.key,
        version,
        title_fr: definition.title.fr,
        title_en: definition.title.en,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_instruments_are_valid_and_name_their_source() {
        for (instrument, _) in SHIPPED {
            let definition = shipped(instrument).unwrap();
            assert_eq!(definition.key, instrument);
            assert!(definition.source.as_deref().is_some_and(|s| s.len() > 100), "{instrument}");
            for item in definition.all_items() {
                assert!(
                    !item.text.fr.trim().is_empty() && !item.text.en.trim().is_empty(),
                    "{}",
                    item.link_id
                );
            }
        }
        assert_eq!(shipped("phq-9").unwrap().questions().len(), 10);
        assert_eq!(shipped("gad-7").unwrap().questions().len(), 7);
        assert_eq!(shipped("esas-r").unwrap().questions().len(), 11);
    }
}
