//! Files sent with a message: PDF, JPEG or PNG, told from the content and never from the name, at
//! most 10 MB each and 5 per message. They are stored in the database, in the message's
//! transaction; `conversation::download` gives them only to those who may read the conversation.
use crate::domain::{DomainError, DomainResult};
use sqlx::{Any, Row};

pub const MAX_BYTES: usize = 10 * 1024 * 1024;
pub const MAX_PER_MESSAGE: usize = 5;
/// A file's name is kept to this many characters (with its extension).
const NAME_MAX_CHARS: usize = 120;
/// The name of a file sent without one.
const UNNAMED: &str = "document";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Pdf,
    Jpeg,
    Png,
}

impl Kind {
    /// The type of a file from its first bytes; `None` for anything else.
    pub fn of(content: &[u8]) -> Option<Self> {
        if content.starts_with(b"%PDF-") {
            Some(Self::Pdf)
        } else if content.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Self::Jpeg)
        } else if content.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Self::Png)
        } else {
            None
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
        }
    }

    fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Pdf => &["pdf"],
            Self::Jpeg => &["jpg", "jpeg"],
            Self::Png => &["png"],
        }
    }
}

/// A file as it was sent.
pub struct Upload {
    pub name: String,
    pub content: Vec<u8>,
}

/// A file that passed the checks.
#[derive(Debug)]
pub struct Checked {
    name: String,
    kind: Kind,
    content: Vec<u8>,
}

/// The files of one message, checked: an empty file input (no name, nothing in it) is ignored.
pub fn checked(uploads: Vec<Upload>) -> DomainResult<Vec<Checked>> {
    let uploads: Vec<Upload> =
        uploads.into_iter().filter(|u| !(u.name.is_empty() && u.content.is_empty())).collect();
    if uploads.len() > MAX_PER_MESSAGE {
        return Err(DomainError::invalid("files", "error-attachments-too-many"));
    }
    uploads
        .into_iter()
        .map(|upload| {
            if upload.content.len() > MAX_BYTES {
                return Err(DomainError::invalid("files", "error-attachment-too-large"));
            }
            let kind =
                Kind::of(&upload.content).ok_or(DomainError::invalid("files", "error-attachment-type"))?;
            Ok(Checked { name: file_name(&upload.name, kind), kind, content: upload.content })
        })
        .collect()
}

/// The name kept: its last path segment, without control characters or quotes, shortened, and
/// ending with an extension of its real type.
fn file_name(sent: &str, kind: Kind) -> String {
    let base = sent.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = base.chars().filter(|c| !c.is_control() && !matches!(c, '"' | ';')).collect();
    let clean = clean.trim();
    let stem = if clean.is_empty() { UNNAMED } else { clean };
    let lower = stem.to_lowercase();
    let has_extension = kind.extensions().iter().any(|e| lower.ends_with(&format!(".{e}")));
    let extension = if has_extension { String::new() } else { format!(".{}", kind.extensions()[0]) };
    let room = NAME_MAX_CHARS - extension.chars().count();
    let stem: String = if stem.chars().count() > room {
        // Shortened from the front of the name, keeping its own extension.
        let keep =
            kind.extensions().iter().find(|e| lower.ends_with(&format!(".{e}"))).map_or(0, |e| e.len() + 1);
        let head: String = stem.chars().take(room - keep).collect();
        format!("{head}{}", &stem[stem.len() - keep..])
    } else {
        stem.to_string()
    };
    format!("{stem}{extension}")
}

