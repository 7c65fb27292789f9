//! Secrets kept under the server's key, so a copy of the database alone gives nobody a second
//! factor: authenticator secrets are sealed (XChaCha20-Poly1305, bound to their account) and
//! recovery codes, which are only compared, are hashed with a key (a pepper).
//!
//! The key file holds one key per line, `<id> <32 bytes in base64>`; `#` starts a comment. The
//! first key seals and peppers; the ones below only open and check what they made before. To
//! rotate: put a new line (`portail new-key`) on top and restart — `reseal` moves every sealed
//! secret to the new key at start; an older line may go once `reseal` reports nothing left under it.
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::sync::{Arc, RwLock};

const SEALED_PREFIX: &str = "v1.";
const NONCE_BYTES: usize = 24;

struct Key {
    id: String,
    cipher: XChaCha20Poly1305,
    pepper: [u8; 32],
}

pub struct Keyring {
    keys: Vec<Key>,
}

impl std::fmt::Debug for Keyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ids: Vec<&str> = self.keys.iter().map(|key| key.id.as_str()).collect();
        f.debug_struct("Keyring").field("ids", &ids).finish_non_exhaustive()
    }
}

/// One key derived from the master for one use, so the cipher and the pepper never share a key.
fn derive(master: &[u8], label: &str) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(master).expect("HMAC takes any key length");
    mac.update(label.as_bytes());
    mac.finalize().into_bytes().into()
}

impl Keyring {
    /// Reads a key file's text; an error names the line that is wrong (never the key itself).
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut keys = Vec::new();
        for (number, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or_default().trim();
            if line.is_empty() {
                continue;
            }
            let (id, material) = line
                .split_once(char::is_whitespace)
                .ok_or_else(|| format!("line {}: expected `<id> <key in base64>`", number + 1))?;
            let id = id.trim();
            if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
                return Err(format!("line {}: a key id is letters, digits, - and _", number + 1));
            }
            let master = data_encoding::BASE64
                .decode(material.trim().as_bytes())
                .ok()
                .filter(|bytes| bytes.len() == 32)
                .ok_or_else(|| format!("line {}: the key must be 32 bytes in base64", number + 1))?;
            if keys.iter().any(|key: &Key| key.id == id) {
                return Err(format!("line {}: key id {id} appears twice", number + 1));
            }
            keys.push(Key {
                id: id.to_string(),
                cipher: XChaCha20Poly1305::new_from_slice(&derive(&master, "portail seal v1"))
                    .expect("32-byte key"),
                pepper: derive(&master, "portail pepper v1"),
            });
        }
        if keys.is_empty() {
            return Err("the key file holds no key".into());
        }
        Ok(Keyring { keys })
    }

    /// A new key file line: `<id> <32 random bytes in base64>`.
    pub fn new_line(id: &str) -> String {
        use rand::RngCore;
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        format!("{id} {}", data_encoding::BASE64.encode(&bytes))
    }

    fn current(&self) -> &Key {
        &self.keys[0]
    }

    pub fn current_id(&self) -> &str {
        &self.current().id
    }

    /// `v1.<key id>.<nonce and ciphertext in base64url>`; `bound_to` must be given again to open it.
    pub fn seal(&self, bound_to: &str, secret: &str) -> String {
        use rand::RngCore;
        let key = self.current();
        let mut nonce = [0u8; NONCE_BYTES];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let sealed = key
            .cipher
            .encrypt(XNonce::from_slice(&nonce), Payload { msg: secret.as_bytes(), aad: bound_to.as_bytes() })
            .expect("sealing a short text cannot fail");
        let mut bytes = nonce.to_vec();
        bytes.extend(sealed);
        format!("{SEALED_PREFIX}{}.{}", key.id, data_encoding::BASE64URL_NOPAD.encode(&bytes))
    }

    /// The secret, if it was sealed by a key of this ring for the same `bound_to` and not altered.
    pub fn open(&self, bound_to: &str, sealed: &str) -> Option<String> {
        let (id, body) = sealed.strip_prefix(SEALED_PREFIX)?.split_once('.')?;
        let key = self.keys.iter().find(|key| key.id == id)?;
        let bytes = data_encoding::BASE64URL_NOPAD.decode(body.as_bytes()).ok()?;
        if bytes.len() <= NONCE_BYTES {
            return None;
        }
        let (nonce, ciphertext) = bytes.split_at(NONCE_BYTES);
        let secret = key
            .cipher
            .decrypt(XNonce::from_slice(nonce), Payload { msg: ciphertext, aad: bound_to.as_bytes() })
            .ok()?;
        String::from_utf8(secret).ok()
    }

    /// How every value the current key seals begins.
    pub fn current_prefix(&self) -> String {
        format!("{SEALED_PREFIX}{}.", self.current_id())
    }

    /// Whether a stored value is sealed, and by the current key.
    pub fn is_current(&self, stored: &str) -> bool {
        stored.starts_with(&self.current_prefix())
    }

    /// Whether a stored value is sealed at all (older rows held authenticator secrets in clear).
    pub fn is_sealed(stored: &str) -> bool {
        stored.starts_with(SEALED_PREFIX)
    }

    /// `<key id>:<HMAC of the digest>` with the current key: what is stored for a recovery code.
    pub fn pepper(&self, digest: &str) -> String {
        peppered(self.current(), digest)
    }

    /// The digest peppered with each key of the ring, newest first: one of them is stored.
    pub fn peppered_by_each(&self, digest: &str) -> Vec<String> {
        self.keys.iter().map(|key| peppered(key, digest)).collect()
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.keys.iter().map(|key| key.id.as_str())
    }
}

