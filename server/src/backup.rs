//! `portail backup` and `portail restore` for the embedded SQLite database. A backup is a
//! consistent copy taken while the server writes (`VACUUM INTO` reads one snapshot), checked
//! before it is named; a restore checks the copy, refuses one made by a newer release, and
//! installs it only while no server holds the database, keeping the database it replaces beside
//! it. PostgreSQL is backed up with its own tools (docs/OPERATIONS.md).
use anyhow::{bail, ensure, Context};
use app::domain::store;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use sqlx::{Connection, Row};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What a checked copy holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub bytes: u64,
    /// Its newest migration.
    pub schema: i64,
    pub accounts: i64,
    pub patients: i64,
}

impl std::fmt::Display for Checked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} bytes, schema {}, {} accounts, {} patients",
            self.bytes, self.schema, self.accounts, self.patients
        )
    }
}

fn database_file(database_url: &str) -> anyhow::Result<PathBuf> {
    match store::sqlite_file(database_url) {
        Some(file) => Ok(PathBuf::from(file)),
        None => bail!(
            "backup and restore are for the embedded SQLite database; back PostgreSQL up with \
             pg_dump or a base backup (docs/OPERATIONS.md)"
        ),
    }
}

/// Writes a consistent copy of the database at `database_url` to `to`, which must not exist.
pub async fn backup(database_url: &str, to: &Path) -> anyhow::Result<Checked> {
    let file = database_file(database_url)?;
    ensure!(file.exists(), "no database at {}", file.display());
    ensure!(!to.exists(), "{} exists already: name a new file", to.display());
    let partial = with_suffix(to, ".partial");
    let _ = std::fs::remove_file(&partial);
    let options = SqliteConnectOptions::new().filename(&file).busy_timeout(Duration::from_secs(30));
    let mut live = SqliteConnection::connect_with(&options).await.context("opening the database")?;
    sqlx::query("VACUUM INTO $1")
        .bind(partial.to_string_lossy().as_ref())
        .execute(&mut live)
        .await
        .with_context(|| format!("writing {}", partial.display()))?;
    live.close().await?;
    let checked = check(&partial).await?;
    std::fs::rename(&partial, to)?;
    Ok(checked)
}

/// Opens a copy read-only and checks it whole: SQLite's integrity check, and a Portail schema.
pub async fn check(copy: &Path) -> anyhow::Result<Checked> {
    ensure!(copy.is_file(), "no file at {}", copy.display());
    let options = SqliteConnectOptions::new().filename(copy).read_only(true).immutable(true);
    let mut conn = SqliteConnection::connect_with(&options)
        .await
        .with_context(|| format!("{} is not a SQLite database", copy.display()))?;
    let integrity: String = sqlx::query("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await
        .with_context(|| format!("{} is not a SQLite database", copy.display()))?
        .try_get(0)?;
    ensure!(integrity == "ok", "{} is damaged: {integrity}", copy.display());
    let schema: Option<i64> = sqlx::query("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
        .fetch_one(&mut conn)
        .await
        .with_context(|| format!("{} is not a Portail database (no migrations)", copy.display()))?
        .try_get(0)?;
    let count = |table: &'static str| format!("SELECT COUNT(*) FROM {table}");
    let accounts: i64 = sqlx::query(&count("accounts")).fetch_one(&mut conn).await?.try_get(0)?;
    let patients: i64 = sqlx::query(&count("patients")).fetch_one(&mut conn).await?.try_get(0)?;
    conn.close().await?;
    Ok(Checked { bytes: std::fs::metadata(copy)?.len(), schema: schema.unwrap_or(0), accounts, patients })
}

/// Where the database a restore replaced was kept.
#[derive(Debug)]
pub struct Restored {
    pub checked: Checked,
    pub previous: Option<PathBuf>,
}

/// Installs the checked copy `from` as the database at `database_url`. Refused while a server
/// holds the database (`hold_while_serving`) and for a copy made by a newer release; the
/// database it replaces (with its write-ahead log) is renamed `<file>.before-restore-<time>`.
pub async fn restore(from: &Path, database_url: &str, now: i64) -> anyhow::Result<Restored> {
    let file = database_file(database_url)?;
    let checked = check(from).await?;
    let latest = store::latest_migration(database_url);
    ensure!(
        checked.schema <= latest,
        "{} was made by a newer release (schema {}, this one knows up to {latest}): restore it with that release",
        from.display(),
        checked.schema
    );
    let lock = lock_file(&file)?;
    if lock.try_lock().is_err() {
        bail!("a Portail server is using {}: stop it before restoring", file.display());
    }
    let incoming = with_suffix(&file, ".restoring");
    std::fs::copy(from, &incoming).with_context(|| format!("copying to {}", incoming.display()))?;
    File::open(&incoming)?.sync_all()?;
    let previous = if file.exists() {
        let kept = with_suffix(&file, &format!(".before-restore-{now}"));
        for part in ["", "-wal", "-shm"] {
            let path = with_suffix(&file, part);
            if path.exists() {
                std::fs::rename(&path, with_suffix(&kept, part))?;
            }
        }
        Some(kept)
    } else {
        None
    };
    std::fs::rename(&incoming, &file)?;
    drop(lock);
    Ok(Restored { checked, previous })
}

/// Held (shared) by every server for as long as it serves the SQLite database at `database_url`,
/// so that a restore cannot replace the file under it. `None` for PostgreSQL.
pub fn hold_while_serving(database_url: &str) -> anyhow::Result<Option<File>> {
    let Some(file) = store::sqlite_file(database_url) else { return Ok(None) };
    let lock = lock_file(Path::new(file))?;
    if lock.try_lock_shared().is_err() {
        bail!("{file} is being restored: start the server once the restore has finished");
    }
    Ok(Some(lock))
}

fn lock_file(database: &Path) -> anyhow::Result<File> {
    let path = with_suffix(database, ".lock");
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)?;
    }
    File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("opening {}", path.display()))
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
