//! States and kinds that both the server and the pages name. Each is stored as a short code; the
//! conversion lives here (`code`/`parse`) and is used only where rows are read and written.
use serde::{Deserialize, Serialize};

/// A stored code that names no known state: the database and the code disagree.
#[derive(Debug)]
pub struct UnknownCode(pub String);

impl std::fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown code {:?}", self.0)
    }
}

impl std::error::Error for UnknownCode {}

/// `TryFrom<String>` from `parse`, for `#[sqlx(try_from = "String")]` on row structs.
macro_rules! parse_from_string {
    ($($kind:ty),*) => {$(
        impl TryFrom<String> for $kind {
            type Error = UnknownCode;
            fn try_from(code: String) -> Result<Self, UnknownCode> {
                Self::parse(&code).ok_or(UnknownCode(code))
            }
        }
    )*};
}
parse_from_string!(Role, Method, GrantStatus);

/// What a person is in an organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    Admin,
    Professional,
    /// Help-desk staff: personal data to help people, never clinical data.
    Support,
    Patient,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Professional => "professional",
            Self::Support => "support",
            Self::Patient => "patient",
        }
    }
    pub fn parse(code: &str) -> Option<Self> {
        [Self::Admin, Self::Professional, Self::Support, Self::Patient].into_iter().find(|r| r.code() == code)
    }
    pub fn is_staff(self) -> bool {
        self != Self::Patient
    }
}

/// How a person answers the second step of signing in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Method {
    /// Six digits sent by email: the default for patients.
    Email,
    /// An authenticator app: required for staff, optional for patients.
    Totp,
}

impl Method {
    pub fn code(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Totp => "totp",
        }
    }
    pub fn parse(code: &str) -> Option<Self> {
        [Self::Email, Self::Totp].into_iter().find(|m| m.code() == code)
    }
}

/// Where a caregiver's grant stands, as stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum GrantStatus {
    /// Added by the care team; the caregiver has not redeemed the invitation yet.
    Invited,
    Active,
    Ended,
}

impl GrantStatus {
    pub fn code(self) -> &'static str {
        match self {
            Self::Invited => "invited",
            Self::Active => "active",
            Self::Ended => "ended",
        }
    }
    pub fn parse(code: &str) -> Option<Self> {
        [Self::Invited, Self::Active, Self::Ended].into_iter().find(|s| s.code() == code)
    }
}

/// A caregiver as people see them: an active grant whose end date or age limit has passed is
/// `Lapsed` even before the daily job records it as ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CaregiverStatus {
    Invited,
    Active,
    Lapsed,
    Ended,
}

impl CaregiverStatus {
    pub fn of(status: GrantStatus, in_force: bool) -> Self {
        match status {
            GrantStatus::Invited => Self::Invited,
            GrantStatus::Active if in_force => Self::Active,
            GrantStatus::Active => Self::Lapsed,
            GrantStatus::Ended => Self::Ended,
        }
    }
    /// The message key of its badge.
    pub fn key(self) -> &'static str {
        match self {
            Self::Invited => "caregiver-status-invited",
            Self::Active => "caregiver-status-active",
            Self::Lapsed => "caregiver-status-lapsed",
            Self::Ended => "caregiver-status-ended",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back_as_what_was_written() {
        for role in [Role::Admin, Role::Professional, Role::Support, Role::Patient] {
            assert_eq!(Role::parse(role.code()), Some(role));
        }
        for method in [Method::Email, Method::Totp] {
            assert_eq!(Method::parse(method.code()), Some(method));
        }
        for status in [GrantStatus::Invited, GrantStatus::Active, GrantStatus::Ended] {
            assert_eq!(GrantStatus::parse(status.code()), Some(status));
        }
        assert_eq!(Role::parse("Admin"), None, "codes are exact");
    }

    #[test]
    fn an_active_grant_out_of_force_is_lapsed() {
        assert_eq!(CaregiverStatus::of(GrantStatus::Active, true), CaregiverStatus::Active);
        assert_eq!(CaregiverStatus::of(GrantStatus::Active, false), CaregiverStatus::Lapsed);
        assert_eq!(CaregiverStatus::of(GrantStatus::Ended, false), CaregiverStatus::Ended);
    }
}

/// Which staff accounts a list shows, by where they stand (`?state=` on the staff list).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum StaffFilter {
    #[default]
    All,
    Invited,
    Active,
    Suspended,
    Locked,
}

impl StaffFilter {
    pub const ALL: [Self; 5] = [Self::All, Self::Invited, Self::Active, Self::Suspended, Self::Locked];

    pub fn code(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Invited => "invited",
            Self::Active => "active",
            Self::Suspended => "suspended",
            Self::Locked => "locked",
        }
    }

    /// Anything unknown (or nothing) shows everyone.
    pub fn parse(code: &str) -> Self {
        Self::ALL.into_iter().find(|f| f.code() == code).unwrap_or_default()
    }
}