fn peppered(key: &Key, digest: &str) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&key.pepper).expect("HMAC takes any key length");
    mac.update(digest.as_bytes());
    format!("{}:{}", key.id, hex::encode(mac.finalize().into_bytes()))
}

/// What an authenticator secret is bound to: its account (a sealed secret copied onto another
/// account does not open).
pub fn totp_binding(account_id: i64) -> String {
    format!("totp:{account_id}")
}

static INSTALLED: RwLock<Option<Arc<Keyring>>> = RwLock::new(None);

/// Makes `keyring` the process's keys (the server does it before it serves anything).
pub fn install(keyring: Keyring) {
    *INSTALLED.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(Arc::new(keyring));
}

/// The installed keys.
///
/// # Panics
/// When none were installed: a programming error, the server installs them at start.
pub fn keyring() -> Arc<Keyring> {
    INSTALLED
        .read()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .clone()
        .expect("no secret key installed (server::prepare installs it)")
}

/// An authenticator secret sealed for its account with the installed key.
pub fn seal_totp(account_id: i64, secret: &str) -> String {
    keyring().seal(&totp_binding(account_id), secret)
}

/// The authenticator secret of the account, if the stored value opens with the installed keys.
pub fn open_totp(account_id: i64, stored: &str) -> Option<String> {
    keyring().open(&totp_binding(account_id), stored)
}

/// What `reseal` did, and what still depends on an older key.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Resealed {
    /// Authenticator secrets (set, pending, or waiting behind a setup link) sealed anew.
    pub secrets: u64,
    /// Recovery codes that were kept as a plain digest and now carry the pepper.
    pub recovery_codes: u64,
    /// Secrets that no key of the ring opens (left as they are: the person uses a recovery code
    /// or has an administrator reset the method).
    pub unreadable: u64,
    /// Recovery codes peppered with each older key, which must stay in the file while any remain.
    pub codes_under_older_keys: Vec<(String, i64)>,
}

