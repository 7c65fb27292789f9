//! The database: SQLite by default, PostgreSQL in production, chosen at run time from `DATABASE_URL`.
//! Queries are written once in the subset both dialects accept (`$1` placeholders, `RETURNING`,
//! `ON CONFLICT`); times are UTC epoch seconds in BIGINT columns.
use sqlx::any::{install_default_drivers, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, Executor};

pub type Db = AnyPool;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/postgres");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    pub fn of(url: &str) -> Option<Self> {
        if url.starts_with("sqlite:") {
            Some(Self::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Some(Self::Postgres)
        } else {
            None
        }
    }
}

/// Opens a pool; a SQLite file (and its folder) is created when missing.
pub async fn connect(url: &str) -> Result<Db, sqlx::Error> {
    install_default_drivers();
    let dialect = Dialect::of(url).ok_or_else(|| {
        sqlx::Error::Configuration("DATABASE_URL must start with sqlite: or postgres:".into())
    })?;
    let mut url = url.to_string();
    if dialect == Dialect::Sqlite {
        prepare_sqlite_path(&url);
        if !url.contains("mode=") {
            url.push_str(if url.contains('?') { "&mode=rwc" } else { "?mode=rwc" });
        }
    }
    AnyPoolOptions::new()
        .max_connections(if dialect == Dialect::Sqlite { 4 } else { 16 })
        // With the database down or saturated, a request gives up after 2 s and answers 503
        // (`ApiError::unavailable`) instead of hanging; the pool reconnects by itself later.
        .acquire_timeout(std::time::Duration::from_secs(2))
        .after_connect(move |conn, _| {
            Box::pin(async move {
                if dialect == Dialect::Sqlite {
                    conn.execute(
                        // WAL with synchronous = FULL: a commit is on disk before it is answered,
                        // so neither a killed process nor a power cut loses a committed row.
                        // Reads through a memory map and a 32 MiB page cache per connection
                        // (SQLite's default is 2 MiB, read by a system call a page): a large
                        // database is read as fast as a small one.
                        "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
                         PRAGMA busy_timeout = 5000;
                         PRAGMA cache_size = -32768; PRAGMA mmap_size = 1073741824;",
                    )
                    .await?;
                }
                Ok(())
            })
        })
        .connect(&url)
        .await
}

/// The file of a SQLite database URL (`None` for PostgreSQL or an in-memory database).
pub fn sqlite_file(url: &str) -> Option<&str> {
    if Dialect::of(url) != Some(Dialect::Sqlite) {
        return None;
    }
    let path = url.trim_start_matches("sqlite://").trim_start_matches("sqlite:");
    let path = path.split('?').next().unwrap_or("");
    (!path.is_empty() && path != ":memory:").then_some(path)
}

fn prepare_sqlite_path(url: &str) {
    if let Some(parent) = sqlite_file(url).and_then(|file| std::path::Path::new(file).parent()) {
        let _ = std::fs::create_dir_all(parent);
    }
}

pub async fn migrate(db: &Db, url: &str) -> Result<(), sqlx::migrate::MigrateError> {
    match Dialect::of(url) {
        Some(Dialect::Postgres) => POSTGRES_MIGRATIONS.run(db).await,
        _ => SQLITE_MIGRATIONS.run(db).await,
    }
}

/// The newest migration this release knows for the database at `url`: a copy made by a newer
/// release is refused on restore.
pub fn latest_migration(url: &str) -> i64 {
    let migrator = match Dialect::of(url) {
        Some(Dialect::Postgres) => &POSTGRES_MIGRATIONS,
        _ => &SQLITE_MIGRATIONS,
    };
    migrator.iter().map(|m| m.version).max().unwrap_or(0)
}

/// Readiness: the database answers a trivial query.
pub async fn ping(db: &Db) -> bool {
    sqlx::query("SELECT 1").execute(db).await.is_ok()
}

pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// The UTC date of an epoch time.
pub fn today(now: i64) -> chrono::NaiveDate {
    chrono::DateTime::from_timestamp(now, 0).unwrap_or_default().date_naive()
}

/// Where one page of a list falls: the page shown (the one asked for, kept within the pages
/// there are), how many pages there are (at least one, even for an empty list), and how many rows
/// come before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paging {
    pub page: i64,
    pub pages: i64,
    pub offset: i64,
}

impl Paging {
    pub fn of(total: i64, per_page: i64, asked: i64) -> Self {
        let pages = ((total + per_page - 1) / per_page).max(1);
        let page = asked.clamp(1, pages);
        Self { page, pages, offset: (page - 1) * per_page }
    }
}
