//! What proves who someone is: the password (policy and argon2id hash) and the authenticator app
//! (TOTP, RFC 6238).
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use hmac::{Hmac, Mac};
use rand::RngCore;
use unicode_normalization::UnicodeNormalization;

pub const PASSWORD_MIN_CHARS: usize = 12;
pub const PASSWORD_MAX_CHARS: usize = 128;

/// French, Québec and Portail ones the compiled-in list (English-speaking leaks) lacks.
const LOCAL_COMMON_PASSWORDS: &[&str] = &[
    "123456789012",
    "1234567890123",
    "12345678901234",
    "123456789abc",
    "1q2w3e4r5t6y",
    "qwertyuiop12",
    "qwertyuiopas",
    "azertyuiop12",
    "azertyuiopqs",
    "password1234",
    "password12345",
    "passwordpassword",
    "motdepasse123",
    "motdepasse1234",
    "motdepassemotdepasse",
    "iloveyou1234",
    "welcome12345",
    "bienvenue123",
    "bienvenue1234",
    "letmein12345",
    "administrator",
    "administrateur",
    "changeme1234",
    "sunshine1234",
    "football1234",
    "baseball1234",
    "aaaaaaaaaaaa",
    "111111111111",
    "000000000000",
    "abcdefghijkl",
    "abc123abc123",
    "montreal1234",
    "quebec123456",
    "canada123456",
    "portail12345",
];

/// Passwords long enough to pass the length rule yet known to every attacker's word list: those of
/// SecLists' 437,651 most common (which hold the 100,000 most common) that a new password could
/// match, lower case, gzip-compressed into the binary (app/data/README.md), plus the local ones.
static COMMON_PASSWORDS: std::sync::LazyLock<std::collections::HashSet<String>> =
    std::sync::LazyLock::new(|| {
        use std::io::Read;
        let compressed: &[u8] = include_bytes!("../../../data/common-passwords.txt.gz");
        let mut text = String::new();
        flate2::read::GzDecoder::new(compressed)
            .read_to_string(&mut text)
            .expect("the compiled-in password list is gzip-compressed UTF-8");
        text.lines().map(str::to_owned).chain(LOCAL_COMMON_PASSWORDS.iter().map(|p| p.to_string())).collect()
    });

/// How many passwords are refused as common; loads the list, so the server calls it at start
/// rather than making the first person who chooses a password wait.
pub fn common_password_count() -> usize {
    COMMON_PASSWORDS.len()
}

/// Why a password was refused; each maps to a message key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    Common,
    ContainsPersonalData,
    Mismatch,
}

impl PasswordProblem {
    pub fn key(self) -> &'static str {
        match self {
            Self::TooShort => "error-password-too-short",
            Self::TooLong => "error-password-too-long",
            Self::Common => "error-password-common",
            Self::ContainsPersonalData => "error-password-personal",
            Self::Mismatch => "error-password-mismatch",
        }
    }
}

/// Checks a new password and returns it NFC-normalised, ready to hash. `personal` holds the
/// person's names and email: none of them (3 characters or more) may appear in the password.
pub fn check_new_password(
    password: &str,
    confirmation: &str,
    personal: &[&str],
) -> Result<String, PasswordProblem> {
    let normalised: String = password.nfc().collect();
    let count = normalised.chars().count();
    if count < PASSWORD_MIN_CHARS {
        return Err(PasswordProblem::TooShort);
    }
    if count > PASSWORD_MAX_CHARS {
        return Err(PasswordProblem::TooLong);
    }
    if normalised != confirmation.nfc().collect::<String>() {
        return Err(PasswordProblem::Mismatch);
    }
    let lowered = normalised.to_lowercase();
    if COMMON_PASSWORDS.contains(&lowered) {
        return Err(PasswordProblem::Common);
    }
    let mut words: Vec<String> = Vec::new();
    for item in personal {
        let item = item.to_lowercase();
        if let Some((local, _)) = item.split_once('@') {
            words.push(local.to_string());
        }
        words.extend(item.split(|c: char| !c.is_alphanumeric()).map(str::to_string));
        words.push(item);
    }
    if words.iter().any(|w| w.chars().count() >= 3 && lowered.contains(w.as_str())) {
        return Err(PasswordProblem::ContainsPersonalData);
    }
    Ok(normalised)
}

fn argon2() -> Argon2<'static> {
    // docs/RULES.md §5: argon2id, m = 19 MiB, t = 2, p = 1.
    Argon2::new(
        Algorithm::Argon2id,
        Version::V0x13,
        Params::new(19 * 1024, 2, 1, None).expect("valid argon2 params"),
    )
}

