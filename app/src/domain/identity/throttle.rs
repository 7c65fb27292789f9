//! How often an anonymous caller may try: a token bucket per (limit, caller address) and per
//! (limit, target account or email), the two kinds in separate tables so a flood of addresses
//! never pushes out what protects an email. Held in this process's memory: cheap enough to answer
//! a flood before any database or password work. On PostgreSQL, where several instances may
//! serve, the limits that protect accounts (`Limit::shared`: sign-in per address and per email,
//! codes per address, reset mails per email) are then taken again from the same bucket in the
//! database (`throttle_buckets`, keys hashed), so that N instances allow what one does. The
//! limits that must hold everywhere whatever the database (the account lock, an invitation voided
//! after 5 wrong codes, 5 tries per verification code) live in their own rows.
use crate::domain::{secret, store, DomainResult};
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

/// One kind of attempt and how many of them are allowed: `burst` at once, then one more every
/// `refill_seconds`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Limit {
    /// Sign-in step one (email and password) from one address.
    SignInFromAddress,
    /// Sign-in step one for one email, from anywhere.
    SignInForEmail,
    /// A verification code (sign-in step two) from one address.
    CodeFromAddress,
    /// An invitation code from one address.
    InvitationCodeFromAddress,
    /// "Forgot my password" requests from one address.
    ResetRequestFromAddress,
    /// Reset emails to one address: past this, the request answers the same and sends nothing.
    ResetMailForEmail,
    /// Completing a link from an email (new password, staff setup, new account) from one address.
    LinkFromAddress,
    /// An administrator asking people who may have an account to join their staff (by their account).
    JoinRequestByAdministrator,
    /// A signed-in person's password checked or changed (re-authentication, a new password): each
    /// costs an argon2 slot shared with everyone's sign-in, and a change sends a mail.
    PasswordWorkByAccount,
    /// A message written by one account (replies and first messages, any door).
    MessageByAccount,
    /// A conversation started by one account: each mails every member of the team.
    ConversationStartByAccount,
    /// An organisation's request to join from one address (each mails a confirmation link).
    OrganisationRequestFromAddress,
    /// Confirmation links of organisations' requests mailed to one address.
    OrganisationRequestForEmail,
}

impl Limit {
    pub const ALL: [Limit; 13] = [
        Self::SignInFromAddress,
        Self::SignInForEmail,
        Self::CodeFromAddress,
        Self::InvitationCodeFromAddress,
        Self::ResetRequestFromAddress,
        Self::ResetMailForEmail,
        Self::LinkFromAddress,
        Self::JoinRequestByAdministrator,
        Self::PasswordWorkByAccount,
        Self::MessageByAccount,
        Self::ConversationStartByAccount,
        Self::OrganisationRequestFromAddress,
        Self::OrganisationRequestForEmail,
    ];

    /// (burst, refill_seconds). Per address the numbers leave room for a clinic's shared
    /// connection; per email they stay below what a person could ever need.
    pub const fn rate(self) -> (u32, i64) {
        match self {
            Self::SignInFromAddress => (30, 2),
            Self::SignInForEmail => (20, 60),
            Self::CodeFromAddress => (30, 2),
            Self::InvitationCodeFromAddress => (20, 10),
            Self::ResetRequestFromAddress => (10, 60),
            Self::ResetMailForEmail => (3, 1200),
            Self::LinkFromAddress => (30, 2),
            Self::JoinRequestByAdministrator => (20, 180),
            Self::PasswordWorkByAccount => (10, 60),
            Self::MessageByAccount => (30, 10),
            Self::ConversationStartByAccount => (10, 360),
            Self::OrganisationRequestFromAddress => (5, 600),
            Self::OrganisationRequestForEmail => (3, 3600),
        }
    }

    /// Whether the limit protects accounts from guessing, and so is held in the database where
    /// several instances share it.
    pub const fn shared(self) -> bool {
        matches!(
            self,
            Self::SignInFromAddress | Self::SignInForEmail | Self::CodeFromAddress | Self::ResetMailForEmail
        )
    }

    /// Whether the key is a caller's address (else an email or an account).
    pub const fn per_address(self) -> bool {
        !matches!(
            self,
            Self::SignInForEmail
                | Self::ResetMailForEmail
                | Self::JoinRequestByAdministrator
                | Self::PasswordWorkByAccount
                | Self::MessageByAccount
                | Self::ConversationStartByAccount
                | Self::OrganisationRequestForEmail
        )
    }
}