/// Stores a message's files in its transaction.
pub(crate) async fn store(
    tx: &mut sqlx::Transaction<'_, Any>,
    message_id: i64,
    files: Vec<Checked>,
    now: i64,
) -> DomainResult<()> {
    for file in files {
        sqlx::query(
            "INSERT INTO attachments (message_id, name, media_type, size, content, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(message_id)
        .bind(file.name)
        .bind(file.kind.media_type())
        .bind(file.content.len() as i64)
        .bind(file.content)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// A file as a message's reader sees it listed.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Line {
    pub id: i64,
    pub message_id: i64,
    pub name: String,
    pub size: i64,
}

/// The files of a conversation's messages (the caller has checked that the reader sees it).
pub(crate) async fn of_conversation(
    db: &crate::domain::store::Db,
    conversation_id: i64,
) -> DomainResult<Vec<Line>> {
    Ok(sqlx::query_as(
        "SELECT a.id, a.message_id, a.name, a.size FROM attachments a
         JOIN messages m ON m.id = a.message_id
         WHERE m.conversation_id = $1 ORDER BY a.id",
    )
    .bind(conversation_id)
    .fetch_all(db)
    .await?)
}

pub struct File {
    pub name: String,
    pub media_type: String,
    pub content: Vec<u8>,
}

/// A stored file and the conversation whose message carries it (whoever asks must be checked
/// against that conversation first: `conversation::download`).
pub(crate) async fn find(db: &crate::domain::store::Db, attachment_id: i64) -> DomainResult<(i64, File)> {
    let row = sqlx::query(
        "SELECT a.name, a.media_type, a.content, m.conversation_id FROM attachments a
         JOIN messages m ON m.id = a.message_id WHERE a.id = $1",
    )
    .bind(attachment_id)
    .fetch_optional(db)
    .await?
    .ok_or(DomainError::NotFound)?;
    let file = File {
        name: row.try_get("name")?,
        media_type: row.try_get("media_type")?,
        content: row.try_get("content")?,
    };
    Ok((row.try_get("conversation_id")?, file))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upload(name: &str, content: &[u8]) -> Upload {
        Upload { name: name.into(), content: content.to_vec() }
    }

    #[test]
    fn the_type_comes_from_the_content_not_the_name() {
        assert_eq!(Kind::of(b"%PDF-1.7\n"), Some(Kind::Pdf));
        assert_eq!(Kind::of(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(Kind::Jpeg));
        assert_eq!(Kind::of(b"\x89PNG\r\n\x1a\n...."), Some(Kind::Png));
        let refused = checked(vec![upload("Results.pdf", b"<html><script>")]).unwrap_err();
        assert!(matches!(
            refused,
            DomainError::Invalid { key: "error-attachment-type", field: Some("files") }
        ));
        // A real PDF called .png is kept as a PDF.
        let kept = checked(vec![upload("Scan.png", b"%PDF-1.4")]).unwrap();
        assert_eq!((kept[0].kind, kept[0].name.as_str()), (Kind::Pdf, "Scan.png.pdf"));
    }

    #[test]
    fn ten_megabytes_and_five_files_at_most() {
        let mut big = b"%PDF-".to_vec();
        big.resize(10 * 1024 * 1024, b' ');
        assert!(checked(vec![upload("A.pdf", &big)]).is_ok());
        big.push(b' ');
        assert!(matches!(
            checked(vec![upload("A.pdf", &big)]).unwrap_err(),
            DomainError::Invalid { key: "error-attachment-too-large", .. }
        ));
        let five: Vec<Upload> = (0..5).map(|i| upload(&format!("{i}.pdf"), b"%PDF-")).collect();
        assert_eq!(checked(five).unwrap().len(), 5);
        let six: Vec<Upload> = (0..6).map(|i| upload(&format!("{i}.pdf"), b"%PDF-")).collect();
        assert!(matches!(
            checked(six).unwrap_err(),
            DomainError::Invalid { key: "error-attachments-too-many", .. }
        ));
        // The empty part a file input sends when nothing was chosen is not a file.
        assert!(checked(vec![upload("", b"")]).unwrap().is_empty());
        assert!(checked(vec![upload("Empty.pdf", b"")]).is_err());
    }

    #[test]
    fn names_lose_their_path_and_control_characters_and_keep_their_extension() {
        assert_eq!(file_name("C:\\Users\\léa\\Résultats.PDF", Kind::Pdf), "Résultats.PDF");
        assert_eq!(file_name("../../etc/Passwd", Kind::Png), "Passwd.png");
        assert_eq!(file_name("A\"b;\r\nc.jpeg", Kind::Jpeg), "Abc.jpeg");
        assert_eq!(file_name("   ", Kind::Pdf), format!("{UNNAMED}.pdf"));
        let long = format!("{}.pdf", "é".repeat(300));
        let name = file_name(&long, Kind::Pdf);
        assert_eq!(name.chars().count(), NAME_MAX_CHARS);
        assert!(name.ends_with("é.pdf"));
    }
}
