//! Who a person is and how they prove it: the account, its credentials and sessions, signing in,
//! passkeys, the lock after failed attempts, changing one's password, authenticator or email,
//! and the throttle.
pub mod account;
pub mod credential;
pub mod email_change;
pub mod known_browser;
pub mod lock;
pub mod passkey;
pub mod password_reset;
pub mod recovery_code;
pub mod security;
pub mod session;
pub mod sign_in;
pub mod terms;
pub mod throttle;
