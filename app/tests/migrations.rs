//! The SQLite and PostgreSQL schemas cannot drift apart: each migration exists in both folders
//! and the two texts are the same but for the known dialect differences (the id column's type, the
//! bytes column's type, how a trigger is written, and byte-order text: PostgreSQL's `COLLATE "C"`
//! is SQLite's default, and a SQLite table may be stored `WITHOUT ROWID`).
use std::path::{Path, PathBuf};

fn migrations(dialect: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations").join(dialect);
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).collect();
    files.sort();
    files
}

/// The statements of a migration with the dialect's own words replaced by one placeholder each
/// and triggers (written differently in each dialect) left out.
fn portable(sql: &str) -> Vec<String> {
    let sql = sql
        .replace("INTEGER PRIMARY KEY AUTOINCREMENT", "<id>")
        .replace("BIGSERIAL PRIMARY KEY", "<id>")
        .replace(" BLOB ", " <bytes> ")
        .replace(" BYTEA ", " <bytes> ")
        .replace(" COLLATE \"C\"", "")
        .replace(") WITHOUT ROWID;", ");");
    let mut statements = Vec::new();
    // While inside a trigger or function: the endings that close it.
    let mut closing: Option<&[&str]> = None;
    for line in sql.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with("--")) {
        if closing.is_none() {
            if line.starts_with("CREATE TRIGGER") {
                closing = Some(&["END;", "();"]);
            } else if line.starts_with("CREATE FUNCTION") {
                closing = Some(&["plpgsql;"]);
            }
        }
        if let Some(endings) = closing {
            if endings.iter().any(|e| line.ends_with(e)) {
                closing = None;
            }
            continue;
        }
        statements.push(line.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    statements
}

#[test]
fn sqlite_and_postgres_migrations_hold_the_same_schema() {
    let (sqlite, postgres) = (migrations("sqlite"), migrations("postgres"));
    let names = |files: &[PathBuf]| -> Vec<String> {
        files.iter().map(|f| f.file_name().unwrap().to_string_lossy().into_owned()).collect()
    };
    assert_eq!(names(&sqlite), names(&postgres), "the same migrations in both dialects");
    for (lite, pg) in sqlite.iter().zip(&postgres) {
        let (lite_sql, pg_sql) =
            (std::fs::read_to_string(lite).unwrap(), std::fs::read_to_string(pg).unwrap());
        let (a, b) = (portable(&lite_sql), portable(&pg_sql));
        let first_difference = a.iter().zip(&b).position(|(x, y)| x != y);
        assert!(
            a == b,
            "{} differs from its PostgreSQL twin at statement line {first_difference:?}: {:?} vs {:?}",
            lite.display(),
            first_difference.map(|i| &a[i]),
            first_difference.map(|i| &b[i]),
        );
    }
}

#[test]
fn a_drifted_column_is_noticed() {
    let sqlite = "CREATE TABLE t (\n    id INTEGER PRIMARY KEY AUTOINCREMENT,\n    name TEXT NOT NULL\n);";
    let postgres = "CREATE TABLE t (\n    id BIGSERIAL PRIMARY KEY,\n    name TEXT\n);";
    assert_ne!(portable(sqlite), portable(postgres));
    let trigger = "CREATE TRIGGER x BEFORE UPDATE ON t\nBEGIN SELECT RAISE(ABORT, 'no'); END;";
    assert_eq!(portable(&format!("{sqlite}\n{trigger}")), portable(sqlite), "triggers are the dialect's own");
}
