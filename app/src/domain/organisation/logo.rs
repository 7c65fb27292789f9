//! The organisation's logo, which its administrators send and remove: PNG or JPEG, told from the
//! content and never from the name (as messages' files are), at most 256 KB. It is shown to the
//! organisation's own people — staff, patients, active caregivers — and to nobody else: its
//! address names an organisation, and nothing public may tell which organisations exist.
use crate::domain::messaging::attachment::Kind;
use crate::domain::{store, Ctx, DomainError, DomainResult, Target};
use sqlx::Row;
use std::collections::HashMap;

pub const MAX_BYTES: usize = 256 * 1024;

/// A logo as it is served.
pub struct Logo {
    pub media_type: String,
    pub content: Vec<u8>,
}

/// The image's kind, or why it cannot be a logo (on the `logo` field).
pub fn checked(content: &[u8]) -> DomainResult<Kind> {
    if content.is_empty() {
        return Err(DomainError::invalid("logo", "error-logo-required"));
    }
    if content.len() > MAX_BYTES {
        return Err(DomainError::invalid("logo", "error-logo-too-large"));
    }
    match Kind::of(content) {
        Some(kind @ (Kind::Png | Kind::Jpeg)) => Ok(kind),
        _ => Err(DomainError::invalid("logo", "error-logo-format")),
    }
}

/// Replaces the organisation's logo (audited).
pub async fn save(ctx: &Ctx, organisation_id: i64, content: &[u8]) -> DomainResult<()> {
    let kind = checked(content)?;
    let mut tx = ctx.db.begin().await?;
    sqlx::query("DELETE FROM organisation_logos WHERE organisation_id = $1")
        .bind(organisation_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO organisation_logos (organisation_id, media_type, content, updated_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(organisation_id)
    .bind(kind.media_type())
    .bind(content)
    .bind(ctx.now)
    .execute(&mut *tx)
    .await?;
    ctx.audit(
        &mut *tx,
        Some(organisation_id),
        "organisation.logo_changed",
        Target::Organisation(organisation_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Removes the logo (audited when there was one).
pub async fn remove(ctx: &Ctx, organisation_id: i64) -> DomainResult<()> {
    let mut tx = ctx.db.begin().await?;
    let removed = sqlx::query("DELETE FROM organisation_logos WHERE organisation_id = $1")
        .bind(organisation_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if removed > 0 {
        ctx.audit(
            &mut *tx,
            Some(organisation_id),
            "organisation.logo_removed",
            Target::Organisation(organisation_id),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The address of each of these organisations' logo, by organisation (those with one):
/// `/organisations/:id/logo` with the time it last changed, so that a new logo is a new address
/// and browsers may keep each.
pub async fn addresses(db: &store::Db, organisation_ids: &[i64]) -> DomainResult<HashMap<i64, String>> {
    if organisation_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let sql = format!(
        "SELECT organisation_id, updated_at FROM organisation_logos WHERE organisation_id IN ({})",
        crate::domain::sql::placeholders(organisation_ids.len(), 1)
    );
    let mut query = sqlx::query(&sql);
    for id in organisation_ids {
        query = query.bind(*id);
    }
    query
        .fetch_all(db)
        .await?
        .iter()
        .map(|r| {
            let (id, version): (i64, i64) = (r.try_get("organisation_id")?, r.try_get("updated_at")?);
            Ok((id, format!("/organisations/{id}/logo?v={version}")))
        })
        .collect()
}

/// The logo, for one of the organisation's own people (`NotFound` for anyone else, as for an
/// organisation without one).
pub async fn for_reader(db: &store::Db, account_id: i64, organisation_id: i64) -> DomainResult<Logo> {
    let sql = format!(
        "SELECT l.media_type, l.content FROM organisation_logos l JOIN organisations o ON o.id = l.organisation_id
         WHERE o.id = $2 AND {}",
        super::READERS_ORGANISATIONS
    );
    let row = sqlx::query(&sql)
        .bind(account_id)
        .bind(organisation_id)
        .fetch_optional(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    Ok(Logo { media_type: row.try_get("media_type")?, content: row.try_get("content")? })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_and_key(content: &[u8]) -> Option<(Option<&'static str>, &'static str)> {
        match checked(content) {
            Err(DomainError::Invalid { field, key }) => Some((field, key)),
            _ => None,
        }
    }

    #[test]
    fn a_logo_is_a_png_or_jpeg_of_256_kb_at_most() {
        assert!(checked(b"\x89PNG\r\n\x1a\n....").is_ok());
        assert!(checked(&[0xFF, 0xD8, 0xFF, 0xE0]).is_ok());
        assert_eq!(field_and_key(b""), Some((Some("logo"), "error-logo-required")));
        assert_eq!(field_and_key(b"<svg onload=alert(1)>"), Some((Some("logo"), "error-logo-format")));
        assert_eq!(field_and_key(b"%PDF-1.7"), Some((Some("logo"), "error-logo-format")));
        let mut big = b"\x89PNG\r\n\x1a\n".to_vec();
        big.resize(MAX_BYTES + 1, 0);
        assert_eq!(field_and_key(&big), Some((Some("logo"), "error-logo-too-large")));
    }
}
