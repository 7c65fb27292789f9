//! Ten one-time codes to sign in when the phone (or the mailbox) is lost. Shown once; only their
//! hashes are kept; a new set replaces the old one.
use crate::domain::Target;
use crate::domain::{Ctx, DomainResult};
use sqlx::{Any, Executor, Row};

pub const HOW_MANY: usize = 10;
/// Ten characters from these 31, which leave out the look-alikes 0, 1, i, l and o: 31^10, about
/// 49.5 bits. Shown as `xxxxx-xxxxx`.
const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

fn new_code() -> String {
    use rand::Rng;
    let mut rng = rand::rngs::OsRng;
    let raw: String = (0..10).map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char).collect();
    format!("{}-{}", &raw[..5], &raw[5..])
}

/// What is compared: lower case, without spaces or dashes, so `ABCDE FGHJK` matches `abcde-fghjk`.
pub fn normalise(code: &str) -> String {
    code.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_lowercase()
}

/// True when the input has the shape of a recovery code rather than a 6-digit code.
pub fn looks_like(code: &str) -> bool {
    normalise(code).len() == 10
}

/// The code's digest, bound to its account; what is stored is this digest peppered with the
/// server's key (`sealing::Keyring::pepper`), so a copy of the database cannot be checked offline.
fn digest(account_id: i64, code: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(format!("recovery:{account_id}:{}", normalise(code)).as_bytes()))
}

/// Replaces every code of the account with ten new ones, returned in clear this once.
pub async fn regenerate(ctx: &Ctx, account_id: i64) -> DomainResult<Vec<String>> {
    let (db, now) = (&ctx.db, ctx.now);
    let codes: Vec<String> = (0..HOW_MANY).map(|_| new_code()).collect();
    let keys = crate::domain::sealing::keyring();
    let mut tx = db.begin().await?;
    sqlx::query("DELETE FROM recovery_codes WHERE account_id = $1")
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    for code in &codes {
        sqlx::query("INSERT INTO recovery_codes (account_id, code_hash, created_at) VALUES ($1, $2, $3)")
            .bind(account_id)
            .bind(keys.pepper(&digest(account_id, code)))
            .bind(now)
            .execute(&mut *tx)
            .await?;
    }
    ctx.audit(&mut *tx, None, "recovery_codes.generated", Target::Account(account_id)).await?;
    tx.commit().await?;
    Ok(codes)
}

/// How many of the account's recovery codes are unused; `None` if it never created any.
pub async fn remaining<'e>(
    exec: impl Executor<'e, Database = Any>,
    account_id: i64,
) -> DomainResult<Option<i64>> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS made, COUNT(*) - COUNT(used_at) AS unused FROM recovery_codes WHERE account_id = $1",
    )
    .bind(account_id)
    .fetch_one(exec)
    .await?;
    let made: i64 = row.try_get("made")?;
    Ok((made > 0).then(|| row.try_get("unused")).transpose()?)
}

/// Uses a code: true once, atomically, even for two requests at the same time. The stored form
/// may carry an older key's pepper, so each key of the ring is tried.
pub async fn consume(
    db: &crate::domain::store::Db,
    account_id: i64,
    code: &str,
    now: i64,
) -> DomainResult<bool> {
    for stored in crate::domain::sealing::keyring().peppered_by_each(&digest(account_id, code)) {
        let used = sqlx::query(
            "UPDATE recovery_codes SET used_at = $1 WHERE account_id = $2 AND code_hash = $3 AND used_at IS NULL",
        )
        .bind(now)
        .bind(account_id)
        .bind(stored)
        .execute(db)
        .await?
        .rows_affected();
        if used == 1 {
            return Ok(true);
        }
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_have_a_readable_shape() {
        let code = new_code();
        assert_eq!(code.len(), 11);
        assert_eq!(&code[5..6], "-");
        assert!(looks_like(&code));
        assert!(looks_like(&code.to_uppercase().replace('-', " ")));
        assert_eq!(digest(1, &code), digest(1, &code.to_uppercase()));
        assert_ne!(digest(1, &code), digest(2, &code), "a code is bound to its account");
        assert!(!looks_like("123456"));
        assert!(!looks_like("123 456"));
    }

    #[test]
    fn codes_use_31_characters_without_look_alikes() {
        let alphabet: std::collections::BTreeSet<char> = ALPHABET.iter().map(|&b| b as char).collect();
        assert_eq!((alphabet.len(), ALPHABET.len()), (31, 31), "31 distinct characters");
        assert!(!"01ilo".chars().any(|c| alphabet.contains(&c)), "no look-alikes");
        for _ in 0..200 {
            let code = new_code();
            assert!(code.chars().filter(|c| *c != '-').all(|c| alphabet.contains(&c)), "{code}");
            assert_eq!(code.chars().filter(|c| *c != '-').count(), 10);
        }
    }
}