static WAITING: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Password checks waiting for a free slot right now (for `/metrics`).
pub fn hashes_waiting() -> usize {
    WAITING.load(std::sync::atomic::Ordering::Relaxed)
}

/// Password work (argon2id, 19 MiB each) runs on blocking threads, at most one per core but one:
/// a flood of sign-ins waits its turn instead of stalling every page on the async threads, and a
/// caller that waited over 5 s gets 503 (`DomainError::Busy`) instead of a growing queue.
async fn off_the_async_threads<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> crate::domain::DomainResult<T> {
    // One hash at a time per core but one: a flood of sign-ins from many addresses (which the
    // per-address limits do not stop) leaves a core for every other page.
    static SLOTS: std::sync::LazyLock<tokio::sync::Semaphore> = std::sync::LazyLock::new(|| {
        let cores = std::thread::available_parallelism().map(usize::from).unwrap_or(2);
        tokio::sync::Semaphore::new(cores.saturating_sub(1).max(1))
    });
    WAITING.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let slot = tokio::time::timeout(std::time::Duration::from_secs(5), SLOTS.acquire()).await;
    WAITING.fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
    let _slot =
        slot.map_err(|_| crate::domain::DomainError::Busy)?.map_err(|_| crate::domain::DomainError::Busy)?;
    tokio::task::spawn_blocking(work).await.map_err(|_| crate::domain::DomainError::Busy)
}

/// The stored form of a new password.
pub async fn hash(password: &str) -> crate::domain::DomainResult<String> {
    let password = password.to_string();
    off_the_async_threads(move || hash_password(&password)).await
}

/// Whether `password` matches the stored `hash` (an unusable hash matches nothing).
pub async fn verify(password: &str, hash: &str) -> crate::domain::DomainResult<bool> {
    let (password, hash) = (password.to_string(), hash.to_string());
    off_the_async_threads(move || verify_password(&password, &hash)).await
}

/// The account's password, checked against its hash (the decoy's when it has none, so that the
/// answer takes as long either way).
pub async fn verify_or_decoy(password: &str, hash: Option<&str>) -> crate::domain::DomainResult<bool> {
    let hash = hash.unwrap_or(decoy_hash()).to_string();
    verify(password, &hash).await
}

fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    argon2()
        .hash_password(password.nfc().collect::<String>().as_bytes(), &salt)
        .expect("argon2 hashing")
        .to_string()
}

/// A hash that every unknown email is checked against, so that a wrong email costs as much time
/// as a wrong password and does not reveal which accounts exist.
pub fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password("decoy password never used"))
}

fn verify_password(password: &str, hash: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else { return false };
    argon2().verify_password(password.nfc().collect::<String>().as_bytes(), &parsed).is_ok()
}

/// True when the stored hash was made with other parameters than today's: rehash at next sign-in.
pub fn needs_rehash(hash: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else { return true };
    let current = argon2();
    let p = current.params();
    parsed.algorithm.as_str() != "argon2id"
        || Params::try_from(&parsed)
            .map(|q| q.m_cost() != p.m_cost() || q.t_cost() != p.t_cost() || q.p_cost() != p.p_cost())
            .unwrap_or(true)
}

// ---- TOTP (RFC 6238: HMAC-SHA1, 30 s steps, 6 digits, ±1 step accepted) ----

pub const TOTP_STEP_SECONDS: i64 = 30;

/// A new 160-bit secret, base32 as authenticator apps expect.
pub fn new_totp_secret() -> String {
    let mut bytes = [0u8; 20];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    data_encoding::BASE32_NOPAD.encode(&bytes)
}

pub fn totp_code(secret_base32: &str, step: i64) -> Option<String> {
    let key = data_encoding::BASE32_NOPAD.decode(secret_base32.as_bytes()).ok()?;
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(&key).ok()?;
    mac.update(&(step as u64).to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = (digest[19] & 0x0f) as usize;
    let binary = u32::from_be_bytes([
        digest[offset] & 0x7f,
        digest[offset + 1],
        digest[offset + 2],
        digest[offset + 3],
    ]);
    Some(format!("{:06}", binary % 1_000_000))
}

/// Returns the step the code belongs to when it is valid now (±1 step) and newer than
/// `last_used_step`, so a code cannot be replayed.
pub fn verify_totp(secret_base32: &str, code: &str, now: i64, last_used_step: Option<i64>) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let current = now.div_euclid(TOTP_STEP_SECONDS);
    [current - 1, current, current + 1].into_iter().find(|&step| {
        last_used_step.is_none_or(|last| step > last)
            && totp_code(secret_base32, step)
                .is_some_and(|expected| crate::domain::secret::same(&expected, &code))
    })
}

