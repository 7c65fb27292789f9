//! Audited actions in words, for the access log and a patient file's recent activity.

/// The message key of an audited action: `sign_in.failed` → `audit-sign-in-failed`.
pub fn action_key(action: &str) -> String {
    format!("audit-{}", action.replace(['.', '_'], "-"))
}
