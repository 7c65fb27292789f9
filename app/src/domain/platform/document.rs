//! The platform's documents an organisation accepts: the participation agreement, signed by its
//! legally responsible person, and the terms of use. Each is versioned and bilingual Markdown
//! (`platform_documents`); the first versions ship in `app/data/platform/` and are installed at
//! start when the platform has none. What was accepted names its version, so a new version needs a
//! new acceptance.
use crate::domain::{store, Ctx, DomainError, DomainResult, Target};
use crate::i18n::Lang;
use sqlx::Row;

pub use crate::states::DocumentKind as Kind;

/// The longest document taken in each language, in characters (the shipped ones are under 10,000).
pub const TEXT_MAX: usize = 50_000;

/// The first versions, shipped with the portal: (kind, French, English).
const SHIPPED: [(Kind, &str, &str); 2] = [
    (
        Kind::Agreement,
        include_str!("../../../data/platform/agreement.fr.md"),
        include_str!("../../../data/platform/agreement.en.md"),
    ),
    (
        Kind::Terms,
        include_str!("../../../data/platform/terms.fr.md"),
        include_str!("../../../data/platform/terms.en.md"),
    ),
];

/// Installs the shipped first version of each document the platform does not have yet.
pub async fn install_shipped(db: &store::Db, now: i64) -> DomainResult<()> {
    for (kind, french, english) in SHIPPED {
        sqlx::query(
            "INSERT INTO platform_documents (kind, version, body_fr, body_en, published_at)
             SELECT $1, 1, $2, $3, $4 WHERE NOT EXISTS (SELECT 1 FROM platform_documents WHERE kind = $1)",
        )
        .bind(kind.code())
        .bind(french)
        .bind(english)
        .bind(now)
        .execute(db)
        .await?;
    }
    Ok(())
}

/// One version of a document.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Document {
    pub id: i64,
    pub version: i64,
    pub body_fr: String,
    pub body_en: String,
}

impl Document {
    /// Its text in `lang`, as HTML.
    pub fn html(&self, lang: Lang) -> String {
        to_html(match lang {
            Lang::Fr => &self.body_fr,
            Lang::En => &self.body_en,
        })
    }
}

/// The latest version of `kind`.
pub async fn current<'e>(
    exec: impl sqlx::Executor<'e, Database = sqlx::Any>,
    kind: Kind,
) -> DomainResult<Document> {
    sqlx::query_as(
        "SELECT id, version, body_fr, body_en FROM platform_documents WHERE kind = $1 ORDER BY version DESC LIMIT 1",
    )
    .bind(kind.code())
    .fetch_optional(exec)
    .await?
    .ok_or(DomainError::NotFound)
}

/// A version by its id (what a signature names).
pub async fn by_id<'e>(
    exec: impl sqlx::Executor<'e, Database = sqlx::Any>,
    id: i64,
) -> DomainResult<Document> {
    sqlx::query_as("SELECT id, version, body_fr, body_en FROM platform_documents WHERE id = $1")
        .bind(id)
        .fetch_optional(exec)
        .await?
        .ok_or(DomainError::NotFound)
}

/// One published version, for the console's list.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Published {
    #[sqlx(try_from = "String")]
    pub kind: Kind,
    pub version: i64,
    pub published_at: i64,
    /// The operator who published it; `None` for a version shipped with the portal.
    pub published_by: Option<String>,
}

/// Every version of every document, newest first.
pub async fn versions(db: &store::Db) -> DomainResult<Vec<Published>> {
    Ok(sqlx::query_as(
        "SELECT d.kind, d.version, d.published_at,
                (SELECT a.given_name || ' ' || a.family_name FROM accounts a WHERE a.id = d.published_by) AS published_by
         FROM platform_documents d ORDER BY d.published_at DESC, d.id DESC",
    )
    .fetch_all(db)
    .await?)
}

/// An operator publishes the next version of `kind`, in both languages (Markdown), audited. From
/// then on it is the one to accept: the terms at everyone's next page, the agreement by the
/// organisations that sign from now on. Of two operators publishing at once, one is told.
pub async fn publish(ctx: &Ctx, kind: Kind, body_fr: &str, body_en: &str) -> DomainResult<i64> {
    let text = |body: &str, field: &'static str| {
        let body = body.trim();
        if body.is_empty() {
            Err(DomainError::invalid(field, "error-document-text-required"))
        } else if body.chars().count() > TEXT_MAX {
            Err(DomainError::invalid(field, "error-document-too-long"))
        } else {
            Ok(body.to_string())
        }
    };
    let (french, english) = (text(body_fr, "body_fr")?, text(body_en, "body_en")?);
    let mut tx = ctx.db.begin().await?;
    let id: i64 = sqlx::query(
        "INSERT INTO platform_documents (kind, version, body_fr, body_en, published_at, published_by)
         SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4, $5 FROM platform_documents WHERE kind = $1
         RETURNING id",
    )
    .bind(kind.code())
    .bind(&french)
    .bind(&english)
    .bind(ctx.now)
    .bind(ctx.actor)
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| match e {
        sqlx::Error::Database(d) if d.is_unique_violation() => {
            DomainError::conflict(None, "error-document-published-meanwhile")
        }
        other => other.into(),
    })?
    .try_get("id")?;
    ctx.audit(&mut *tx, None, "platform_document.published", Target::PlatformDocument(id)).await?;
    tx.commit().await?;
    Ok(id)
}

/// Markdown as HTML, any HTML written in it dropped (a document is text, never markup of its own),
/// its headings one level down: the page that shows it has its own title.
pub fn to_html(markdown: &str) -> String {
    use pulldown_cmark::{html, Event, HeadingLevel, Parser, Tag, TagEnd};
    let lower = |level: HeadingLevel| match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        HeadingLevel::H5 | HeadingLevel::H6 => HeadingLevel::H6,
    };
    let events = Parser::new(markdown).filter_map(|event| match event {
        Event::Html(_) | Event::InlineHtml(_) => None,
        Event::Start(Tag::Heading { level, id, classes, attrs }) => {
            Some(Event::Start(Tag::Heading { level: lower(level), id, classes, attrs }))
        }
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(lower(level)))),
        other => Some(other),
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_html_below_the_page_title_without_the_markup_written_in_it() {
        let html =
            to_html("# Titre\n\n- **un**\n- deux <script>alert(1)</script>\n\n<iframe src=x></iframe>");
        assert!(html.contains("<h2>Titre</h2>") && html.contains("<strong>un</strong>"), "{html}");
        assert!(!html.contains("<script") && !html.contains("<iframe"), "{html}");
    }

    #[test]
    fn the_shipped_documents_have_a_title_in_each_language() {
        for (_, french, english) in SHIPPED {
            assert!(french.starts_with("# ") && english.starts_with("# "));
        }
    }
}