pub fn otpauth_uri(issuer: &str, account: &str, secret_base32: &str) -> String {
    let label = urlencoding::encode(&format!("{issuer}:{account}")).into_owned();
    format!(
        "otpauth://totp/{label}?secret={secret_base32}&issuer={}&algorithm=SHA1&digits=6&period=30",
        urlencoding::encode(issuer)
    )
}

/// The otpauth URI as a QR code, SVG text rendered on the server.
pub fn qr_svg(uri: &str) -> String {
    let code = qrcode::QrCode::new(uri.as_bytes()).expect("otpauth URI fits in a QR code");
    code.render::<qrcode::render::svg::Color>().min_dimensions(200, 200).quiet_zone(true).build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_length_is_counted_in_characters_after_nfc() {
        assert_eq!(check_new_password("short", "short", &[]), Err(PasswordProblem::TooShort));
        // 12 accented characters written with combining marks are 12 characters once composed.
        let decomposed = "e\u{301}".repeat(12);
        assert!(check_new_password(&decomposed, &"é".repeat(12), &[]).is_ok());
        let long = "x".repeat(129);
        assert_eq!(check_new_password(&long, &long, &[]), Err(PasswordProblem::TooLong));
    }

    #[test]
    fn password_rules_refuse_common_personal_and_mismatched() {
        assert_eq!(check_new_password("Password1234", "Password1234", &[]), Err(PasswordProblem::Common));
        assert_eq!(
            check_new_password(
                "tremblay-forever-2024",
                "tremblay-forever-2024",
                &["Léa", "Tremblay", "lea@example.org"]
            ),
            Err(PasswordProblem::ContainsPersonalData)
        );
        assert_eq!(
            check_new_password("marie.curie-was-here", "marie.curie-was-here", &["marie.curie@example.org"]),
            Err(PasswordProblem::ContainsPersonalData)
        );
        assert_eq!(
            check_new_password("correct horse battery", "correct horse batterx", &[]),
            Err(PasswordProblem::Mismatch)
        );
        assert_eq!(
            check_new_password("correct horse battery", "correct horse battery", &["Léa"]).as_deref(),
            Ok("correct horse battery")
        );
    }

    #[test]
    fn the_compiled_in_list_refuses_leaked_passwords_whatever_their_case() {
        assert!(common_password_count() > 12_000, "{}", common_password_count());
        // From the list (positions 1,472, 2,508 and 8,153 of the most common).
        for leaked in ["1qaz2wsx3edc", "QAZWSXEDCRFV", "Sonyericsson"] {
            assert_eq!(check_new_password(leaked, leaked, &[]), Err(PasswordProblem::Common), "{leaked}");
        }
        // A local one the list lacks.
        assert_eq!(check_new_password("MotDePasse123", "MotDePasse123", &[]), Err(PasswordProblem::Common));
        assert!(check_new_password("blue fjord lantern", "blue fjord lantern", &[]).is_ok());
    }

    #[test]
    fn argon2_round_trip_and_parameters() {
        let hash = hash_password("correct horse battery");
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify_password("correct horse battery", &hash));
        assert!(!verify_password("correct horse batterx", &hash));
        assert!(!needs_rehash(&hash));
        assert!(needs_rehash("$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"));
    }

    #[test]
    fn totp_matches_rfc6238_vectors() {
        // RFC 6238 appendix B, SHA-1 secret "12345678901234567890", last 6 digits.
        let secret = data_encoding::BASE32_NOPAD.encode(b"12345678901234567890");
        assert_eq!(totp_code(&secret, 59 / 30).unwrap(), "287082");
        assert_eq!(totp_code(&secret, 1111111109 / 30).unwrap(), "081804");
        assert_eq!(totp_code(&secret, 1234567890 / 30).unwrap(), "005924");
    }

    #[test]
    fn totp_accepts_one_step_of_drift_and_rejects_replay() {
        let secret = new_totp_secret();
        let now = 1_700_000_000;
        let step = now / 30;
        let previous = totp_code(&secret, step - 1).unwrap();
        assert_eq!(verify_totp(&secret, &previous, now, None), Some(step - 1));
        assert_eq!(verify_totp(&secret, &previous, now, Some(step - 1)), None, "replayed step");
        let old = totp_code(&secret, step - 2).unwrap();
        assert_eq!(verify_totp(&secret, &old, now, None), None, "two steps old");
        assert_eq!(verify_totp(&secret, "12345", now, None), None);
    }
}