/// The bucket of one key: how many tries are left, as of `at`; `used`: the table's count of
/// tries when it last had one (an order, finer than the clock's seconds).
#[derive(Clone, Copy, Debug)]
struct Bucket {
    tokens: u32,
    at: i64,
    used: u64,
}

/// Keys kept at most in each table (about 10 MB each). Past this, buckets that have filled up
/// again (they hold nothing worth remembering) are forgotten, then the tenth least recently
/// used: a caller who keeps trying stays held back, whatever else floods the table.
const MAX_KEYS: usize = 100_000;

#[derive(Default)]
struct Buckets {
    map: HashMap<(Limit, String), Bucket>,
    tries: u64,
}

type Table = Mutex<Buckets>;

#[derive(Default)]
pub struct Throttle {
    by_address: Table,
    by_target: Table,
    off: bool,
    /// The database holding the shared limits' buckets (PostgreSQL), if they are shared.
    shared: Option<store::Db>,
}

impl Throttle {
    pub fn new() -> Self {
        Self::default()
    }

    /// Limits whose shared part is held in `db`, for every instance serving it.
    pub fn sharing(db: store::Db) -> Self {
        Self { shared: Some(db), ..Self::default() }
    }

    pub fn is_shared(&self) -> bool {
        self.shared.is_some()
    }

    /// Takes one try here, then, for a shared limit, from the database's bucket too.
    pub async fn take_everywhere(&self, limit: Limit, key: &str, now: i64) -> DomainResult<Result<(), i64>> {
        if let Err(wait) = self.take(limit, key, now) {
            return Ok(Err(wait));
        }
        match &self.shared {
            Some(db) if limit.shared() => take_shared(db, limit, key, now).await,
            _ => Ok(Ok(())),
        }
    }

    /// No limits at all: only for tests of the defences below this one.
    pub fn off() -> Self {
        Self { off: true, ..Self::default() }
    }

    /// Takes one try for `key` under `limit` at time `now`; `Err(seconds)` says how long until
    /// the next try is allowed.
    pub fn take(&self, limit: Limit, key: &str, now: i64) -> Result<(), i64> {
        if self.off {
            return Ok(());
        }
        let (burst, refill) = limit.rate();
        let table = if limit.per_address() { &self.by_address } else { &self.by_target };
        let mut buckets = table.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        buckets.tries += 1;
        let tries = buckets.tries;
        let key = (limit, key.to_string());
        if buckets.map.len() >= MAX_KEYS && !buckets.map.contains_key(&key) {
            make_room(&mut buckets.map, now);
        }
        let bucket = buckets.map.entry(key).or_insert(Bucket { tokens: burst, at: now, used: tries });
        *bucket = refilled(*bucket, limit, now);
        bucket.used = tries;
        take_one(bucket, refill, now)
    }

    /// Returns the try just taken for `key` under `limit`: it was not a guess (a right code), so
    /// the limit on guessing never holds back the people who have the code.
    pub fn give_back(&self, limit: Limit, key: &str) {
        if self.off {
            return;
        }
        let table = if limit.per_address() { &self.by_address } else { &self.by_target };
        let mut buckets = table.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(bucket) = buckets.map.get_mut(&(limit, key.to_string())) {
            bucket.tokens = (bucket.tokens + 1).min(limit.rate().0);
        }
    }

    #[cfg(test)]
    fn keys(&self) -> usize {
        self.by_address.lock().unwrap().map.len() + self.by_target.lock().unwrap().map.len()
    }
}

/// One try from the database's bucket of `key` under `limit`, refilled as the memory one is.
/// Writing the row first locks it (PostgreSQL) or the database (SQLite) before it is read, so two
/// instances never both take its last try.
async fn take_shared(db: &store::Db, limit: Limit, key: &str, now: i64) -> DomainResult<Result<(), i64>> {
    use sqlx::Row;
    let (burst, refill) = limit.rate();
    let (code, key_hash) = (format!("{limit:?}"), secret::hash_token(key));
    let mut tx = db.begin().await?;
    sqlx::query(
        "INSERT INTO throttle_buckets (limit_code, key_hash, tokens, at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (limit_code, key_hash) DO UPDATE SET tokens = throttle_buckets.tokens",
    )
    .bind(&code)
    .bind(&key_hash)
    .bind(burst as i64)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let row = sqlx::query("SELECT tokens, at FROM throttle_buckets WHERE limit_code = $1 AND key_hash = $2")
        .bind(&code)
        .bind(&key_hash)
        .fetch_one(&mut *tx)
        .await?;
    let stored = Bucket {
        tokens: row.try_get::<i64, _>("tokens")?.clamp(0, burst as i64) as u32,
        at: row.try_get("at")?,
        used: 0,
    };
    let mut bucket = refilled(stored, limit, now);
    let outcome = take_one(&mut bucket, refill, now);
    sqlx::query("UPDATE throttle_buckets SET tokens = $1, at = $2 WHERE limit_code = $3 AND key_hash = $4")
        .bind(bucket.tokens as i64)
        .bind(bucket.at)
        .bind(&code)
        .bind(&key_hash)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(outcome)
}