/// At start: seals the authenticator secrets kept in clear (before sealing existed) or under an
/// older key with the current one, peppers plain recovery-code digests, and clears the secret
/// of setup links already used.
pub async fn reseal(db: &crate::domain::store::Db, keys: &Keyring) -> crate::domain::DomainResult<Resealed> {
    use sqlx::Row;
    let mut done = Resealed::default();
    sqlx::query("UPDATE setup_links SET totp_secret = '' WHERE used_at IS NOT NULL AND totp_secret <> ''")
        .execute(db)
        .await?;
    // Only what the current key did not seal is read: a start with nothing to do reads no row.
    // (Compared by `substr`, not LIKE, whose `_` would match any character of a key id.)
    let current = keys.current_prefix();
    let stored = [
        (
            "SELECT id AS row_id, id AS account_id, totp_secret AS value FROM accounts
           WHERE totp_secret IS NOT NULL AND substr(totp_secret, 1, length($1)) <> $1",
            "UPDATE accounts SET totp_secret = $1 WHERE id = $2 AND totp_secret = $3",
        ),
        (
            "SELECT id AS row_id, id AS account_id, totp_pending AS value FROM accounts
           WHERE totp_pending IS NOT NULL AND substr(totp_pending, 1, length($1)) <> $1",
            "UPDATE accounts SET totp_pending = $1 WHERE id = $2 AND totp_pending = $3",
        ),
        (
            "SELECT id AS row_id, account_id, totp_secret AS value FROM setup_links
           WHERE totp_secret <> '' AND substr(totp_secret, 1, length($1)) <> $1",
            "UPDATE setup_links SET totp_secret = $1 WHERE id = $2 AND totp_secret = $3",
        ),
    ];
    for (select, update) in stored {
        let rows = sqlx::query(select).bind(&current).fetch_all(db).await?;
        for row in rows {
            let (row_id, account_id, value): (i64, i64, String) =
                (row.try_get("row_id")?, row.try_get("account_id")?, row.try_get("value")?);
            let binding = totp_binding(account_id);
            let secret =
                if Keyring::is_sealed(&value) { keys.open(&binding, &value) } else { Some(value.clone()) };
            let Some(secret) = secret else {
                done.unreadable += 1;
                continue;
            };
            done.secrets += sqlx::query(update)
                .bind(keys.seal(&binding, &secret))
                .bind(row_id)
                .bind(&value)
                .execute(db)
                .await?
                .rows_affected();
        }
    }
    for row in sqlx::query("SELECT id, code_hash FROM recovery_codes WHERE code_hash NOT LIKE '%:%'")
        .fetch_all(db)
        .await?
    {
        let (id, digest): (i64, String) = (row.try_get("id")?, row.try_get("code_hash")?);
        done.recovery_codes +=
            sqlx::query("UPDATE recovery_codes SET code_hash = $1 WHERE id = $2 AND code_hash = $3")
                .bind(keys.pepper(&digest))
                .bind(id)
                .bind(&digest)
                .execute(db)
                .await?
                .rows_affected();
    }
    for id in keys.ids().skip(1) {
        let prefix = format!("{id}:");
        let left: i64 = sqlx::query(
            "SELECT COUNT(*) AS left_count FROM recovery_codes
             WHERE substr(code_hash, 1, length($1)) = $1 AND used_at IS NULL",
        )
        .bind(&prefix)
        .fetch_one(db)
        .await?
        .try_get("left_count")?;
        done.codes_under_older_keys.push((id.to_string(), left));
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(lines: &[&str]) -> Keyring {
        Keyring::parse(&lines.join("\n")).unwrap()
    }

    #[test]
    fn a_sealed_secret_opens_only_with_its_key_and_binding() {
        let a = Keyring::new_line("a");
        let keys = ring(&[&a]);
        let sealed = keys.seal("totp:1", "JBSWY3DPEHPK3PXP");
        assert!(!sealed.contains("JBSWY3DPEHPK3PXP"));
        assert_ne!(sealed, keys.seal("totp:1", "JBSWY3DPEHPK3PXP"), "a fresh nonce each time");
        assert_eq!(keys.open("totp:1", &sealed).as_deref(), Some("JBSWY3DPEHPK3PXP"));
        assert_eq!(keys.open("totp:2", &sealed), None, "bound to its account");
        let other = ring(&[&Keyring::new_line("a")]);
        assert_eq!(other.open("totp:1", &sealed), None, "another key with the same id");
        let mut altered = sealed.clone();
        altered.pop();
        altered.push(if sealed.ends_with('A') { 'B' } else { 'A' });
        assert_eq!(keys.open("totp:1", &altered), None, "altered");
        assert_eq!(keys.open("totp:1", "JBSWY3DPEHPK3PXP"), None, "clear text is not a sealed value");
    }

    #[test]
    fn after_a_rotation_old_secrets_open_and_new_ones_use_the_new_key() {
        let (old_line, new_line) = (Keyring::new_line("k1"), Keyring::new_line("k2"));
        let before = ring(&[&old_line]);
        let sealed_before = before.seal("totp:7", "SECRET");
        let after = ring(&[&new_line, "# kept until reseal reports nothing under it", &old_line]);
        assert_eq!(after.open("totp:7", &sealed_before).as_deref(), Some("SECRET"));
        assert!(!after.is_current(&sealed_before));
        let resealed = after.seal("totp:7", "SECRET");
        assert!(after.is_current(&resealed));
        assert_eq!(ring(&[&new_line]).open("totp:7", &resealed).as_deref(), Some("SECRET"));
        assert_eq!(ring(&[&new_line]).open("totp:7", &sealed_before), None, "the old key is gone");
        let digest = "d1g3st";
        let stored = before.pepper(digest);
        assert!(after.peppered_by_each(digest).contains(&stored), "old peppers still match");
        assert_ne!(after.pepper(digest), stored);
    }

    #[test]
    fn a_bad_key_file_says_which_line_without_the_key() {
        let short = format!("k1 {}", data_encoding::BASE64.encode(&[7u8; 16]));
        let error = Keyring::parse(&format!("# comment\n{short}")).unwrap_err();
        assert_eq!(error, "line 2: the key must be 32 bytes in base64");
        assert!(Keyring::parse("").is_err());
        assert!(Keyring::parse("only-an-id").is_err());
        let line = Keyring::new_line("k1");
        assert!(Keyring::parse(&format!("{line}\n{line}")).unwrap_err().contains("twice"));
        assert!(Keyring::parse(&line.replace("k1", "k/1")).is_err());
    }
}
