//! The server's secret key file (see `app::domain::sealing`): where it is, and making one for a
//! new SQLite installation.
use app::domain::sealing::Keyring;
use std::path::{Path, PathBuf};

/// The key file to use: the one named, else for SQLite `portail.key` beside the database file.
/// PostgreSQL has no file of its own to sit beside, so there the key file must be named.
pub fn path(named: Option<&Path>, database_url: &str) -> anyhow::Result<PathBuf> {
    if let Some(named) = named {
        return Ok(named.to_path_buf());
    }
    let Some(file) = app::domain::store::sqlite_file(database_url) else {
        anyhow::bail!(
            "SECRET_KEY_FILE is required with PostgreSQL (create one with `portail new-key > file`)"
        );
    };
    Ok(Path::new(file).with_file_name("portail.key"))
}

/// Reads the key file. A SQLite installation's own key file is created on first start; a named
/// file must exist (a missing one means a wrong path, and a new key would lock everyone out).
pub fn load(named: Option<&Path>, database_url: &str) -> anyhow::Result<Keyring> {
    let path = path(named, database_url)?;
    if named.is_none() && !path.exists() {
        create(&path)?;
        tracing::warn!(
            "created the secret key file {}: back it up with the database (without it, authenticator apps must be set up again)",
            path.display()
        );
    }
    let text = std::fs::read_to_string(&path)
        .map_err(|e| anyhow::anyhow!("secret key file {}: {e}", path.display()))?;
    Keyring::parse(&text).map_err(|e| anyhow::anyhow!("secret key file {}: {e}", path.display()))
}

fn create(path: &Path) -> anyhow::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    if let Some(folder) = path.parent().filter(|folder| !folder.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)?;
    }
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)?;
    writeln!(
        file,
        "# Portail's secret key: the first line seals, lines below only open (see README, \"Secret key\")."
    )?;
    writeln!(file, "{}", new_line())?;
    Ok(())
}

/// A new key line, named after today's date so that rotations read in order.
pub fn new_line() -> String {
    Keyring::new_line(&chrono::Utc::now().format("k%Y%m%d-%H%M%S").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_keeps_its_key_beside_the_database_and_postgres_needs_one_named() {
        assert_eq!(path(None, "sqlite://data/portail.db").unwrap(), PathBuf::from("data/portail.key"));
        assert_eq!(
            path(None, "sqlite:///var/lib/p/p.db?mode=rwc").unwrap(),
            PathBuf::from("/var/lib/p/portail.key")
        );
        assert!(path(None, "postgres://portail@db/portail").is_err());
        let named = Path::new("/run/secrets/portail.key");
        assert_eq!(path(Some(named), "postgres://portail@db/portail").unwrap(), named);
    }

    #[test]
    fn a_new_installation_makes_its_key_file_readable_by_the_server_only() {
        use std::os::unix::fs::PermissionsExt;
        let folder = std::env::temp_dir().join(format!("portail-keys-{}", std::process::id()));
        let url = format!("sqlite://{}/portail.db", folder.display());
        let first = load(None, &url).unwrap();
        let file = folder.join("portail.key");
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
        let again = load(None, &url).unwrap();
        assert_eq!(first.current_id(), again.current_id(), "the same file, not a new key");
        assert!(load(Some(&folder.join("missing.key")), &url).is_err(), "a named file must exist");
        std::fs::remove_dir_all(folder).unwrap();
    }
}