/// One try from a refilled bucket, or how many seconds until the next one is earned.
fn take_one(bucket: &mut Bucket, refill: i64, now: i64) -> Result<(), i64> {
    if bucket.tokens == 0 {
        return Err(refill - (now - bucket.at));
    }
    bucket.tokens -= 1;
    Ok(())
}

/// Forgets the buckets that have filled up again; if that is not a tenth of the table, the least
/// recently used too, down to nine tenths (one scan for every tenth of the table filled).
fn make_room(buckets: &mut HashMap<(Limit, String), Bucket>, now: i64) {
    buckets.retain(|(limit, _), bucket| refilled(*bucket, *limit, now).tokens < limit.rate().0);
    let keep = MAX_KEYS - MAX_KEYS / 10;
    if buckets.len() > keep {
        tracing::warn!(keys = buckets.len(), "throttle full: forgetting the least recently used");
        let mut used: Vec<u64> = buckets.values().map(|b| b.used).collect();
        let oldest = buckets.len() - keep;
        // Each try has its own number: the `oldest` least recently used are those at or below it.
        let (_, cutoff, _) = used.select_nth_unstable(oldest - 1);
        let cutoff = *cutoff;
        buckets.retain(|_, bucket| bucket.used > cutoff);
    }
}

/// The bucket with the tokens earned since it was last looked at.
fn refilled(bucket: Bucket, limit: Limit, now: i64) -> Bucket {
    let (burst, refill) = limit.rate();
    let earned = ((now - bucket.at).max(0) / refill).min(burst as i64) as u32;
    if bucket.tokens + earned >= burst {
        Bucket { tokens: burst, at: now, ..bucket }
    } else {
        Bucket { tokens: bucket.tokens + earned, at: bucket.at + earned as i64 * refill, ..bucket }
    }
}

/// The key of a caller address: an IPv6 caller is counted by its /64 network (one subscriber
/// line holds a whole /64), an IPv4 caller by its address.
pub fn address_key(ip: &str) -> String {
    match ip.parse::<IpAddr>() {
        Ok(IpAddr::V6(v6)) if v6.to_ipv4_mapped().is_none() => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        Ok(IpAddr::V6(v6)) => v6.to_ipv4_mapped().map(|v4| v4.to_string()).unwrap_or_default(),
        Ok(IpAddr::V4(v4)) => v4.to_string(),
        Err(_) => ip.to_string(),
    }
}

/// The key of an email as typed: trimmed and lower-cased, whether or not it has an account (the
/// answer must not tell).
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_try_given_back_is_not_counted_and_the_burst_is_never_exceeded() {
        let (limit, t0) = (Limit::InvitationCodeFromAddress, 1_000_000);
        let throttle = Throttle::new();
        for _ in 0..100 {
            assert_eq!(throttle.take(limit, "k", t0), Ok(()), "right codes, each given back");
            throttle.give_back(limit, "k");
        }
        throttle.give_back(limit, "k");
        let burst = limit.rate().0;
        for _ in 0..burst {
            assert_eq!(throttle.take(limit, "k", t0), Ok(()));
        }
        assert!(throttle.take(limit, "k", t0).is_err(), "wrong codes still stop at the burst");
    }

    #[test]
    fn each_limit_allows_its_burst_then_one_more_per_refill() {
        for limit in Limit::ALL {
            let (burst, refill) = limit.rate();
            let throttle = Throttle::new();
            let t0 = 1_000_000;
            for i in 0..burst {
                assert_eq!(throttle.take(limit, "k", t0), Ok(()), "{limit:?} try {i}");
            }
            assert_eq!(throttle.take(limit, "k", t0), Err(refill), "{limit:?} past the burst");
            assert_eq!(throttle.take(limit, "k", t0 + refill - 1), Err(1), "{limit:?} one second early");
            assert_eq!(throttle.take(limit, "k", t0 + refill), Ok(()), "{limit:?} after one refill");
            assert!(throttle.take(limit, "k", t0 + refill).is_err(), "{limit:?} only one earned");
            // Another key, and the same key under another limit, are untouched.
            assert_eq!(throttle.take(limit, "other", t0), Ok(()));
            // A long rest fills the bucket up to the burst, never beyond.
            let later = t0 + refill * (burst as i64 + 50);
            for _ in 0..burst {
                assert_eq!(throttle.take(limit, "k", later), Ok(()));
            }
            assert!(throttle.take(limit, "k", later).is_err(), "{limit:?} burst capped after a rest");
        }
    }

    /// The numbers as docs/ARCHITECTURE.md states them, written out: changing one fails here.
    #[test]
    fn the_limits_are_the_documented_ones() {
        let rates: Vec<(u32, i64)> = Limit::ALL.iter().map(|l| l.rate()).collect();
        assert_eq!(
            rates,
            [
                (30, 2),
                (20, 60),
                (30, 2),
                (20, 10),
                (10, 60),
                (3, 1200),
                (30, 2),
                (20, 180),
                (10, 60),
                (30, 10),
                (10, 360),
                (5, 600),
                (3, 3600)
            ]
        );
    }

    #[test]
    fn a_slow_steady_caller_is_never_refused() {
        let throttle = Throttle::new();
        let (_, refill) = Limit::SignInForEmail.rate();
        for i in 0..1_000 {
            assert_eq!(throttle.take(Limit::SignInForEmail, "a@example.org", i * refill), Ok(()));
        }
    }

    #[test]
    fn off_never_refuses() {
        let throttle = Throttle::off();
        for _ in 0..10_000 {
            assert_eq!(throttle.take(Limit::ResetMailForEmail, "k", 0), Ok(()));
        }
    }

    #[test]
    fn addresses_are_counted_by_line() {
        assert_eq!(address_key("203.0.113.7"), "203.0.113.7");
        assert_eq!(address_key("2001:db8:1:2:aaaa::1"), address_key("2001:db8:1:2:ffff::9"));
        assert_ne!(address_key("2001:db8:1:2::1"), address_key("2001:db8:1:3::1"));
        assert_eq!(address_key("::ffff:203.0.113.7"), "203.0.113.7");
        assert_eq!(email_key("  Lea@Example.ORG "), "lea@example.org");
    }

    #[test]
    fn memory_stays_bounded_under_a_spray_of_addresses() {
        let throttle = Throttle::new();
        for i in 0..(MAX_KEYS as i64 + 10) {
            throttle.take(Limit::SignInFromAddress, &i.to_string(), i * 60).unwrap();
        }
        assert!(throttle.keys() <= MAX_KEYS);
    }

    /// A flood of new addresses (each trying once, so none has filled up again) neither frees an
    /// address that keeps trying nor touches what protects an email.
    #[test]
    fn a_flood_of_addresses_frees_neither_a_caller_who_keeps_trying_nor_an_email() {
        let throttle = Throttle::new();
        let now = 1_000_000;
        let (burst, _) = Limit::SignInFromAddress.rate();
        for _ in 0..burst {
            throttle.take(Limit::SignInFromAddress, "attacker", now).unwrap();
        }
        for _ in 0..3 {
            throttle.take(Limit::ResetMailForEmail, "victim@example.org", now).unwrap();
        }
        for i in 0..(3 * MAX_KEYS as i64) {
            throttle.take(Limit::SignInFromAddress, &format!("flood-{i}"), now).unwrap();
            if i % 1_000 == 0 {
                assert!(throttle.take(Limit::SignInFromAddress, "attacker", now).is_err(), "after {i}");
            }
        }
        assert!(throttle.take(Limit::SignInFromAddress, "attacker", now).is_err());
        assert!(throttle.take(Limit::ResetMailForEmail, "victim@example.org", now).is_err());
        assert!(throttle.keys() <= MAX_KEYS + 1);
    }

    #[test]
    fn per_email_and_per_account_limits_are_kept_apart_from_addresses() {
        let per_target: Vec<Limit> = Limit::ALL.into_iter().filter(|l| !l.per_address()).collect();
        assert_eq!(
            per_target,
            [
                Limit::SignInForEmail,
                Limit::ResetMailForEmail,
                Limit::JoinRequestByAdministrator,
                Limit::PasswordWorkByAccount,
                Limit::MessageByAccount,
                Limit::ConversationStartByAccount,
                Limit::OrganisationRequestForEmail
            ]
        );
    }
}
